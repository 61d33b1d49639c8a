using System;
using System.Collections.Generic;
using WebhookGen.Signatures;

namespace WebhookGen;

/// <summary>
/// Settings of one receiver, bound from the configuration section <c>Webhooks:{ReceiverClass}</c>
/// (for example the environment variable <c>Webhooks__GridXReceiver__Secret</c>) and validated when the app starts.
/// </summary>
public sealed class WebhookReceiverOptions
{
    /// <summary>The default <see cref="MaxRequestBodySize"/>: 1 MiB.</summary>
    public const long DefaultMaxRequestBodySize = 1024 * 1024;

    /// <summary>The shared secret the sender signs with.</summary>
    public string? Secret { get; set; }

    /// <summary>
    /// Several secrets accepted at once, for rotation: a delivery is accepted when its signature matches any of them
    /// (and <see cref="Secret"/>, when that is set too).
    /// </summary>
    public IList<string> Secrets { get; } = new List<string>();

    /// <summary>
    /// The status for a verified delivery of an event the spec does not describe, on a route that receives several events.
    /// Default <c>200</c>: the sender stops retrying, and a warning is logged. Must be below 500, so that a provider adding an
    /// event type never sees the receiver failing.
    /// </summary>
    public int UnknownEventStatusCode { get; set; } = 200;

    /// <summary>
    /// How the signed JWT bodies of <c>application/jwt</c> events are verified (section <c>Webhooks:{ReceiverClass}:Jwt</c>):
    /// keys, algorithms, issuer, audience and clock skew; see docs/jwt.md. Required when the spec has such events.
    /// </summary>
    public WebhookGen.Jwt.WebhookJwtOptions Jwt { get; } = new();

    /// <summary>Deduplication of repeated deliveries by their id (section <c>Webhooks:{ReceiverClass}:Idempotency</c>); see docs/idempotency.md.</summary>
    public WebhookGen.Idempotency.WebhookIdempotencyOptions Idempotency { get; } = new();

    /// <summary>
    /// The durable inbox (section <c>Webhooks:{ReceiverClass}:Inbox</c>): store each verified delivery, answer at once and
    /// run the handler in the background with retries. Off by default; see docs/inbox.md.
    /// </summary>
    public WebhookGen.Inbox.WebhookInboxOptions Inbox { get; } = new();

    /// <summary>
    /// How a payload that drifts from the spec is read: <see cref="WebhookPayloadReading.Tolerant"/> (the default) reads
    /// past it and reports it; <see cref="WebhookPayloadReading.Strict"/> answers <c>400</c>. See docs/drift.md.
    /// </summary>
    public WebhookPayloadReading PayloadReading { get; set; } = WebhookPayloadReading.Tolerant;

    /// <summary>The largest body accepted, in bytes; a larger one is answered <c>413</c> before its signature is checked.</summary>
    public long MaxRequestBodySize { get; set; } = DefaultMaxRequestBodySize;

    // A field and a method, not a property: the configuration binder must not try to bind it.
    private IWebhookSignatureVerifier? _signatureVerifier;
    private WebhookSignatureScheme? _signatureScheme;

    /// <summary>
    /// Accepts deliveries without checking any signature. Off by default: only for senders that cannot sign,
    /// behind another control (a private network, mutual TLS).
    /// </summary>
    public bool AllowUnsignedDeliveries { get; set; }

    /// <summary>
    /// How far a delivery's signed timestamp may be from now, either way, for schemes that sign one (Standard Webhooks,
    /// Stripe, an <c>x-webhook-signature</c> with a timestamp). Overrides the tolerance the spec declares (default 5 minutes).
    /// </summary>
    public TimeSpan? TimestampTolerance { get; set; }

    /// <summary>
    /// Verifies deliveries with <paramref name="verifier"/> instead of the scheme the spec declares. Either this or
    /// <see cref="UseSignatureScheme"/> is required when the spec declares no scheme WebhookGen understands.
    /// </summary>
    public WebhookReceiverOptions UseSignatureVerifier(IWebhookSignatureVerifier verifier)
    {
        _signatureVerifier = verifier ?? throw new ArgumentNullException(nameof(verifier));
        return this;
    }

    /// <summary>
    /// Verifies deliveries by <paramref name="scheme"/> instead of the scheme the spec declares, for example
    /// <c>WebhookSignatureScheme.StandardWebhooks()</c>. <see cref="TimestampTolerance"/> still applies when set.
    /// </summary>
    public WebhookReceiverOptions UseSignatureScheme(WebhookSignatureScheme scheme)
    {
        _signatureScheme = scheme ?? throw new ArgumentNullException(nameof(scheme));
        return this;
    }

    /// <summary>The verifier set by <see cref="UseSignatureVerifier"/>, if any.</summary>
    internal IWebhookSignatureVerifier? GetSignatureVerifier() => _signatureVerifier;

    /// <summary>The scheme deliveries are verified by unless a verifier is set: the code's, else the spec's, with the configured tolerance.</summary>
    internal WebhookSignatureScheme? GetSignatureScheme(WebhookSignatureScheme? fromSpec) =>
        (_signatureScheme ?? fromSpec) is { } scheme && TimestampTolerance is { } tolerance
            ? scheme with { TimestampTolerance = tolerance }
            : _signatureScheme ?? fromSpec;

    /// <summary>
    /// The configured secrets, <see cref="Secret"/> first, each once, empty or blank entries left out
    /// (a secret of only white space is a configuration mistake, not a secret).
    /// </summary>
    public IReadOnlyList<string> GetSecrets()
    {
        var secrets = new List<string>(Secrets.Count + 1);
        if (!string.IsNullOrWhiteSpace(Secret))
        {
            secrets.Add(Secret);
        }

        foreach (var secret in Secrets)
        {
            if (!string.IsNullOrWhiteSpace(secret) && !secrets.Contains(secret))
            {
                secrets.Add(secret);
            }
        }

        return secrets;
    }
}
