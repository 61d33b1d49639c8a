using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WebhookGen.Inbox;

/// <summary>
/// The inbox's health: unhealthy when its store cannot be read; degraded when the oldest delivery has waited longer than
/// <paramref name="maxAge"/> (the workers are not keeping up, or stopped) or there are more dead letters than
/// <paramref name="maxDeadLetters"/>; healthy otherwise. Its data carries the counts.
/// </summary>
internal sealed class WebhookInboxHealthCheck(IWebhookInboxStore store, TimeProvider timeProvider, TimeSpan maxAge, long maxDeadLetters) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        WebhookInboxStats stats;
        try
        {
            stats = await store.GetStatsAsync(cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Any failure of the store is the answer: unhealthy.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The inbox store cannot be read.", exception);
        }

        var age = stats.OldestReceivedAt is { } oldest ? timeProvider.GetUtcNow() - oldest : TimeSpan.Zero;
        var data = new Dictionary<string, object>
        {
            ["pending"] = stats.Pending,
            ["oldest_age_seconds"] = Math.Max(0, age.TotalSeconds),
            ["dead_letters"] = stats.DeadLetters,
        };
        if (age > maxAge)
        {
            return HealthCheckResult.Degraded($"The oldest delivery has waited {age.TotalSeconds:F0} s (more than {maxAge.TotalSeconds:F0} s).", data: data);
        }

        if (stats.DeadLetters > maxDeadLetters)
        {
            return HealthCheckResult.Degraded($"{stats.DeadLetters} deliveries are dead letters; list them and replay them once fixed.", data: data);
        }

        return HealthCheckResult.Healthy($"{stats.Pending} deliveries pending.", data);
    }
}
