using System.Diagnostics.Metrics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using WebhookGen.Diagnostics;
using WebhookGen.IntegrationTests.Infrastructure;
using Xunit;

namespace WebhookGen.IntegrationTests.Observability;

/// <summary>
/// WebhookGen's meter comes from the app's <see cref="IMeterFactory"/>: each app (each service provider) records on a
/// meter of its own, which a listener can tell apart by its scope, the app's factory.
/// </summary>
public sealed class MeterFactoryTests
{
    [Fact]
    public async Task Each_app_counts_its_deliveries_on_the_meter_of_its_own_meter_factory()
    {
        await using var first = await ReceiverHost.StartAsync();
        await using var second = await ReceiverHost.StartAsync();
        var factory = first.Services.GetRequiredService<IMeterFactory>();
        long received = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == WebhookDiagnostics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory) && instrument.Name == "webhookgen.deliveries.received")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref received, value));
        listener.Start();
        var body = Encoding.UTF8.GetBytes(Payloads.GatewayOnline.Sample().ToJsonString(Payloads.Json));

        (await first.PostSignedAsync(Payloads.GatewayOnline.Path, body)).EnsureSuccessStatusCode();
        (await second.PostSignedAsync(Payloads.GatewayOnline.Path, body)).EnsureSuccessStatusCode();
        (await second.PostSignedAsync(Payloads.GatewayOnline.Path, body)).EnsureSuccessStatusCode();

        Interlocked.Read(ref received).ShouldBe(1, "only the first app's delivery is on the first app's meter");
    }
}
