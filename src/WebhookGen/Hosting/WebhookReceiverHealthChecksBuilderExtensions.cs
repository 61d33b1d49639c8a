using System;
using System.Collections.Generic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WebhookGen.Hosting;

/// <summary>Adds the app's webhook receivers to its health checks.</summary>
public static class WebhookReceiverHealthChecksBuilderExtensions
{
    /// <summary>
    /// Checks every receiver the app registered (<c>Add{Receiver}</c>): healthy while each one's configured options are
    /// valid; <paramref name="failureStatus"/> (default degraded: deliveries are still verified, with the last valid
    /// options) when a configuration reload made a receiver's options invalid, naming it and why. The result's data has
    /// one entry per receiver. The durable inbox has its own check, <c>AddWebhookInbox</c>.
    /// </summary>
    public static IHealthChecksBuilder AddWebhookReceivers(
        this IHealthChecksBuilder builder,
        string name = "webhookgen-receivers",
        HealthStatus failureStatus = HealthStatus.Degraded,
        IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HealthCheckRegistration(
            name,
            provider => new WebhookReceiverHealthCheck(provider, provider.GetServices<WebhookReceiverRegistration>()),
            failureStatus,
            tags));
    }
}
