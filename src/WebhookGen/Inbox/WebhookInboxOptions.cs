using System;

namespace WebhookGen.Inbox;

/// <summary>
/// The durable inbox of one receiver, bound from <c>Webhooks:{ReceiverClass}:Inbox</c> (see
/// <see cref="WebhookReceiverOptions.Inbox"/>): when enabled, a verified and validated delivery is stored, the sender is
/// answered <c>200</c> at once, and a background worker runs the handler, retrying failures. See docs/inbox.md.
/// </summary>
public sealed class WebhookInboxOptions
{
    /// <summary>The default <see cref="MaxAttempts"/>: 8.</summary>
    public const int DefaultMaxAttempts = 8;

    /// <summary>The default <see cref="FirstRetryDelay"/>: 10 seconds.</summary>
    public static readonly TimeSpan DefaultFirstRetryDelay = TimeSpan.FromSeconds(10);

    /// <summary>The default <see cref="MaxRetryDelay"/>: 1 hour.</summary>
    public static readonly TimeSpan DefaultMaxRetryDelay = TimeSpan.FromHours(1);

    /// <summary>
    /// Stores deliveries and runs their handlers in the background. Off by default: handlers run inside the request.
    /// Needs an inbox store (<c>AddWebhookSqliteInbox</c> or <c>AddWebhookRedisInbox</c>); the app does not start without one.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// How many times a delivery's handler runs before the delivery becomes a dead letter: a run that throws, answers a
    /// 5xx or <see cref="WebhookResult.RetryLater"/>, or does not finish (the process died), counts. Default 8.
    /// </summary>
    public int MaxAttempts { get; set; } = DefaultMaxAttempts;

    /// <summary>
    /// The delay before the first retry; each later one doubles it, up to <see cref="MaxRetryDelay"/>, and each is jittered
    /// (between half and all of it) so that failed deliveries do not come back together. A handler's
    /// <see cref="WebhookResult.RetryLater"/> delay, when longer, is honoured instead. Default 10 seconds.
    /// </summary>
    public TimeSpan FirstRetryDelay { get; set; } = DefaultFirstRetryDelay;

    /// <summary>The longest delay between two runs of a delivery's handler. Default 1 hour.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = DefaultMaxRetryDelay;
}
