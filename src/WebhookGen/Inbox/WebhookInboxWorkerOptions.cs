using System;

namespace WebhookGen.Inbox;

/// <summary>
/// The background worker that runs queued deliveries' handlers, one per app whatever the number of receivers, bound from
/// <c>Webhooks:Inbox</c>. See docs/inbox.md.
/// </summary>
public sealed class WebhookInboxWorkerOptions
{
    /// <summary>The configuration section: <c>Webhooks:Inbox</c>.</summary>
    public const string ConfigurationSection = "Webhooks:Inbox";

    /// <summary>How many handlers run at once on this instance. Default: twice the processor count.</summary>
    public int Concurrency { get; set; } = Environment.ProcessorCount * 2;

    /// <summary>
    /// How long a worker holds a delivery: its handler is cancelled at the end of it, and a delivery whose worker died is
    /// run by another after it. Must exceed the slowest handler. Default 5 minutes.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How often the store is asked for ready deliveries when nothing arrives: retries come due, another instance's
    /// deliveries wait. A delivery accepted by this instance wakes the worker at once. Default 1 second.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
