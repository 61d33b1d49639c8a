using System;
using System.Security.Cryptography;
using System.Text;
using WebhookGen.Signatures;

namespace WebhookGen.IntegrationTests.Styles;

/// <summary>
/// How a style's deliveries are signed: <c>{Header}: {method}=&lt;lower-case hex HMAC of the raw body&gt;</c>. Computed here
/// with <see cref="System.Security.Cryptography"/>, independently of the runtime's verifier.
/// </summary>
public sealed record StyleSignature(string HeaderName, HmacAlgorithm Algorithm)
{
    /// <summary>The method before <c>=</c>: <c>sha1</c>, <c>sha256</c> or <c>sha512</c>.</summary>
    public string Method => Algorithm switch
    {
        HmacAlgorithm.Sha1 => "sha1",
        HmacAlgorithm.Sha256 => "sha256",
        HmacAlgorithm.Sha512 => "sha512",
        _ => throw new InvalidOperationException("Unknown algorithm " + Algorithm),
    };

    /// <summary>The lower-case hex HMAC of <paramref name="body"/> under <paramref name="secret"/>.</summary>
    public string Hex(ReadOnlySpan<byte> body, string secret)
    {
        var key = Encoding.UTF8.GetBytes(secret);
#pragma warning disable CA5350 // HMAC-SHA1 is what GitHub's X-Hub-Signature (and so the spec) uses.
        var mac = Algorithm switch
        {
            HmacAlgorithm.Sha1 => HMACSHA1.HashData(key, body),
            HmacAlgorithm.Sha256 => HMACSHA256.HashData(key, body),
            HmacAlgorithm.Sha512 => HMACSHA512.HashData(key, body),
            _ => throw new InvalidOperationException("Unknown algorithm " + Algorithm),
        };
#pragma warning restore CA5350
        return Convert.ToHexStringLower(mac);
    }

    /// <summary>The complete header value, for example <c>sha256=&lt;hex&gt;</c>.</summary>
    public string Sign(ReadOnlySpan<byte> body, string secret) => Method + "=" + Hex(body, secret);

    /// <summary>The runtime's verifier for this scheme, for <c>options.UseSignatureVerifier(...)</c>.</summary>
    public HubSignatureVerifier CreateVerifier() => new(HeaderName, Algorithm);
}
