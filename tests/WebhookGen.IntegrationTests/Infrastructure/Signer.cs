using System;
using System.Security.Cryptography;
using System.Text;

namespace WebhookGen.IntegrationTests.Infrastructure;

/// <summary>Signs bodies as gridX does, written independently of the runtime's verifier.</summary>
public static class Signer
{
    public const string HeaderName = "X-Signature";

    /// <summary>The lower-case hex HMAC-SHA512 of <paramref name="body"/> under <paramref name="secret"/>.</summary>
    public static string Hex(ReadOnlySpan<byte> body, string secret) =>
        Convert.ToHexStringLower(HMACSHA512.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>The complete header value: <c>sha512=&lt;hex&gt;</c>.</summary>
    public static string Sign(ReadOnlySpan<byte> body, string secret) => "sha512=" + Hex(body, secret);
}
