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

    /// <summary>Deduplication of repeated deliveries by their id (section <c>Webhooks:{ReceiverClass}:Idempotency</c>); see docs/idempotency.md.</summary>
    public WebhookGen.Idempotency.WebhookIdempotencyOptions Idempotency { get; } = new();

    /// <summary>The largest body accepted, in bytes; a larger one is answered <c>413</c> before its signature is checked.</summary>
    public long MaxRequestBodySize { get; set; } = DefaultMaxRequestBodySize;

    // A field and a method, not a property: the configuration binder must not try to bind it.
    private IWebhookSignatureVerifier? _signatureVerifier;

    /// <summary>
    /// Accepts deliveries without checking any signature. Off by default: only for senders that cannot sign,
    /// behind another control (a private network, mutual TLS).
    /// </summary>
    public bool AllowUnsignedDeliveries { get; set; }

    /// <summary>
    /// Replaces the signature scheme that the spec declares. Required when the spec declares none that WebhookGen understands.
    /// </summary>
    public WebhookReceiverOptions UseSignatureVerifier(IWebhookSignatureVerifier verifier)
    {
        _signatureVerifier = verifier ?? throw new ArgumentNullException(nameof(verifier));
        return this;
    }

    /// <summary>The verifier set by <see cref="UseSignatureVerifier"/>, if any.</summary>
    internal IWebhookSignatureVerifier? GetSignatureVerifier() => _signatureVerifier;

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
