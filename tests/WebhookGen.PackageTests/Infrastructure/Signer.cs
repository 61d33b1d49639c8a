using System;
using System.Security.Cryptography;
using System.Text;

namespace WebhookGen.PackageTests.Infrastructure;

/// <summary>Signs a body as gridX does: <c>X-Signature: sha512=&lt;hex HMAC-SHA512 of the raw body&gt;</c>.</summary>
internal static class Signer
{
    public static string Sign(string body, string secret) =>
        "sha512=" + Convert.ToHexStringLower(HMACSHA512.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));
}
