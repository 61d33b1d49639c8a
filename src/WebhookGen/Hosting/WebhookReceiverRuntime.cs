using System;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebhookGen.Signatures;

namespace WebhookGen.Hosting;

/// <summary>The services one receiver needs on every delivery, resolved once (a keyed singleton named after the receiver).</summary>
internal sealed class WebhookReceiverRuntime(
    WebhookReceiverDescriptor descriptor,
    IOptionsMonitor<WebhookReceiverOptions> options,
    ILoggerFactory loggerFactory,
    TimeProvider timeProvider)
{
    // The scheme and verifier of the current options instance: rebuilt when the options reload (a new tolerance, a new scheme).
    private volatile CachedScheme? _resolved;

    public WebhookReceiverDescriptor Descriptor { get; } = descriptor;

    public ILogger Logger { get; } = loggerFactory.CreateLogger("WebhookGen." + descriptor.Name);

    public WebhookReceiverOptions Options => options.Get(Descriptor.Name);

    /// <summary>Logs each payload drift once per event, member and kind.</summary>
    public PayloadDriftLog DriftLog { get; } = new(loggerFactory.CreateLogger("WebhookGen." + descriptor.Name), descriptor.Name);

    /// <summary>The verifier for <paramref name="current"/>: the one set in code, else the scheme's; null when there is neither.</summary>
    public IWebhookSignatureVerifier? GetVerifier(WebhookReceiverOptions current) =>
        current.GetSignatureVerifier() ?? Resolve(current).Verifier;

    /// <summary>
    /// The header deliveries are deduplicated by unless configured otherwise: the id header of a scheme set in code (a
    /// Standard Webhooks scheme brings its <c>webhook-id</c>), else the one the spec designates.
    /// </summary>
    public string? GetDeliveryIdHeader(WebhookReceiverOptions current)
    {
        var resolved = Resolve(current);
        return (resolved.FromCode ? resolved.Scheme?.IdHeaderName : null) ?? Descriptor.DeliveryIdHeader;
    }

    private CachedScheme Resolve(WebhookReceiverOptions current)
    {
        var cached = _resolved;
        if (cached is null || !ReferenceEquals(cached.Options, current))
        {
            var fromCode = current.GetSignatureVerifier() is ConfigurableSignatureVerifier custom ? custom.Scheme : current.GetSignatureScheme(null);
            var scheme = fromCode ?? current.GetSignatureScheme(Descriptor.SignatureScheme);
            cached = new CachedScheme(current, scheme, fromCode is not null, scheme is null ? null : new ConfigurableSignatureVerifier(scheme, timeProvider));
            _resolved = cached;
        }

        return cached;
    }

    private sealed record CachedScheme(WebhookReceiverOptions Options, WebhookSignatureScheme? Scheme, bool FromCode, IWebhookSignatureVerifier? Verifier);
}
