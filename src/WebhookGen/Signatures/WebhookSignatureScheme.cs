using System;
using System.Collections.Generic;

namespace WebhookGen.Signatures;

/// <summary>
/// How a sender signs its deliveries, as data: which header carries the signature, how it is written, what content is
/// signed and with which key. <see cref="ConfigurableSignatureVerifier"/> verifies any scheme described this way; the
/// presets <see cref="Hub"/>, <see cref="StandardWebhooks"/> and <see cref="Stripe"/> describe the common ones, and the
/// spec extension <c>x-webhook-signature</c> maps 1:1 onto these properties (docs/security.md).
/// </summary>
public sealed record WebhookSignatureScheme
{
    /// <summary>The default <see cref="TimestampTolerance"/>: 5 minutes.</summary>
    public static readonly TimeSpan DefaultTimestampTolerance = TimeSpan.FromMinutes(5);

    /// <summary>The header that carries the signature (or several), for example <c>X-Hub-Signature-256</c>.</summary>
    public required string HeaderName { get; init; }

    /// <summary>How the configured secrets become HMAC keys. Required: a secret's form is never guessed.</summary>
    public required SecretEncoding SecretEncoding { get; init; }

    /// <summary>The HMAC's hash function. Default SHA-256.</summary>
    public HmacAlgorithm Algorithm { get; init; } = HmacAlgorithm.Sha256;

    /// <summary>How the MAC is written. Default hex.</summary>
    public SignatureEncoding Encoding { get; init; } = SignatureEncoding.Hex;

    /// <summary>
    /// What precedes each MAC, for example <c>sha256=</c>, <c>v1,</c> or <c>v1=</c>; empty for none. Compared ignoring
    /// case and white space. An entry without it (another version, another method) is not a signature of this scheme.
    /// </summary>
    public string Prefix { get; init; } = string.Empty;

    /// <summary>What is signed, in order, joined by <see cref="ContentSeparator"/>. Default: the body alone.</summary>
    public IReadOnlyList<SignedContentPart> SignedContent { get; init; } = [SignedContentPart.Body];

    /// <summary>What joins the <see cref="SignedContent"/> parts. Default <c>.</c>.</summary>
    public string ContentSeparator { get; init; } = ".";

    /// <summary>What separates several signatures in one header (sent while a secret rotates). Default <c>,</c>.</summary>
    public string SignatureSeparator { get; init; } = ",";

    /// <summary>The header with the delivery's id; required when <see cref="SignedContent"/> has <see cref="SignedContentPart.Id"/>.</summary>
    public string? IdHeaderName { get; init; }

    /// <summary>The header with the signing time in unix seconds, for example <c>webhook-timestamp</c>.</summary>
    public string? TimestampHeaderName { get; init; }

    /// <summary>
    /// For a timestamp sent inside the signature header instead, as one of its entries: the entry's prefix, for example
    /// Stripe's <c>t=</c>. Exclusive with <see cref="TimestampHeaderName"/>.
    /// </summary>
    public string? TimestampPrefix { get; init; }

    /// <summary>
    /// How far the timestamp may be from now, either way, when the scheme has one: older is a replay, newer a forged or
    /// badly skewed clock. Default 5 minutes; must be positive.
    /// </summary>
    public TimeSpan TimestampTolerance { get; init; } = DefaultTimestampTolerance;

    /// <summary>Whether deliveries of this scheme carry a timestamp (in a header of its own or in the signature header).</summary>
    public bool HasTimestamp => TimestampHeaderName is not null || TimestampPrefix is not null;

    /// <summary>The WebSub / <c>X-Hub-Signature</c> scheme: <c>{header}: sha256=&lt;hex HMAC of the body&gt;</c>, UTF-8 secret.</summary>
    public static WebhookSignatureScheme Hub(string headerName, HmacAlgorithm algorithm) => new()
    {
        HeaderName = headerName,
        SecretEncoding = SecretEncoding.Utf8,
        Algorithm = algorithm,
        Encoding = SignatureEncoding.Hex,
        Prefix = HmacAlgorithms.Name(algorithm) + "=",
    };

    /// <summary>
    /// Standard Webhooks (and Svix, with the <c>svix-</c> headers): <c>webhook-signature: v1,&lt;base64&gt; v1,&lt;base64&gt;</c>,
    /// HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c>, secret base64 after <c>whsec_</c>.
    /// </summary>
    public static WebhookSignatureScheme StandardWebhooks(
        string headerName = "webhook-signature",
        string idHeaderName = "webhook-id",
        string timestampHeaderName = "webhook-timestamp") => new()
    {
        HeaderName = headerName,
        SecretEncoding = SecretEncoding.WhsecBase64,
        Algorithm = HmacAlgorithm.Sha256,
        Encoding = SignatureEncoding.Base64,
        Prefix = "v1,",
        SignedContent = [SignedContentPart.Id, SignedContentPart.Timestamp, SignedContentPart.Body],
        ContentSeparator = ".",
        SignatureSeparator = " ",
        IdHeaderName = idHeaderName,
        TimestampHeaderName = timestampHeaderName,
    };

    /// <summary>
    /// Stripe's scheme: <c>Stripe-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;[,v1=&lt;hex&gt;]</c>, HMAC-SHA256 of
    /// <c>{t}.{body}</c>, UTF-8 secret.
    /// </summary>
    public static WebhookSignatureScheme Stripe(string headerName = "Stripe-Signature") => new()
    {
        HeaderName = headerName,
        SecretEncoding = SecretEncoding.Utf8,
        Algorithm = HmacAlgorithm.Sha256,
        Encoding = SignatureEncoding.Hex,
        Prefix = "v1=",
        SignedContent = [SignedContentPart.Timestamp, SignedContentPart.Body],
        ContentSeparator = ".",
        SignatureSeparator = ",",
        TimestampPrefix = "t=",
    };

    /// <summary>What is wrong with this scheme, if anything: each entry is one problem, in words.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(HeaderName))
        {
            problems.Add("HeaderName is required");
        }

        if (!Enum.IsDefined(Algorithm))
        {
            problems.Add($"Algorithm {Algorithm} is not sha1, sha256 or sha512");
        }

        if (!Enum.IsDefined(Encoding))
        {
            problems.Add($"Encoding {Encoding} is not hex or base64");
        }

        if (!Enum.IsDefined(SecretEncoding))
        {
            problems.Add($"SecretEncoding {SecretEncoding} is not utf8 or whsec-base64");
        }

        if (SignedContent is null || SignedContent.Count == 0)
        {
            problems.Add("SignedContent needs at least the body");
        }
        else
        {
            var bodies = 0;
            var seen = new HashSet<SignedContentPart>();
            foreach (var part in SignedContent)
            {
                if (!Enum.IsDefined(part))
                {
                    problems.Add($"SignedContent part {part} is not id, timestamp or body");
                }
                else if (!seen.Add(part))
                {
                    problems.Add($"SignedContent names {part} twice");
                }

                bodies += part == SignedContentPart.Body ? 1 : 0;
            }

            if (bodies == 0)
            {
                problems.Add("SignedContent must include the body");
            }

            if (seen.Contains(SignedContentPart.Id) && string.IsNullOrWhiteSpace(IdHeaderName))
            {
                problems.Add("SignedContent includes the id, so IdHeaderName is required");
            }

            if (seen.Contains(SignedContentPart.Timestamp) && !HasTimestamp)
            {
                problems.Add("SignedContent includes the timestamp, so TimestampHeaderName or TimestampPrefix is required");
            }

            if (seen.Count > 1 && ContentSeparator is null)
            {
                problems.Add("ContentSeparator is required when several parts are signed");
            }
        }

        if (string.IsNullOrEmpty(SignatureSeparator))
        {
            problems.Add("SignatureSeparator must not be empty");
        }

        if (Prefix is null)
        {
            problems.Add("Prefix must not be null (use an empty string for none)");
        }

        if (TimestampHeaderName is not null && TimestampPrefix is not null)
        {
            problems.Add("TimestampHeaderName and TimestampPrefix are exclusive: the timestamp is in its own header or in the signature header");
        }

        if (TimestampPrefix is { Length: 0 } || TimestampHeaderName is { } th && string.IsNullOrWhiteSpace(th))
        {
            problems.Add("TimestampHeaderName and TimestampPrefix must not be empty");
        }

        if (TimestampTolerance <= TimeSpan.Zero)
        {
            problems.Add($"TimestampTolerance must be positive, not {TimestampTolerance}");
        }

        return problems;
    }
}
