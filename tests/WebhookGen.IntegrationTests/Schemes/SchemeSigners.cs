using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace WebhookGen.IntegrationTests.Schemes;

/// <summary>
/// Signs deliveries as each sender does, written from the schemes' descriptions with <see cref="HMACSHA256"/> and
/// independently of the runtime's verifier, so that these tests catch its mistakes rather than repeat them.
/// </summary>
public static class SchemeSigners
{
    /// <summary>HMAC-SHA256 of <c>{prefix}{body}</c>: every scheme here signs some text followed by the raw body.</summary>
    public static byte[] Mac(byte[] key, string prefix, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(key);
        var prefixBytes = Encoding.UTF8.GetBytes(prefix);
        var content = new byte[prefixBytes.Length + body.Length];
        prefixBytes.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(prefixBytes.Length));
        return HMACSHA256.HashData(key, content);
    }

    /// <summary>A fresh random secret of <paramref name="bytes"/> bytes, as base64.</summary>
    public static string RandomBase64(int bytes = 32) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes));

    public static string Seconds(long unixSeconds) => unixSeconds.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// Standard Webhooks (https://www.standardwebhooks.com/): <c>webhook-signature: v1,&lt;base64&gt;[ v1,&lt;base64&gt;]</c>,
/// each the HMAC-SHA256 of <c>{webhook-id}.{webhook-timestamp}.{body}</c> keyed with the base64-decoded secret after
/// <c>whsec_</c>.
/// </summary>
public static class StandardWebhooksSigner
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    /// <summary>A new secret as Standard Webhooks senders hand it out: <c>whsec_</c> and base64 of 24 random bytes.</summary>
    public static string NewSecret() => "whsec_" + SchemeSigners.RandomBase64(24);

    /// <summary>The key a secret stands for: the base64 after <c>whsec_</c>.</summary>
    public static byte[] Key(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret["whsec_".Length..] : secret);
    }

    /// <summary>One signature: <c>v1,</c> and the base64 MAC.</summary>
    public static string Signature(string secret, string id, long timestamp, ReadOnlySpan<byte> body) =>
        "v1," + Convert.ToBase64String(SchemeSigners.Mac(Key(secret), id + "." + SchemeSigners.Seconds(timestamp) + ".", body));

    /// <summary>The header value with one signature per secret, separated by spaces.</summary>
    public static string Header(string id, long timestamp, byte[] body, IEnumerable<string> secrets) =>
        string.Join(" ", secrets.Select(s => Signature(s, id, timestamp, body)));
}

/// <summary>
/// Stripe: <c>Stripe-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;[,v1=&lt;hex&gt;]</c>, each the lower-case hex
/// HMAC-SHA256 of <c>{t}.{body}</c> keyed with the secret's UTF-8 bytes.
/// </summary>
public static class StripeSigner
{
    public const string HeaderName = "Stripe-Signature";

    /// <summary>A new secret as Stripe hands it out (used as is, not decoded).</summary>
    public static string NewSecret() => "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The hex MAC of one secret.</summary>
    public static string Mac(string secret, long timestamp, ReadOnlySpan<byte> body) =>
        Convert.ToHexStringLower(SchemeSigners.Mac(Encoding.UTF8.GetBytes(secret), SchemeSigners.Seconds(timestamp) + ".", body));

    /// <summary>The header value: <c>t=</c>, then one <c>v1=</c> per secret.</summary>
    public static string Header(long timestamp, byte[] body, IEnumerable<string> secrets) =>
        "t=" + SchemeSigners.Seconds(timestamp) + string.Concat(secrets.Select(s => ",v1=" + Mac(s, timestamp, body)));
}

/// <summary>
/// Acme Freight (<c>specs/declared-signature</c>): <c>X-Acme-Signature</c> is the padded base64 HMAC-SHA256 of
/// <c>{X-Acme-Timestamp}:{body}</c> keyed with the secret's UTF-8 bytes, several separated by commas;
/// <c>X-Acme-Delivery</c> is the delivery's id.
/// </summary>
public static class AcmeSigner
{
    public const string SignatureHeader = "X-Acme-Signature";
    public const string TimestampHeader = "X-Acme-Timestamp";
    public const string DeliveryHeader = "X-Acme-Delivery";

    public static string NewSecret() => "acme-" + Guid.NewGuid().ToString("N");

    /// <summary>The base64 MAC of one secret.</summary>
    public static string Mac(string secret, long timestamp, ReadOnlySpan<byte> body) =>
        Convert.ToBase64String(SchemeSigners.Mac(Encoding.UTF8.GetBytes(secret), SchemeSigners.Seconds(timestamp) + ":", body));

    /// <summary>The header value with one MAC per secret, separated by commas.</summary>
    public static string Header(long timestamp, byte[] body, IEnumerable<string> secrets) =>
        string.Join(",", secrets.Select(s => Mac(s, timestamp, body)));
}
