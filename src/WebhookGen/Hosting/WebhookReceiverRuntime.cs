using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebhookGen.Jwt;
using WebhookGen.Signatures;

using WebhookGen.Diagnostics;

namespace WebhookGen.Hosting;

/// <summary>The services one receiver needs on every delivery, resolved once (a keyed singleton named after the receiver).</summary>
internal sealed class WebhookReceiverRuntime(
    WebhookReceiverDescriptor descriptor,
    IOptionsMonitor<WebhookReceiverOptions> options,
    ILoggerFactory loggerFactory,
    TimeProvider timeProvider,
    WebhookMetrics metrics,
    IHttpClientFactory? httpClientFactory = null)
{
    /// <summary>The name of the <see cref="HttpClient"/> key sets are fetched with, to configure (a proxy, a handler in tests).</summary>
    public const string JwksHttpClientName = "WebhookGen.Jwks";

    // The scheme and verifier of the current options instance: rebuilt when the options reload (a new tolerance, a new scheme).
    private volatile CachedScheme? _resolved;
    private volatile CachedJwtVerifier? _jwtVerifier;
    private volatile CachedSecrets? _secrets;

    public WebhookReceiverDescriptor Descriptor { get; } = descriptor;

    public TimeProvider TimeProvider { get; } = timeProvider;

    /// <summary>The app's WebhookGen meter and instruments, which every delivery's telemetry records on.</summary>
    public WebhookMetrics Metrics { get; } = metrics;

    public ILogger Logger { get; } = loggerFactory.CreateLogger("WebhookGen." + descriptor.Name);

    private volatile WebhookReceiverOptions? _lastValid;
    private string? _reportedFailure;

    /// <summary>
    /// The current options; when a reload made them invalid (a secret removed), the last valid ones, with the reason
    /// logged once per failure, rather than a 500 for every delivery. The app does not start with invalid options at all.
    /// </summary>
    public WebhookReceiverOptions Options
    {
        get
        {
            try
            {
                var current = options.Get(Descriptor.Name);
                _lastValid = current;
                return current;
            }
            catch (OptionsValidationException exception) when (_lastValid is { } lastValid)
            {
                var failure = string.Join("; ", exception.Failures);
                if (!string.Equals(Interlocked.Exchange(ref _reportedFailure, failure), failure, StringComparison.Ordinal))
                {
                    WebhookLog.InvalidReload(Logger, Descriptor.Name, failure);
                }

                return lastValid;
            }
        }
    }

    /// <summary>
    /// Why the configured options are invalid now (a reload removed the secret), the validation's messages, which name
    /// settings and never their values; null while they are valid. The receiver then runs on its last valid options.
    /// </summary>
    public string? InvalidConfiguration
    {
        get
        {
            try
            {
                _ = options.Get(Descriptor.Name);
                return null;
            }
            catch (OptionsValidationException exception)
            {
                return string.Join("; ", exception.Failures);
            }
        }
    }

    /// <summary>Logs each payload drift once per event, member and kind.</summary>
    public PayloadDriftLog DriftLog { get; } = new(loggerFactory.CreateLogger("WebhookGen." + descriptor.Name), descriptor.Name);

    /// <summary>The verifier for <paramref name="current"/>: the one set in code, else the scheme's; null when there is neither.</summary>
    public IWebhookSignatureVerifier? GetVerifier(WebhookReceiverOptions current) =>
        current.GetSignatureVerifier() ?? Resolve(current).Verifier;

    /// <summary>
    /// The secrets of <paramref name="current"/> (<see cref="WebhookReceiverOptions.GetSecrets"/>), listed once per options
    /// instance rather than once per delivery; a reload brings new options, and with them a new list.
    /// </summary>
    public IReadOnlyList<string> GetSecrets(WebhookReceiverOptions current)
    {
        var cached = _secrets;
        if (cached is null || !ReferenceEquals(cached.Options, current))
        {
            cached = new CachedSecrets(current, Array.AsReadOnly(current.GetSecrets().ToArray()));
            _secrets = cached;
        }

        return cached.Secrets;
    }

    /// <summary>
    /// The header that names a delivery in logs and <see cref="WebhookContext.DeliveryId"/>: <c>Idempotency:IdHeader</c>,
    /// else the id header of a scheme set in code (a Standard Webhooks scheme brings its <c>webhook-id</c>), else the one the
    /// spec designates (GitHub's <c>X-GitHub-Delivery</c>). Signed or not: it labels, it does not deduplicate.
    /// </summary>
    public string? GetDeliveryIdHeader(WebhookReceiverOptions current)
    {
        if (!string.IsNullOrEmpty(current.Idempotency.IdHeader))
        {
            return current.Idempotency.IdHeader;
        }

        var resolved = Resolve(current);
        return (resolved.FromCode ? resolved.Scheme?.IdHeaderName : null) ?? Descriptor.DeliveryIdHeader;
    }

    /// <summary>
    /// The header whose value may decide whether a delivery is new: one the signature in effect covers (a scheme whose
    /// signed content includes the id), or, where unsigned deliveries are allowed and nothing is signed, the labelling header.
    /// </summary>
    public string? GetSignedIdHeader(WebhookReceiverOptions current)
    {
        if (current.AllowUnsignedDeliveries)
        {
            return GetDeliveryIdHeader(current);
        }

        if (current.GetSignatureVerifier() is { } custom && custom is not ConfigurableSignatureVerifier)
        {
            return null;
        }

        return SignedIdHeader(Resolve(current).Scheme);
    }

    /// <summary>The header <paramref name="scheme"/> signs as the delivery's id, if it signs one.</summary>
    internal static string? SignedIdHeader(WebhookSignatureScheme? scheme) =>
        scheme is { IdHeaderName: { Length: > 0 } header } && scheme.SignedContent.Contains(SignedContentPart.Id) ? header : null;

    /// <summary>
    /// The verifier of JWT bodies for <paramref name="current"/>, rebuilt when the options reload; the fetched key set is
    /// kept while its URL and intervals stay the same.
    /// </summary>
    public WebhookJwtVerifier GetJwtVerifier(WebhookReceiverOptions current)
    {
        var cached = _jwtVerifier;
        if (cached is null || !ReferenceEquals(cached.Options, current))
        {
            var jwt = current.Jwt;
            var jwks = cached?.Verifier.Jwks is { } previous && SameKeySet(previous, jwt) ? previous : CreateKeySet(jwt);
            cached = new CachedJwtVerifier(current, new WebhookJwtVerifier(jwt, jwks, TimeProvider));
            _jwtVerifier = cached;
        }

        return cached.Verifier;
    }

    private JwksCache? CreateKeySet(WebhookJwtOptions jwt)
    {
        if (string.IsNullOrWhiteSpace(jwt.JwksUri))
        {
            return null;
        }

        var factory = httpClientFactory ?? throw new InvalidOperationException("No IHttpClientFactory is registered to fetch the JWK Set with.");
        return new JwksCache(new Uri(jwt.JwksUri, UriKind.Absolute), () => factory.CreateClient(JwksHttpClientName), TimeProvider, jwt.JwksRefreshInterval, jwt.JwksMinimumRefreshInterval);
    }

    private static bool SameKeySet(JwksCache cache, WebhookJwtOptions jwt) =>
        !string.IsNullOrWhiteSpace(jwt.JwksUri)
        && cache.Uri == new Uri(jwt.JwksUri, UriKind.Absolute)
        && cache.RefreshInterval == jwt.JwksRefreshInterval
        && cache.MinimumRefreshInterval == jwt.JwksMinimumRefreshInterval;

    private CachedScheme Resolve(WebhookReceiverOptions current)
    {
        var cached = _resolved;
        if (cached is null || !ReferenceEquals(cached.Options, current))
        {
            var fromCode = current.GetSignatureVerifier() is ConfigurableSignatureVerifier custom ? custom.Scheme : current.GetSignatureScheme(null);
            var scheme = fromCode ?? current.GetSignatureScheme(Descriptor.SignatureScheme);
            cached = new CachedScheme(current, scheme, fromCode is not null, scheme is null ? null : new ConfigurableSignatureVerifier(scheme, TimeProvider));
            _resolved = cached;
        }

        return cached;
    }

    private sealed record CachedSecrets(WebhookReceiverOptions Options, IReadOnlyList<string> Secrets);

    private sealed record CachedJwtVerifier(WebhookReceiverOptions Options, WebhookJwtVerifier Verifier);

    private sealed record CachedScheme(WebhookReceiverOptions Options, WebhookSignatureScheme? Scheme, bool FromCode, IWebhookSignatureVerifier? Verifier);
}
