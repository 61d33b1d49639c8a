using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WebhookGen.Hosting;

/// <summary>
/// The app's receivers: healthy while each one's configured options are valid; degraded when a configuration reload made
/// a receiver's options invalid (a secret removed) and it runs on its last valid ones, which its log says once and a
/// health probe says every time. The description and data name the receivers and the validation's messages, never a
/// setting's value.
/// </summary>
internal sealed class WebhookReceiverHealthCheck(IServiceProvider services, IEnumerable<WebhookReceiverRegistration> receivers) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var receiver in receivers.Select(r => r.Descriptor.Name).Distinct(StringComparer.Ordinal))
        {
            var invalid = services.GetRequiredKeyedService<WebhookReceiverRuntime>(receiver).InvalidConfiguration;
            data[receiver] = invalid is null ? "valid" : "invalid configuration; running on the last valid options";
            if (invalid is not null)
            {
                problems.Add($"{receiver}: the configuration is invalid ({invalid}); the last valid options are in use");
            }
        }

        return Task.FromResult(problems.Count == 0
            ? HealthCheckResult.Healthy(data.Count == 1 ? "1 receiver, its configuration valid" : $"{data.Count} receivers, each configuration valid", data)
            : new HealthCheckResult(context.Registration.FailureStatus, string.Join(" ", problems), data: data));
    }
}
