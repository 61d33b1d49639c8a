using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using WebhookGen.Diagnostics;

namespace WebhookGen.Tests.Observability;

/// <summary>WebhookGen's metrics on a meter of a service provider of their own, as an app's provider makes them.</summary>
internal static class TestMetrics
{
    public static WebhookMetrics Create() =>
        new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>());
}
