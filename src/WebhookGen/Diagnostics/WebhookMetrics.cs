using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace WebhookGen.Diagnostics;

/// <summary>
/// WebhookGen's <see cref="Meter"/> and its instruments, one per app (a singleton), the meter created by the app's
/// <see cref="IMeterFactory"/> so that it lives and dies with the service provider; and the one
/// <see cref="ActivitySource"/> (.NET has no factory for those). Names follow the OpenTelemetry semantic conventions'
/// style: lower case, dotted, units in UCUM. Recorded through <see cref="WebhookTelemetry"/>.
/// </summary>
internal sealed class WebhookMetrics
{
    private static readonly string? Version = typeof(WebhookMetrics).Assembly.GetName().Version?.ToString();

    public static readonly ActivitySource ActivitySource = new(WebhookDiagnostics.ActivitySourceName, Version);

    public WebhookMetrics(IMeterFactory meterFactory)
    {
        System.ArgumentNullException.ThrowIfNull(meterFactory);
        Meter = meterFactory.Create(new MeterOptions(WebhookDiagnostics.MeterName) { Version = Version });
        Received = Meter.CreateCounter<long>(
            "webhookgen.deliveries.received", "{delivery}", "Deliveries that reached a receiver's endpoint.");
        Rejected = Meter.CreateCounter<long>(
            "webhookgen.deliveries.rejected", "{delivery}", "Deliveries answered without calling the handler, by webhookgen.rejection.reason.");
        Duplicates = Meter.CreateCounter<long>(
            "webhookgen.deliveries.duplicates", "{delivery}", "Repeated deliveries acknowledged without calling the handler.");
        InProgress = Meter.CreateCounter<long>(
            "webhookgen.deliveries.in_progress", "{delivery}", "Deliveries answered 409 because the same id was being handled.");
        Handled = Meter.CreateCounter<long>(
            "webhookgen.deliveries.handled", "{delivery}", "Deliveries the handler answered with a 2xx.");
        Failed = Meter.CreateCounter<long>(
            "webhookgen.deliveries.failed", "{delivery}", "Deliveries whose handler threw or answered a 5xx.");
        PayloadDrift = Meter.CreateCounter<long>(
            "webhookgen.payload.drift", "{member}", "Members of read payloads that drift from the spec, by webhookgen.drift.kind and webhookgen.drift.member.");
        HandlerDuration = Meter.CreateHistogram<double>(
            "webhookgen.handler.duration", "s", "How long the handler ran, from its call to its answer or exception.");
        InboxEnqueued = Meter.CreateCounter<long>(
            "webhookgen.inbox.enqueued", "{delivery}", "Deliveries stored in the durable inbox and answered at once.");
        InboxRuns = Meter.CreateCounter<long>(
            "webhookgen.inbox.attempts", "{attempt}", "Runs of queued deliveries' handlers, by webhookgen.outcome: handled, retried, dead_lettered, lease_lost.");
        Meter.CreateObservableGauge(
            "webhookgen.inbox.depth", static () => Inbox.WebhookInboxGauges.Depth(), "{delivery}", "Deliveries in the inbox not yet handled: waiting, running or scheduled for a retry.");
        Meter.CreateObservableGauge(
            "webhookgen.inbox.oldest_age", static () => Inbox.WebhookInboxGauges.OldestAge(), "s", "How long the oldest delivery not yet handled has waited.");
        Meter.CreateObservableGauge(
            "webhookgen.inbox.dead_letters", static () => Inbox.WebhookInboxGauges.DeadLetters(), "{delivery}", "Deliveries given up after their last attempt, until replayed.");
    }

    public Meter Meter { get; }

    public Counter<long> Received { get; }

    public Counter<long> Rejected { get; }

    public Counter<long> Duplicates { get; }

    public Counter<long> InProgress { get; }

    public Counter<long> Handled { get; }

    public Counter<long> Failed { get; }

    public Counter<long> PayloadDrift { get; }

    public Histogram<double> HandlerDuration { get; }

    public Counter<long> InboxEnqueued { get; }

    public Counter<long> InboxRuns { get; }
}
