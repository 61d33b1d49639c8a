using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace WebhookGen.Diagnostics;

/// <summary>
/// The one <see cref="Meter"/>, its instruments and the one <see cref="ActivitySource"/> of WebhookGen. Names follow
/// the OpenTelemetry semantic conventions' style: lower case, dotted, units in UCUM. Recorded through <see cref="WebhookTelemetry"/>.
/// </summary>
internal static class WebhookMetrics
{
    private static readonly string? Version = typeof(WebhookMetrics).Assembly.GetName().Version?.ToString();

    public static readonly Meter Meter = new(WebhookDiagnostics.MeterName, Version);

    public static readonly ActivitySource ActivitySource = new(WebhookDiagnostics.ActivitySourceName, Version);

    public static readonly Counter<long> Received = Meter.CreateCounter<long>(
        "webhookgen.deliveries.received", "{delivery}", "Deliveries that reached a receiver's endpoint.");

    public static readonly Counter<long> Rejected = Meter.CreateCounter<long>(
        "webhookgen.deliveries.rejected", "{delivery}", "Deliveries answered without calling the handler, by webhookgen.rejection.reason.");

    public static readonly Counter<long> Duplicates = Meter.CreateCounter<long>(
        "webhookgen.deliveries.duplicates", "{delivery}", "Repeated deliveries acknowledged without calling the handler.");

    public static readonly Counter<long> InProgress = Meter.CreateCounter<long>(
        "webhookgen.deliveries.in_progress", "{delivery}", "Deliveries answered 409 because the same id was being handled.");

    public static readonly Counter<long> Handled = Meter.CreateCounter<long>(
        "webhookgen.deliveries.handled", "{delivery}", "Deliveries the handler answered with a 2xx.");

    public static readonly Counter<long> Failed = Meter.CreateCounter<long>(
        "webhookgen.deliveries.failed", "{delivery}", "Deliveries whose handler threw or answered a 5xx.");

    public static readonly Counter<long> PayloadDrift = Meter.CreateCounter<long>(
        "webhookgen.payload.drift", "{member}", "Members of read payloads that drift from the spec, by webhookgen.drift.kind and webhookgen.drift.member.");

    public static readonly Histogram<double> HandlerDuration = Meter.CreateHistogram<double>(
        "webhookgen.handler.duration", "s", "How long the handler ran, from its call to its answer or exception.");

    public static readonly Counter<long> InboxEnqueued = Meter.CreateCounter<long>(
        "webhookgen.inbox.enqueued", "{delivery}", "Deliveries stored in the durable inbox and answered at once.");

    public static readonly Counter<long> InboxRuns = Meter.CreateCounter<long>(
        "webhookgen.inbox.attempts", "{attempt}", "Runs of queued deliveries' handlers, by webhookgen.outcome: handled, retried, dead_lettered, lease_lost.");

    public static readonly ObservableGauge<long> InboxDepth = Meter.CreateObservableGauge(
        "webhookgen.inbox.depth", static () => Inbox.WebhookInboxGauges.Depth(), "{delivery}", "Deliveries in the inbox not yet handled: waiting, running or scheduled for a retry.");

    public static readonly ObservableGauge<double> InboxOldestAge = Meter.CreateObservableGauge(
        "webhookgen.inbox.oldest_age", static () => Inbox.WebhookInboxGauges.OldestAge(), "s", "How long the oldest delivery not yet handled has waited.");

    public static readonly ObservableGauge<long> InboxDeadLetters = Meter.CreateObservableGauge(
        "webhookgen.inbox.dead_letters", static () => Inbox.WebhookInboxGauges.DeadLetters(), "{delivery}", "Deliveries given up after their last attempt, until replayed.");
}
