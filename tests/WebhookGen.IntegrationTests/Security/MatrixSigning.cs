using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace WebhookGen.IntegrationTests.Security;

/// <summary>
/// A clock that always says the same time: the timestamped schemes of the matrix are verified against it, so "too old"
/// and "too new" are exact.
/// </summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; } = now;

    public long UnixSeconds => Now.ToUnixTimeSeconds();

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>
/// How the matrix's senders sign, written from the schemes' descriptions with <see cref="System.Security.Cryptography"/>,
/// independently of the runtime's verifier.
/// </summary>
public static class MatrixSigning
{
    /// <summary>gridX: <c>sha512=&lt;lower-case hex HMAC-SHA512 of the body&gt;</c>, UTF-8 secret.</summary>
    public static string GridXHex(byte[] body, string secret) =>
        Convert.ToHexStringLower(HMACSHA512.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>A Standard Webhooks secret: <c>whsec_</c> and base64 of 24 random bytes.</summary>
    public static string NewWhsecSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));

    /// <summary>A Stripe secret, used as its UTF-8 bytes.</summary>
    public static string NewStripeSecret() => "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The raw HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c> keyed with the base64 after <c>whsec_</c>.</summary>
    public static byte[] StandardWebhooksMac(string secret, string id, long timestamp, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        return HMACSHA256.HashData(key, Concat(id + "." + Seconds(timestamp) + ".", body));
    }

    /// <summary>One Standard Webhooks signature: <c>v1,&lt;base64&gt;</c>.</summary>
    public static string StandardWebhooksSignature(string secret, string id, long timestamp, byte[] body) =>
        "v1," + Convert.ToBase64String(StandardWebhooksMac(secret, id, timestamp, body));

    /// <summary>The lower-case hex HMAC-SHA256 of <c>{t}.{body}</c> keyed with the secret's UTF-8 bytes.</summary>
    public static string StripeMac(string secret, long timestamp, byte[] body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Concat(Seconds(timestamp) + ".", body)));

    public static string Seconds(long unixSeconds) => unixSeconds.ToString(CultureInfo.InvariantCulture);

    private static byte[] Concat(string prefix, byte[] body)
    {
        var prefixBytes = Encoding.UTF8.GetBytes(prefix);
        var content = new byte[prefixBytes.Length + body.Length];
        prefixBytes.CopyTo(content, 0);
        body.CopyTo(content, prefixBytes.Length);
        return content;
    }
}
