using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using Shouldly;
using WebhookGen.Diagnostics;
using WebhookGen.Signatures;
using Xunit;

namespace WebhookGen.Tests.Observability;

/// <summary>The names of WebhookGen's meter, instruments and spans, and their cost when nobody listens.</summary>
public sealed class WebhookTelemetryTests
{
    [Fact]
    public void Every_instrument_is_on_the_one_WebhookGen_meter_from_the_apps_meter_factory_with_its_unit()
    {
        var metrics = TestMetrics.Create();
        var instruments = new List<Instrument>();
        using (var listener = new MeterListener())
        {
            // Published on Start for the instruments that exist: this meter's only (tests in parallel create others).
            listener.InstrumentPublished = (instrument, _) =>
            {
                if (ReferenceEquals(instrument.Meter, metrics.Meter))
                {
                    instruments.Add(instrument);
                }
            };
            listener.Start();
        }

        metrics.Meter.Name.ShouldBe(WebhookDiagnostics.MeterName);
        instruments.Select(instrument => (instrument.Name, instrument.Unit)).OrderBy(pair => pair.Name).ShouldBe(
        [
            ("webhookgen.deliveries.duplicates", "{delivery}"),
            ("webhookgen.deliveries.failed", "{delivery}"),
            ("webhookgen.deliveries.handled", "{delivery}"),
            ("webhookgen.deliveries.in_progress", "{delivery}"),
            ("webhookgen.deliveries.received", "{delivery}"),
            ("webhookgen.deliveries.rejected", "{delivery}"),
            ("webhookgen.handler.duration", "s"),
            ("webhookgen.inbox.attempts", "{attempt}"),
            ("webhookgen.inbox.dead_letters", "{delivery}"),
            ("webhookgen.inbox.depth", "{delivery}"),
            ("webhookgen.inbox.enqueued", "{delivery}"),
            ("webhookgen.inbox.oldest_age", "s"),
            ("webhookgen.payload.drift", "{member}"),
        ]);
        metrics.HandlerDuration.ShouldBeOfType<Histogram<double>>();
        metrics.Meter.Scope.ShouldNotBeNull("created by an IMeterFactory, which scopes its meters");
        WebhookMetrics.ActivitySource.Name.ShouldBe(WebhookDiagnostics.ActivitySourceName);
    }

    [Fact]
    public void Without_a_listener_a_delivery_starts_no_span_and_records_nothing()
    {
        var metrics = TestMetrics.Create();
        WebhookMetrics.ActivitySource.HasListeners().ShouldBeFalse();
        metrics.Received.Enabled.ShouldBeFalse();

        var telemetry = WebhookTelemetry.Start(metrics, "NobodyListens", "webhookgen.receive NobodyListens", "a/b");
        telemetry.Activity.ShouldBeNull();
        telemetry.StartHandler().ShouldBeNull();
        telemetry.ForEvent("a/b", "id", "id").Rejected(WebhookRejectionReason.InvalidPayload);
        telemetry.Stop(400);
    }

    [Fact]
    public void A_rejected_span_carries_the_reason_and_the_error_status()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == WebhookDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);

        var telemetry = WebhookTelemetry.Start(TestMetrics.Create(), "SpanReceiver", "webhookgen.receive SpanReceiver", eventName: null).ForEvent("a/b", "evt_1", "msg_1");
        var span = telemetry.Activity.ShouldNotBeNull();
        telemetry.Rejected(WebhookRejectionReason.ForSignature(SignatureVerificationResult.TimestampOutOfRange));
        telemetry.Stop(401);

        span.Kind.ShouldBe(ActivityKind.Internal);
        span.DisplayName.ShouldBe("webhookgen.receive SpanReceiver");
        span.Status.ShouldBe(ActivityStatusCode.Error);
        span.GetTagItem("webhookgen.receiver").ShouldBe("SpanReceiver");
        span.GetTagItem("webhookgen.event").ShouldBe("a/b");
        span.GetTagItem("webhookgen.event.id").ShouldBe("evt_1");
        span.GetTagItem("webhookgen.delivery.id").ShouldBe("msg_1");
        span.GetTagItem("webhookgen.rejection.reason").ShouldBe("signature_expired");
        span.GetTagItem("http.response.status_code").ShouldBe(401);
        span.IsStopped.ShouldBeTrue();
    }

    [Theory]
    [InlineData(SignatureVerificationResult.Missing, "signature_missing")]
    [InlineData(SignatureVerificationResult.Malformed, "signature_malformed")]
    [InlineData(SignatureVerificationResult.Mismatch, "signature_invalid")]
    [InlineData(SignatureVerificationResult.TimestampOutOfRange, "signature_expired")]
    public void Each_signature_outcome_has_its_reason(SignatureVerificationResult outcome, string reason) =>
        WebhookRejectionReason.ForSignature(outcome).ShouldBe(reason);

    [Fact]
    public void Drift_is_counted_per_member_with_its_kind_and_path()
    {
        var measurements = new List<(long Value, Dictionary<string, object?> Tags)>();
        var metrics = TestMetrics.Create();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument, metrics.PayloadDrift))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var copy = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            if ((string?)copy["webhookgen.receiver"] == "DriftCounted")
            {
                measurements.Add((value, copy));
            }
        });
        listener.Start();

        WebhookTelemetry.Start(metrics, "DriftCounted", "webhookgen.receive DriftCounted", "pull_request").Drifted(
        [
            new PayloadDrift("pull_request.head.repo.has_discussions", PayloadDriftKind.MissingRequired),
            new PayloadDrift("installation.created_at", PayloadDriftKind.NonstandardDateTime),
        ]);

        measurements.Count.ShouldBe(2);
        measurements.ShouldAllBe(m => m.Value == 1 && (string?)m.Tags["webhookgen.event"] == "pull_request");
        measurements[0].Tags["webhookgen.drift.kind"].ShouldBe("missing_required");
        measurements[0].Tags["webhookgen.drift.member"].ShouldBe("pull_request.head.repo.has_discussions");
        measurements[1].Tags["webhookgen.drift.kind"].ShouldBe("nonstandard_date_time");
        measurements[1].Tags["webhookgen.drift.member"].ShouldBe("installation.created_at");
    }
}
