using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;

namespace WebhookGen.IntegrationTests.Observability;

/// <summary>One measurement of a WebhookGen instrument.</summary>
public sealed record RecordedMeasurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
{
    public object? Tag(string name) => Tags.GetValueOrDefault(name);
}

/// <summary>
/// Listens to the <c>WebhookGen</c> meter and activity source, keeping only what carries <c>webhookgen.receiver</c> =
/// the given receiver: the instruments are static and shared by every test in the process.
/// </summary>
public sealed class TelemetryCapture : IDisposable
{
    private const string ReceiverTag = "webhookgen.receiver";

    private readonly string _receiver;
    private readonly MeterListener _meterListener = new();
    private readonly ActivityListener _activityListener;
    private readonly ConcurrentQueue<RecordedMeasurement> _measurements = new();
    private readonly ConcurrentQueue<Activity> _spans = new();

    public TelemetryCapture(string receiver)
    {
        _receiver = receiver;
        _meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "WebhookGen")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _meterListener.Start();

        _activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "WebhookGen",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem(ReceiverTag), _receiver))
                {
                    _spans.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_activityListener);
    }

    public IReadOnlyList<RecordedMeasurement> Measurements => _measurements.ToArray();

    /// <summary>The spans of the receiver's deliveries, as they stopped.</summary>
    public IReadOnlyList<Activity> Deliveries => _spans.Where(span => span.OperationName.StartsWith("webhookgen.receive", StringComparison.Ordinal)).ToArray();

    /// <summary>The spans of the handler calls.</summary>
    public IReadOnlyList<Activity> HandlerCalls => _spans.Where(span => span.OperationName == "webhookgen.handler").ToArray();

    public IReadOnlyList<RecordedMeasurement> Of(string instrument) => Measurements.Where(m => m.Instrument == instrument).ToArray();

    /// <summary>
    /// Waits until <paramref name="spans"/> delivery spans have stopped: a span ends as the endpoint returns, which can be
    /// just after the client has read the response.
    /// </summary>
    public async Task WaitForDeliveriesAsync(int spans)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Deliveries.Count < spans && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
    }

    public void Dispose()
    {
        _meterListener.Dispose();
        _activityListener.Dispose();
    }

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, tagValue) in tags)
        {
            copy[key] = tagValue;
        }

        if (Equals(copy.GetValueOrDefault(ReceiverTag), _receiver))
        {
            _measurements.Enqueue(new RecordedMeasurement(instrument.Name, value, copy));
        }
    }
}
