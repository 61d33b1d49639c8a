using System;
using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace WebhookGen.Signatures;

/// <summary>
/// The MAC of a scheme's signed content and how it is written: the one piece of code both the verifier and the test
/// kit's signer use, so that what is signed can never drift from what is verified.
/// </summary>
internal static class SignatureMac
{
    /// <summary>
    /// Writes the HMAC of <paramref name="parts"/> (joined by <paramref name="contentSeparator"/>) under
    /// <paramref name="key"/> to <paramref name="destination"/>, which is exactly the algorithm's hash size.
    /// </summary>
    public static void Compute(
        HmacAlgorithm algorithm,
        ReadOnlySpan<SignedContentPart> parts,
        ReadOnlySpan<byte> contentSeparator,
        ReadOnlySpan<byte> key,
        ReadOnlySpan<byte> body,
        string? id,
        string? timestamp,
        Span<byte> destination)
    {
        if (parts is [SignedContentPart.Body])
        {
            _ = algorithm switch
            {
#pragma warning disable CA5350 // SHA-1 only where a provider still signs with it (X-Hub-Signature); HMAC-SHA1 is not broken as a MAC.
                HmacAlgorithm.Sha1 => HMACSHA1.HashData(key, body, destination),
#pragma warning restore CA5350
                HmacAlgorithm.Sha256 => HMACSHA256.HashData(key, body, destination),
                _ => HMACSHA512.HashData(key, body, destination),
            };
            return;
        }

        using var hmac = IncrementalHash.CreateHMAC(HmacAlgorithms.HashName(algorithm), key);
        Compute(hmac, parts, contentSeparator, body, id, timestamp, destination);
    }

    /// <summary>
    /// Writes the MAC of <paramref name="parts"/> under the key <paramref name="hmac"/> holds to
    /// <paramref name="destination"/>, and leaves <paramref name="hmac"/> in its keyed state for the next message.
    /// </summary>
    public static void Compute(
        IncrementalHash hmac,
        ReadOnlySpan<SignedContentPart> parts,
        ReadOnlySpan<byte> contentSeparator,
        ReadOnlySpan<byte> body,
        string? id,
        string? timestamp,
        Span<byte> destination)
    {
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                hmac.AppendData(contentSeparator);
            }

            switch (parts[i])
            {
                case SignedContentPart.Id:
                    AppendText(hmac, id, Encoding.UTF8);
                    break;
                case SignedContentPart.Timestamp:
                    AppendText(hmac, timestamp, Encoding.ASCII);
                    break;
                default:
                    hmac.AppendData(body);
                    break;
            }
        }

        _ = hmac.GetHashAndReset(destination);
    }

    /// <summary>Appends <paramref name="text"/> in <paramref name="encoding"/>, through the stack when short, else a pooled array.</summary>
    private static void AppendText(IncrementalHash hmac, string? text, Encoding encoding)
    {
        const int StackBytes = 256;
        text ??= string.Empty;
        var length = encoding.GetMaxByteCount(text.Length);
        var rented = length <= StackBytes ? null : ArrayPool<byte>.Shared.Rent(length);
        var bytes = rented ?? stackalloc byte[StackBytes];
        hmac.AppendData(bytes[..encoding.GetBytes(text, bytes)]);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>A MAC as a sender writes it: lower-case hex or standard, padded base64.</summary>
    public static string Format(ReadOnlySpan<byte> mac, SignatureEncoding encoding) =>
        encoding == SignatureEncoding.Base64
            ? Convert.ToBase64String(mac)
#pragma warning disable CA1308 // Senders write hex in lower case (sha256=9f86d0…); this is not a normalisation for comparison.
            : Convert.ToHexString(mac).ToLowerInvariant();
#pragma warning restore CA1308
}
