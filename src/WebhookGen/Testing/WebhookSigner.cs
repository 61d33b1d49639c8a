using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using WebhookGen.Signatures;

namespace WebhookGen.Testing;

/// <summary>
/// Signs webhook bodies exactly as a sender of a <see cref="WebhookSignatureScheme"/> does, for integration tests of a
/// receiver: the headers it produces are what <see cref="ConfigurableSignatureVerifier"/> accepts for the same scheme
/// and secret.
/// </summary>
/// <example>
/// <code>
/// var signer = new WebhookSigner(WebhookSignatureScheme.Hub("X-Signature", HmacAlgorithm.Sha512), "my-secret");
/// var headers = signer.Sign(body); // X-Signature: sha512=…
/// </code>
/// </example>
public sealed class WebhookSigner
{
    private readonly byte[] _key;
    private readonly SignedContentPart[] _parts;
    private readonly byte[] _contentSeparator;

    /// <summary>Creates a signer of <paramref name="scheme"/> with one secret.</summary>
    /// <param name="scheme">The scheme to sign by; it is checked here (<see cref="WebhookSignatureScheme.Validate"/>).</param>
    /// <param name="secret">The secret, written as the receiver is configured with it (<see cref="WebhookSignatureScheme.SecretEncoding"/>).</param>
    /// <param name="timeProvider">The clock that dates signatures; <see cref="TimeProvider.System"/> when omitted.</param>
    /// <exception cref="ArgumentException">The scheme is inconsistent, or the secret is not valid in its encoding.</exception>
    public WebhookSigner(WebhookSignatureScheme scheme, string secret, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(secret);
        var problems = scheme.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("The signature scheme is invalid: " + string.Join("; ", problems) + ".", nameof(scheme));
        }

        // The message never repeats the secret.
        _key = ConfigurableSignatureVerifier.DecodeSecret(secret, scheme.SecretEncoding)
            ?? throw new ArgumentException($"The secret is not valid in the scheme's secret encoding ({scheme.SecretEncoding}).", nameof(secret));
        _parts = scheme.SignedContent.ToArray();
        _contentSeparator = Encoding.UTF8.GetBytes(scheme.ContentSeparator ?? string.Empty);
        Scheme = scheme;
        TimeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The scheme signed by.</summary>
    public WebhookSignatureScheme Scheme { get; }

    /// <summary>The clock that dates signatures when no timestamp is given.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>
    /// The headers that sign <paramref name="body"/>: the delivery id (when the scheme has an id header), the timestamp
    /// (in its own header or in the signature header, when the scheme has one) and the signature.
    /// </summary>
    /// <param name="body">The body, byte for byte as it will be sent.</param>
    /// <param name="id">
    /// The delivery's id, sent in <see cref="WebhookSignatureScheme.IdHeaderName"/>; a new <c>msg_…</c> id when omitted.
    /// Ignored by a scheme without an id header.
    /// </param>
    /// <param name="timestamp">
    /// The signing time, sent in unix seconds; now by <see cref="TimeProvider"/> when omitted. Ignored by a scheme without
    /// a timestamp.
    /// </param>
    /// <returns>The header names and values, in the order a sender would write them.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty or starts or ends with white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timestamp"/> is before 1970.</exception>
    public IReadOnlyList<KeyValuePair<string, string>> Sign(ReadOnlySpan<byte> body, string? id = null, DateTimeOffset? timestamp = null)
    {
        // The receiver trims what it reads, so an id with white space around it would be signed as something else.
        if (id is not null && (id.Length == 0 || id.Trim().Length != id.Length))
        {
            throw new ArgumentException("The id must not be empty or start or end with white space.", nameof(id));
        }

        var headers = new List<KeyValuePair<string, string>>(3);
        if (Scheme.IdHeaderName is { } idHeader)
        {
            id ??= NewId();
            headers.Add(new(idHeader, id));
        }
        else
        {
            id = null;
        }

        var seconds = Scheme.HasTimestamp ? FormatTimestamp(timestamp ?? TimeProvider.GetUtcNow()) : null;
        if (Scheme.TimestampHeaderName is { } timestampHeader)
        {
            headers.Add(new(timestampHeader, seconds!));
        }

        Span<byte> mac = stackalloc byte[HmacAlgorithms.HashSize(Scheme.Algorithm)];
        SignatureMac.Compute(Scheme.Algorithm, _parts, _contentSeparator, _key, body, id, seconds, mac);
        var signature = Scheme.Prefix + SignatureMac.Format(mac, Scheme.Encoding);
        if (Scheme.TimestampPrefix is { } timestampPrefix)
        {
            signature = timestampPrefix + seconds + Scheme.SignatureSeparator + signature;
        }

        headers.Add(new(Scheme.HeaderName, signature));
        return headers;
    }

    /// <summary>A new delivery id in the form Standard Webhooks senders use: <c>msg_</c> and 32 hex digits.</summary>
    private static string NewId() => "msg_" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);

    private static string FormatTimestamp(DateTimeOffset timestamp)
    {
        var seconds = timestamp.ToUnixTimeSeconds();
        ArgumentOutOfRangeException.ThrowIfNegative(seconds, nameof(timestamp));
        return seconds.ToString(CultureInfo.InvariantCulture);
    }
}
