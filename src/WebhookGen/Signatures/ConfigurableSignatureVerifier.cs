using System;
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
/// <see cref="SignatureVerificationResult.TimestampOutOfRange"/>. Nothing here logs or keeps a secret.
/// </remarks>
public sealed class ConfigurableSignatureVerifier : IWebhookSignatureVerifier
{
    /// <summary>The prefix Standard Webhooks and Svix put before a base64 secret.</summary>
    internal const string WhsecPrefix = "whsec_";
    private const int MaxTimestampDigits = 12;

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
        if (encoding != SecretEncoding.WhsecBase64)
        {
            return Encoding.UTF8.GetBytes(secret);
        }

        var text = secret.StartsWith(WhsecPrefix, StringComparison.Ordinal) ? secret.AsSpan(WhsecPrefix.Length) : secret.AsSpan();
        var key = new byte[text.Length];
        if (text.IsEmpty || !Convert.TryFromBase64Chars(text, key, out var written) || written == 0)
        {
            return null;
        }

        return key[..written];
    }

    private SignatureVerificationResult Match(StringValues values, ReadOnlySpan<byte> body, IReadOnlyList<string> secrets, string? id, string? timestamp)
    {
        // Room for a base64 value that decodes to a little more than the largest MAC: longer values fail to decode.
        Span<byte> buffer = stackalloc byte[HmacAlgorithms.MaxHashSize + 3];
        byte[]? expected = null;
        var sawSignature = false;
        var sawWellFormed = false;
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
                expected ??= ComputeMacs(secrets, body, id, timestamp);
                for (var offset = 0; offset < expected.Length; offset += _hashSize)
                {
                    if (CryptographicOperations.FixedTimeEquals(expected.AsSpan(offset, _hashSize), buffer[..actual]))
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
        if (text.Length is 0 or > MaxTimestampDigits || !text.All(char.IsAsciiDigit))
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

        if (text.Length != _hashSize * 2)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        Convert.FromHexString(text).CopyTo(buffer);
        length = _hashSize;
        return true;
    }

    /// <summary>Strips <paramref name="prefix"/> from the start of <paramref name="entry"/>, ignoring ASCII case and white space.</summary>
    private static bool TryStripPrefix(ReadOnlySpan<char> entry, string prefix, out ReadOnlySpan<char> rest)
    {
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

    /// <summary>The MAC under each usable secret, back to back; a secret that is not a valid key adds none.</summary>
    private byte[] ComputeMacs(IReadOnlyList<string> secrets, ReadOnlySpan<byte> body, string? id, string? timestamp)
    {
        var macs = new byte[secrets.Count * _hashSize];
        var count = 0;
        for (var i = 0; i < secrets.Count; i++)
        {
            var key = DecodeSecret(secrets[i], Scheme.SecretEncoding);
            if (key is null)
            {
                continue;
            }

            try
            {
                SignatureMac.Compute(Scheme.Algorithm, _parts, _contentSeparator, key, body, id, timestamp, macs.AsSpan(count * _hashSize, _hashSize));
                count++;
            }
            finally
            {
                CryptographicOperations.ZeroMemory(key);
            }
        }

        return count == secrets.Count ? macs : macs[..(count * _hashSize)];
    }
}
