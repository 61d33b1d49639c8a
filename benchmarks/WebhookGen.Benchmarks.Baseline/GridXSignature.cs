using System.Buffers;
using System.Security.Cryptography;

namespace WebhookGen.Benchmarks.Baseline;

/// <summary>Checks gridX's <c>X-Signature: sha512=&lt;hex HMAC-SHA512 of the raw body&gt;</c>.</summary>
public static class GridXSignature
{
    public const string HeaderName = "X-Signature";

    private const string Prefix = "sha512=";

    public static bool IsValid(string? header, ReadOnlySpan<byte> body, ReadOnlySpan<byte> key)
    {
        Span<byte> sent = stackalloc byte[HMACSHA512.HashSizeInBytes];
        if (!TryReadSent(header, sent))
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA512.HashSizeInBytes];
        HMACSHA512.HashData(key, body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, sent);
    }

    /// <summary>Decodes the MAC <paramref name="header"/> carries into <paramref name="sent"/>; false when it is not one.</summary>
    public static bool TryReadSent(string? header, Span<byte> sent)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var hex = header.AsSpan(Prefix.Length);
        return hex.Length == sent.Length * 2 && Convert.FromHexString(hex, sent, out _, out _) == OperationStatus.Done;
    }
}
