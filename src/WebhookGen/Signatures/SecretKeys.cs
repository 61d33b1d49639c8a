using System;
using System.Text;

namespace WebhookGen.Signatures;

/// <summary>How a configured secret becomes an HMAC key under a <see cref="SecretEncoding"/>.</summary>
internal static class SecretKeys
{
    /// <summary>The prefix Standard Webhooks and Svix put before a base64 secret.</summary>
    public const string WhsecPrefix = "whsec_";

    /// <summary>How many bytes <see cref="TryDecode"/> may write for <paramref name="secret"/>.</summary>
    public static int MaxLength(string secret, SecretEncoding encoding) =>
        encoding == SecretEncoding.WhsecBase64 ? WhsecText(secret).Length : Encoding.UTF8.GetByteCount(secret);

    /// <summary>Writes the key <paramref name="secret"/> stands for to <paramref name="destination"/>; false when it is not valid in <paramref name="encoding"/>.</summary>
    public static bool TryDecode(string secret, SecretEncoding encoding, Span<byte> destination, out int written)
    {
        if (encoding != SecretEncoding.WhsecBase64)
        {
            written = Encoding.UTF8.GetBytes(secret, destination);
            return true;
        }

        var text = WhsecText(secret);
        if (!text.IsEmpty && Convert.TryFromBase64Chars(text, destination, out written) && written > 0)
        {
            return true;
        }

        written = 0;
        return false;
    }

    private static ReadOnlySpan<char> WhsecText(string secret) =>
        secret.StartsWith(WhsecPrefix, StringComparison.Ordinal) ? secret.AsSpan(WhsecPrefix.Length) : secret.AsSpan();
}
