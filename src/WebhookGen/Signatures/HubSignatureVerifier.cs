using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace WebhookGen.Signatures;

/// <summary>
/// The WebSub / <c>X-Hub-Signature</c> scheme: a header <c>&lt;method&gt;=&lt;hex HMAC of the raw body&gt;</c>,
/// for example <c>X-Signature: sha512=9f86d0…</c>. Several signatures may be sent at once, separated by commas
/// (senders do so while they rotate secrets); any valid one accepts the delivery. Hex is read in either case.
/// </summary>
public sealed class HubSignatureVerifier : IWebhookSignatureVerifier
{
    private const int MaxHashSize = 64;

    /// <summary>Creates a verifier for one header and hash function.</summary>
    public HubSignatureVerifier(string headerName, HmacAlgorithm algorithm)
    {
        ArgumentException.ThrowIfNullOrEmpty(headerName);
        HeaderName = headerName;
        Algorithm = algorithm;
        MethodName = algorithm switch
        {
            HmacAlgorithm.Sha1 => "sha1",
            HmacAlgorithm.Sha256 => "sha256",
            HmacAlgorithm.Sha512 => "sha512",
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null),
        };
    }

    /// <summary>The header that carries the signature.</summary>
    public string HeaderName { get; }

    /// <summary>The hash function.</summary>
    public HmacAlgorithm Algorithm { get; }

    /// <summary>The method prefix before <c>=</c>, for example <c>sha512</c>.</summary>
    public string MethodName { get; }

    private int HashSize => Algorithm switch
    {
        HmacAlgorithm.Sha1 => 20,
        HmacAlgorithm.Sha256 => 32,
        _ => 64,
    };

    /// <inheritdoc />
    public SignatureVerificationResult Verify(IHeaderDictionary headers, ReadOnlySpan<byte> body, IReadOnlyList<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(secrets);

        StringValues values = headers[HeaderName];
        Span<byte> actual = stackalloc byte[MaxHashSize];
        actual = actual[..HashSize];

        // The MAC of the body under each secret, computed once: a header may carry many signatures, and hashing the
        // whole body again for each would let one request cost the server as many passes over the body.
        byte[]? expected = null;
        var sawSignature = false;
        var sawWellFormed = false;
        foreach (var value in values)
        {
            var rest = value.AsSpan();
            while (!rest.IsEmpty)
            {
                var comma = rest.IndexOf(',');
                var candidate = (comma < 0 ? rest : rest[..comma]).Trim();
                rest = comma < 0 ? default : rest[(comma + 1)..];
                if (candidate.IsEmpty)
                {
                    continue;
                }

                sawSignature = true;
                if (!TryReadSignature(candidate, actual))
                {
                    continue;
                }

                sawWellFormed = true;
                expected ??= ComputeHmacs(secrets, body);
                for (var offset = 0; offset < expected.Length; offset += actual.Length)
                {
                    if (CryptographicOperations.FixedTimeEquals(expected.AsSpan(offset, actual.Length), actual))
                    {
                        return SignatureVerificationResult.Valid;
                    }
                }
            }
        }

        return !sawSignature ? SignatureVerificationResult.Missing
            : !sawWellFormed ? SignatureVerificationResult.Malformed
            : SignatureVerificationResult.Mismatch;
    }

    /// <summary>Signs a body as a sender of this scheme does: the complete header value, for example <c>sha512=…</c>.</summary>
    public string Sign(ReadOnlySpan<byte> body, string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        Span<byte> mac = stackalloc byte[MaxHashSize];
        mac = mac[..HashSize];
        ComputeHmac(secret, body, mac);
        return MethodName + "=" + Convert.ToHexString(mac).ToLowerInvariant();
    }

    private bool TryReadSignature(ReadOnlySpan<char> candidate, Span<byte> destination)
    {
        var equals = candidate.IndexOf('=');
        if (equals < 0 || !candidate[..equals].Trim().Equals(MethodName, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var hex = candidate[(equals + 1)..].Trim();
        if (hex.Length != destination.Length * 2)
        {
            return false;
        }

        foreach (var c in hex)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        Convert.FromHexString(hex).CopyTo(destination);
        return true;
    }

    private byte[] ComputeHmacs(IReadOnlyList<string> secrets, ReadOnlySpan<byte> body)
    {
        var macs = new byte[secrets.Count * HashSize];
        for (var i = 0; i < secrets.Count; i++)
        {
            ComputeHmac(secrets[i], body, macs.AsSpan(i * HashSize, HashSize));
        }

        return macs;
    }

    private void ComputeHmac(string secret, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        var key = Encoding.UTF8.GetBytes(secret);
        _ = Algorithm switch
        {
#pragma warning disable CA5350 // SHA-1 only where a provider still signs with it (X-Hub-Signature); HMAC-SHA1 is not broken as a MAC.
            HmacAlgorithm.Sha1 => HMACSHA1.HashData(key, body, destination),
#pragma warning restore CA5350
            HmacAlgorithm.Sha256 => HMACSHA256.HashData(key, body, destination),
            _ => HMACSHA512.HashData(key, body, destination),
        };
    }
}
