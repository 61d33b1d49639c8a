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
    // The verifier of the current options instance: rebuilt when the options reload (a rotated secret, a new tolerance).
    private volatile CachedVerifier? _verifier;

    public WebhookReceiverDescriptor Descriptor { get; } = descriptor;

    public ILogger Logger { get; } = loggerFactory.CreateLogger("WebhookGen." + descriptor.Name);

    public WebhookReceiverOptions Options => options.Get(Descriptor.Name);

    /// <summary>The verifier for <paramref name="current"/>: the one set in code, else the scheme's; null when there is neither.</summary>
    public IWebhookSignatureVerifier? GetVerifier(WebhookReceiverOptions current)
    {
        if (current.GetSignatureVerifier() is { } custom)
        {
            return custom;
        }

        var cached = _verifier;
        if (cached is null || !ReferenceEquals(cached.Options, current))
        {
            var scheme = current.GetSignatureScheme(Descriptor.SignatureScheme);
            cached = new CachedVerifier(current, scheme is null ? null : new ConfigurableSignatureVerifier(scheme, timeProvider));
            _verifier = cached;
        }

        return cached.Verifier;
    }

    private sealed record CachedVerifier(WebhookReceiverOptions Options, IWebhookSignatureVerifier? Verifier);
}
