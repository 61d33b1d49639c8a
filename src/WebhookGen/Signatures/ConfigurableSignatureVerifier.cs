using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace WebhookGen.Signatures;

/// <summary>
/// Verifies any HMAC scheme a <see cref="WebhookSignatureScheme"/> describes: the X-Hub-Signature family, Standard
/// Webhooks, Stripe and whatever a spec declares with <c>x-webhook-signature</c>.
/// </summary>
/// <remarks>
/// A header may carry several signatures (senders do so while they rotate secrets) and several secrets may be configured;
/// any valid pair accepts the delivery. Each secret's MAC is computed once per request, however many signatures the header
/// carries, and compared in constant time. Where the scheme has a timestamp, a matching signature whose timestamp is further
/// from now than <see cref="WebhookSignatureScheme.TimestampTolerance"/> (either way) is
/// <see cref="SignatureVerificationResult.TimestampOutOfRange"/>. Nothing here logs a secret or keeps one in a managed
/// array; each thread keeps the keyed HMAC of the secrets it verified with, in native state (<see cref="KeyedMacs"/>).
/// </remarks>
public sealed class ConfigurableSignatureVerifier : IWebhookSignatureVerifier
{
    private const int MaxTimestampDigits = 12;

    // MACs up to this size are kept on the stack (8 SHA-512 MACs); more are pooled.
    private const int StackMacBytes = 8 * HmacAlgorithms.MaxHashSize;

    private readonly int _hashSize;
    private readonly byte[] _contentSeparator;
    private readonly SignedContentPart[] _parts;

    /// <summary>Creates a verifier of <paramref name="scheme"/>.</summary>
    /// <param name="scheme">The scheme; it is checked here (<see cref="WebhookSignatureScheme.Validate"/>).</param>
    /// <param name="timeProvider">The clock timestamps are checked against; <see cref="TimeProvider.System"/> when omitted.</param>
    /// <exception cref="ArgumentException">The scheme is inconsistent.</exception>
    public ConfigurableSignatureVerifier(WebhookSignatureScheme scheme, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        var problems = scheme.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("The signature scheme is invalid: " + string.Join("; ", problems) + ".", nameof(scheme));
        }

        _parts = scheme.SignedContent.ToArray();
        Scheme = scheme with { SignedContent = Array.AsReadOnly(_parts) };
        TimeProvider = timeProvider ?? TimeProvider.System;
        _hashSize = HmacAlgorithms.HashSize(scheme.Algorithm);
        _contentSeparator = Encoding.UTF8.GetBytes(scheme.ContentSeparator ?? string.Empty);
    }

    /// <summary>The scheme verified.</summary>
    public WebhookSignatureScheme Scheme { get; }

    /// <summary>The clock timestamps are checked against.</summary>
    public TimeProvider TimeProvider { get; }

    /// <inheritdoc />
    public SignatureVerificationResult Verify(IHeaderDictionary headers, ReadOnlySpan<byte> body, IReadOnlyList<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(secrets);

        var values = headers[Scheme.HeaderName];
        if (!HasSignatureEntry(values))
        {
            return SignatureVerificationResult.Missing;
        }

        string? timestamp = null;
        long seconds = 0;
        if (Scheme.HasTimestamp)
        {
            var read = Scheme.TimestampHeaderName is { } timestampHeader ? ReadSingle(headers[timestampHeader], out timestamp) : ReadTimestampEntry(values, out timestamp);
            if (read != SignatureVerificationResult.Valid)
            {
                return read;
            }

            if (!TryParseTimestamp(timestamp!, out seconds))
            {
                return SignatureVerificationResult.Malformed;
            }
        }

        string? id = null;
        if (Scheme.IdHeaderName is { } idHeader && Array.IndexOf(_parts, SignedContentPart.Id) >= 0)
        {
            var read = ReadSingle(headers[idHeader], out id);
            if (read != SignatureVerificationResult.Valid)
            {
                return read;
            }
        }

        var outcome = Match(values, body, secrets, id, timestamp);
        if (outcome != SignatureVerificationResult.Valid || !Scheme.HasTimestamp)
        {
            return outcome;
        }

        // Checked after the signature, so that only an authentic delivery is ever reported as stale or early.
        var skew = TimeProvider.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        return skew.Duration() > Scheme.TimestampTolerance
            ? SignatureVerificationResult.TimestampOutOfRange
            : SignatureVerificationResult.Valid;
    }

    /// <summary>The key a configured secret stands for under <paramref name="encoding"/>, or null when it is not valid in it.</summary>
    public static byte[]? DecodeSecret(string secret, SecretEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var key = new byte[SecretKeys.MaxLength(secret, encoding)];
        return SecretKeys.TryDecode(secret, encoding, key, out var written) ? key[..written] : null;
    }

    private SignatureVerificationResult Match(StringValues values, ReadOnlySpan<byte> body, IReadOnlyList<string> secrets, string? id, string? timestamp)
    {
        // Room for a base64 value that decodes to a little more than the largest MAC: longer values fail to decode.
        Span<byte> buffer = stackalloc byte[HmacAlgorithms.MaxHashSize + 3];
        var macsLength = secrets.Count * _hashSize;
        byte[]? rented = null;
        var macs = macsLength <= StackMacBytes ? stackalloc byte[macsLength] : (rented = ArrayPool<byte>.Shared.Rent(macsLength));
        var computed = -1;
        var sawSignature = false;
        var sawWellFormed = false;
        try
        {
            foreach (var value in values)
            {
                var rest = value.AsSpan();
                while (!rest.IsEmpty)
                {
                    var candidate = NextEntry(ref rest);
                    if (candidate.IsEmpty || IsTimestampEntry(candidate))
                    {
                        continue;
                    }

                    sawSignature = true;
                    if (!TryReadSignature(candidate, buffer, out var actual))
                    {
                        continue;
                    }

                    sawWellFormed = true;
                    if (computed < 0)
                    {
                        computed = ComputeMacs(secrets, body, id, timestamp, macs);
                    }

                    for (var offset = 0; offset < computed * _hashSize; offset += _hashSize)
                    {
                        if (CryptographicOperations.FixedTimeEquals(macs.Slice(offset, _hashSize), buffer[..actual]))
                        {
                            return SignatureVerificationResult.Valid;
                        }
                    }
                }
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented, clearArray: true);
            }
        }

        return !sawSignature ? SignatureVerificationResult.Missing
            : !sawWellFormed ? SignatureVerificationResult.Malformed
            : SignatureVerificationResult.Mismatch;
    }

    private bool HasSignatureEntry(StringValues values)
    {
        foreach (var value in values)
        {
            var rest = value.AsSpan();
            while (!rest.IsEmpty)
            {
                var entry = NextEntry(ref rest);
                if (!entry.IsEmpty && !IsTimestampEntry(entry))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private SignatureVerificationResult ReadTimestampEntry(StringValues values, out string? timestamp)
    {
        timestamp = null;
        foreach (var value in values)
        {
            var rest = value.AsSpan();
            while (!rest.IsEmpty)
            {
                var entry = NextEntry(ref rest);
                if (!IsTimestampEntry(entry))
                {
                    continue;
                }

                if (timestamp is not null)
                {
                    return SignatureVerificationResult.Malformed;
                }

                _ = TryStripPrefix(entry, Scheme.TimestampPrefix!, out var digits);
                timestamp = digits.ToString();
            }
        }

        return timestamp is null ? SignatureVerificationResult.Missing : SignatureVerificationResult.Valid;
    }

    private static SignatureVerificationResult ReadSingle(StringValues values, out string? value)
    {
        value = null;
        if (values.Count == 0 || string.IsNullOrWhiteSpace(values[0]))
        {
            return SignatureVerificationResult.Missing;
        }

        if (values.Count > 1)
        {
            return SignatureVerificationResult.Malformed;
        }

        value = values[0]!.Trim();
        return SignatureVerificationResult.Valid;
    }

    private static bool TryParseTimestamp(string text, out long seconds)
    {
        seconds = 0;
        if (text.Length is 0 or > MaxTimestampDigits || text.AsSpan().IndexOfAnyExceptInRange('0', '9') >= 0)
        {
            return false;
        }

        // Beyond year 9999 a timestamp is no time at all (and would not convert to one).
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out seconds)
            && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds();
    }

    private ReadOnlySpan<char> NextEntry(ref ReadOnlySpan<char> rest)
    {
        var separator = Scheme.SignatureSeparator;
        var at = rest.IndexOf(separator.AsSpan(), StringComparison.Ordinal);
        var entry = (at < 0 ? rest : rest[..at]).Trim();
        rest = at < 0 ? default : rest[(at + separator.Length)..];
        return entry;
    }

    private bool IsTimestampEntry(ReadOnlySpan<char> entry) =>
        Scheme.TimestampPrefix is { } prefix && TryStripPrefix(entry, prefix, out _);

    private bool TryReadSignature(ReadOnlySpan<char> candidate, Span<byte> buffer, out int length)
    {
        length = 0;
        if (!TryStripPrefix(candidate, Scheme.Prefix, out var text))
        {
            return false;
        }

        if (Scheme.Encoding == SignatureEncoding.Base64)
        {
            if (!Convert.TryFromBase64Chars(text, buffer, out var written) || written != _hashSize)
            {
                return false;
            }

            length = written;
            return true;
        }

        if (!HexDigits.TryDecode(text, buffer[.._hashSize]))
        {
            return false;
        }

        length = _hashSize;
        return true;
    }

    /// <summary>Strips <paramref name="prefix"/> from the start of <paramref name="entry"/>, ignoring ASCII case and white space.</summary>
    private static bool TryStripPrefix(ReadOnlySpan<char> entry, string prefix, out ReadOnlySpan<char> rest)
    {
        // The usual entry starts with the prefix as written: compared at once instead of a character at a time.
        if (entry.Length >= prefix.Length && Ascii.EqualsIgnoreCase(entry[..prefix.Length], prefix))
        {
            rest = entry[prefix.Length..].Trim();
            return true;
        }

        rest = default;
        var i = 0;
        foreach (var expected in prefix)
        {
            if (char.IsWhiteSpace(expected))
            {
                continue;
            }

            while (i < entry.Length && char.IsWhiteSpace(entry[i]))
            {
                i++;
            }

            if (i >= entry.Length || char.ToLowerInvariant(entry[i]) != char.ToLowerInvariant(expected))
            {
                return false;
            }

            i++;
        }

        rest = entry[i..].Trim();
        return true;
    }

    /// <summary>
    /// Writes the MAC under each usable secret to <paramref name="macs"/>, back to back, and returns how many; a secret
    /// that is not a valid key adds none. Each secret's keyed HMAC is kept per thread (<see cref="KeyedMacs"/>).
    /// </summary>
    private int ComputeMacs(IReadOnlyList<string> secrets, ReadOnlySpan<byte> body, string? id, string? timestamp, Span<byte> macs)
    {
        var count = 0;
        for (var i = 0; i < secrets.Count; i++)
        {
            if (!KeyedMacs.TryGet(secrets[i], Scheme.SecretEncoding, Scheme.Algorithm, out var hmac))
            {
                continue;
            }

            try
            {
                SignatureMac.Compute(hmac, _parts, _contentSeparator, body, id, timestamp, macs.Slice(count * _hashSize, _hashSize));
            }
            catch
            {
                // It may hold part of a message now: the next delivery must not start from it.
                KeyedMacs.Forget(hmac);
                throw;
            }

            count++;
        }

        return count;
    }
}
