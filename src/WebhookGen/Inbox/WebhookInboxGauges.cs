using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Threading;

namespace WebhookGen.Inbox;

/// <summary>
/// The inbox's last counted state, which the observable gauges report: the worker refreshes it from the store, since a
/// gauge's callback cannot wait for a store. Empty (no measurement) until the first count.
/// </summary>
internal static class WebhookInboxGauges
{
    private static Snapshot? _latest;

    public static void Update(WebhookInboxStats stats, DateTimeOffset now) => Volatile.Write(ref _latest, new Snapshot(stats, now));

    public static IEnumerable<Measurement<long>> Depth() =>
        Volatile.Read(ref _latest) is { } latest ? [new Measurement<long>(latest.Stats.Pending)] : [];

    public static IEnumerable<Measurement<double>> OldestAge() =>
        Volatile.Read(ref _latest) is { } latest
            ? [new Measurement<double>(latest.Stats.OldestReceivedAt is { } oldest ? Math.Max(0, (latest.At - oldest).TotalSeconds) : 0)]
            : [];

    public static IEnumerable<Measurement<long>> DeadLetters() =>
        Volatile.Read(ref _latest) is { } latest ? [new Measurement<long>(latest.Stats.DeadLetters)] : [];

    private sealed record Snapshot(WebhookInboxStats Stats, DateTimeOffset At);
}
