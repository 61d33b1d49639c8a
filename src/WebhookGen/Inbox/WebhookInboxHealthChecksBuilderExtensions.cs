using System;
using System.Collections.Generic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WebhookGen.Inbox;

/// <summary>Adds the durable inbox to an app's health checks.</summary>
public static class WebhookInboxHealthChecksBuilderExtensions
{
    /// <summary>
    /// Checks the inbox store: unhealthy when it cannot be read, degraded when the oldest pending delivery is older than
    /// <paramref name="maxAge"/> (default 5 minutes) or there are more than <paramref name="maxDeadLetters"/> dead letters
    /// (default 0). The result's data has <c>pending</c>, <c>oldest_age_seconds</c> and <c>dead_letters</c>.
    /// </summary>
    public static IHealthChecksBuilder AddWebhookInbox(
        this IHealthChecksBuilder builder,
        string name = "webhookgen-inbox",
        TimeSpan? maxAge = null,
        long maxDeadLetters = 0,
        IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var age = maxAge ?? TimeSpan.FromMinutes(5);
        return builder.Add(new HealthCheckRegistration(
            name,
            provider => new WebhookInboxHealthCheck(provider.GetRequiredService<IWebhookInboxStore>(), provider.GetService<TimeProvider>() ?? TimeProvider.System, age, maxDeadLetters),
            failureStatus: HealthStatus.Unhealthy,
            tags));
    }
}
