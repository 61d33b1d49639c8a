using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using WebhookGen.IntegrationTests.Infrastructure;
using WebhookGen.IntegrationTests.Receivers;
using Xunit;

namespace WebhookGen.IntegrationTests.Observability;

/// <summary>
/// The counters, histogram and spans of real deliveries. Every test uses <see cref="ObservedGridXReceiver"/>, which no
/// other test does, and the tests of one class run one after another: what a capture sees is its own test's deliveries.
/// </summary>
public sealed class ObservabilityTests
{
    private const string Receiver = nameof(ObservedGridXReceiver);
    private const string Received = "webhookgen.deliveries.received";
    private const string Rejected = "webhookgen.deliveries.rejected";
    private const string Duplicates = "webhookgen.deliveries.duplicates";
    private const string Handled = "webhookgen.deliveries.handled";
    private const string Failed = "webhookgen.deliveries.failed";
    private const string Duration = "webhookgen.handler.duration";

    private static readonly string[] Outcomes = [Rejected, Duplicates, "webhookgen.deliveries.in_progress", Handled, Failed];

    private static Task<ReceiverHost> StartAsync(Action<ReceiverHostOptions>? configure = null) =>
        ReceiverHost.StartAsync(options =>
        {
            options.Configuration["Webhooks:ObservedGridXReceiver:Secret"] = options.Secret;
            options.AddServices = services => services.AddObservedGridXReceiver();
            options.Map = app => app.MapObservedGridXReceiver();
            configure?.Invoke(options);
        });

    private static byte[] Body(GridXEvent evt) => Encoding.UTF8.GetBytes(evt.Sample().ToJsonString(Payloads.Json));

    [Fact]
    public async Task A_handled_delivery_is_received_handled_timed_and_traced()
    {
        using var capture = new TelemetryCapture(Receiver);
        await using var host = await StartAsync();
        var body = Payloads.GatewayOnline.Sample();

        (await host.PostSignedAsync(Payloads.GatewayOnline.Path, body)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await capture.WaitForDeliveriesAsync(1);

        var eventName = host.Recorder.ShouldHaveSingleDelivery().EventName;
        ShouldCountOnce(capture, Received, eventName);
        ShouldCountOnce(capture, Handled, eventName);
        ShouldHaveOnlyOutcome(capture, Handled);

        var duration = capture.Of(Duration).ShouldHaveSingleItem();
        duration.Value.ShouldBeGreaterThanOrEqualTo(0);
        duration.Value.ShouldBeLessThan(10, "seconds, not milliseconds or ticks");
        duration.Tag("webhookgen.event").ShouldBe(eventName);
        duration.Tag("error.type").ShouldBeNull();

        var span = capture.Deliveries.ShouldHaveSingleItem();
        span.DisplayName.ShouldBe("webhookgen.receive " + Receiver);
        span.Kind.ShouldBe(ActivityKind.Internal);
        span.Status.ShouldBe(ActivityStatusCode.Unset);
        span.GetTagItem("webhookgen.event").ShouldBe(eventName);
        span.GetTagItem("webhookgen.event.id").ShouldBe((string)body["id"]!);
        span.GetTagItem("webhookgen.outcome").ShouldBe("handled");
        span.GetTagItem("http.response.status_code").ShouldBe(200);

        var handler = capture.HandlerCalls.ShouldHaveSingleItem();
        handler.ParentSpanId.ShouldBe(span.SpanId);
        handler.GetTagItem("webhookgen.event").ShouldBe(eventName);
    }

    [Fact]
    public async Task A_bad_signature_is_rejected_as_signature_invalid()
    {
        using var capture = new TelemetryCapture(Receiver);
        await using var host = await StartAsync();
        var body = Body(Payloads.GatewayOnline);

        (await host.PostAsync(Payloads.GatewayOnline.Path, body, Signer.Sign(body, "not-the-secret"))).IsSuccessStatusCode.ShouldBeFalse();
        (await host.PostAsync(Payloads.GatewayOnline.Path, body, signature: null)).IsSuccessStatusCode.ShouldBeFalse();
        await capture.WaitForDeliveriesAsync(2);

        capture.Of(Received).Count.ShouldBe(2);
        capture.Of(Rejected).Select(m => m.Tag("webhookgen.rejection.reason")).ShouldBe(["signature_invalid", "signature_missing"]);
        capture.Of(Rejected).ShouldAllBe(m => Equals(m.Tag("webhookgen.event"), Payloads.GatewayOnline.Name));
        ShouldHaveOnlyOutcome(capture, Rejected);
        capture.Of(Duration).ShouldBeEmpty();
        host.Recorder.ShouldHaveNoDelivery();

        capture.Deliveries.Count.ShouldBe(2);
        capture.Deliveries.ShouldAllBe(span => span.Status == ActivityStatusCode.Error && Equals(span.GetTagItem("webhookgen.outcome"), "rejected"));
        capture.Deliveries.Select(span => span.GetTagItem("webhookgen.rejection.reason")).ShouldBe(["signature_invalid", "signature_missing"]);
        capture.HandlerCalls.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_oversized_body_is_rejected_as_body_too_large()
    {
        using var capture = new TelemetryCapture(Receiver);
        await using var host = await StartAsync(options => options.Configuration["Webhooks:ObservedGridXReceiver:MaxRequestBodySize"] = "64");

        (await host.PostSignedAsync(Payloads.GatewayOnline.Path, Payloads.GatewayOnline.Sample())).StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        await capture.WaitForDeliveriesAsync(1);

        ShouldCountOnce(capture, Received, Payloads.GatewayOnline.Name);
        ShouldCountOnce(capture, Rejected, Payloads.GatewayOnline.Name).Tag("webhookgen.rejection.reason").ShouldBe("body_too_large");
        ShouldHaveOnlyOutcome(capture, Rejected);
        var span = capture.Deliveries.ShouldHaveSingleItem();
        span.Status.ShouldBe(ActivityStatusCode.Error);
        span.GetTagItem("http.response.status_code").ShouldBe(413);
    }

    [Fact]
    public async Task An_invalid_payload_is_rejected_as_invalid_payload()
    {
        using var capture = new TelemetryCapture(Receiver);
        await using var host = await StartAsync();

        (await host.PostSignedAsync(Payloads.GatewayOnline.Path, "[42]"u8.ToArray())).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await capture.WaitForDeliveriesAsync(1);

        ShouldCountOnce(capture, Received, Payloads.GatewayOnline.Name);
        ShouldCountOnce(capture, Rejected, Payloads.GatewayOnline.Name).Tag("webhookgen.rejection.reason").ShouldBe("invalid_payload");
        ShouldHaveOnlyOutcome(capture, Rejected);
        var span = capture.Deliveries.ShouldHaveSingleItem();
        span.Status.ShouldBe(ActivityStatusCode.Error);
        span.GetTagItem("webhookgen.rejection.reason").ShouldBe("invalid_payload");
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_rejected_as_unsupported_media_type()
    {
        using var capture = new TelemetryCapture(Receiver);
        await using var host = await StartAsync();

        var response = await host.PostSignedAsync(Payloads.GatewayOnline.Path, Body(Payloads.GatewayOnline), request => request.Content!.Headers.ContentType = new("text/plain"));
        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        await capture.WaitForDeliveriesAsync(1);

        ShouldCountOnce(capture, Rejected, Payloads.GatewayOnline.Name).Tag("webhookgen.rejection.reason").ShouldBe("unsupported_media_type");
        ShouldHaveOnlyOutcome(capture, Rejected);
        capture.Deliveries.ShouldHaveSingleItem().Status.ShouldBe(ActivityStatusCode.Error);
    }

    [Fact]
    public async Task A_repeated_delivery_is_counted_as_a_duplicate_not_handled_twice()
    {
        using var capture = new TelemetryCapture(Receiver);
        await using var host = await StartAsync(options => options.Idempotency = true);
        var body = Body(Payloads.GatewayOnline);

        (await host.PostSignedAsync(Payloads.GatewayOnline.Path, body)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await host.PostSignedAsync(Payloads.GatewayOnline.Path, body)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await capture.WaitForDeliveriesAsync(2);

        var eventName = host.Recorder.ShouldHaveSingleDelivery().EventName;
        capture.Of(Received).Count.ShouldBe(2);
        ShouldCountOnce(capture, Handled, eventName);
        ShouldCountOnce(capture, Duplicates, eventName);
        capture.Of(Rejected).ShouldBeEmpty();
        capture.Of(Duration).Count.ShouldBe(1);
        capture.Deliveries.Select(span => span.GetTagItem("webhookgen.outcome")).ShouldBe(["handled", "duplicate"]);
        capture.Deliveries.ShouldAllBe(span => span.Status == ActivityStatusCode.Unset);
    }

    [Fact]
    public async Task A_handler_that_throws_is_counted_as_failed_with_its_exception_type()
    {
        using var capture = new TelemetryCapture(Receiver);
        await using var host = await StartAsync();
        host.Recorder.Behavior = HandlerBehavior.Throw;

        (await host.PostSignedAsync(Payloads.GatewayOnline.Path, Payloads.GatewayOnline.Sample())).StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        await capture.WaitForDeliveriesAsync(1);

        var eventName = host.Recorder.ShouldHaveSingleDelivery().EventName;
        var errorType = typeof(HandlerFailureException).FullName;
        ShouldCountOnce(capture, Received, eventName);
        ShouldCountOnce(capture, Failed, eventName).Tag("error.type").ShouldBe(errorType);
        ShouldHaveOnlyOutcome(capture, Failed);
        capture.Of(Duration).ShouldHaveSingleItem().Tag("error.type").ShouldBe(errorType);

        var span = capture.Deliveries.ShouldHaveSingleItem();
        span.Status.ShouldBe(ActivityStatusCode.Error);
        span.GetTagItem("webhookgen.outcome").ShouldBe("failed");
        span.GetTagItem("error.type").ShouldBe(errorType);
        span.GetTagItem("http.response.status_code").ShouldBe(500);
        capture.HandlerCalls.ShouldHaveSingleItem().Status.ShouldBe(ActivityStatusCode.Error);

        // Neither the handler's message (which could carry payload values) nor the secret reaches a tag.
        var tagValues = capture.Deliveries.Concat(capture.HandlerCalls).SelectMany(s => s.TagObjects).Select(t => t.Value?.ToString() ?? string.Empty)
            .Concat(capture.Measurements.SelectMany(m => m.Tags.Values).Select(v => v?.ToString() ?? string.Empty));
        tagValues.ShouldNotContain(value => value.Contains(host.Recorder.FailureMessage, StringComparison.Ordinal) || value.Contains(host.Secret!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_handler_answering_5xx_is_counted_as_failed_with_the_status()
    {
        using var capture = new TelemetryCapture(Receiver);
        await using var host = await StartAsync();
        host.Recorder.Behavior = HandlerBehavior.RetryLater;

        (await host.PostSignedAsync(Payloads.GatewayOnline.Path, Payloads.GatewayOnline.Sample())).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        await capture.WaitForDeliveriesAsync(1);

        var eventName = host.Recorder.ShouldHaveSingleDelivery().EventName;
        ShouldCountOnce(capture, Failed, eventName).Tag("error.type").ShouldBe("503");
        ShouldHaveOnlyOutcome(capture, Failed);
        capture.Deliveries.ShouldHaveSingleItem().Status.ShouldBe(ActivityStatusCode.Error);
    }

    /// <summary>The instrument has exactly one measurement, of 1, tagged with the receiver and the event.</summary>
    private static RecordedMeasurement ShouldCountOnce(TelemetryCapture capture, string instrument, string eventName)
    {
        var measurement = capture.Of(instrument).ShouldHaveSingleItem(instrument);
        measurement.Value.ShouldBe(1);
        measurement.Tag("webhookgen.receiver").ShouldBe(Receiver);
        measurement.Tag("webhookgen.event").ShouldBe(eventName);
        return measurement;
    }

    /// <summary>Of the outcome counters, only <paramref name="instrument"/> moved: every delivery has one outcome.</summary>
    private static void ShouldHaveOnlyOutcome(TelemetryCapture capture, string instrument)
    {
        foreach (var outcome in Outcomes.Where(outcome => outcome != instrument))
        {
            capture.Of(outcome).ShouldBeEmpty(outcome);
        }

        capture.Of(instrument).Count.ShouldBe(capture.Of(Received).Count);
    }
}
