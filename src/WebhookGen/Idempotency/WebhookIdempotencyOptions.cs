using System;

namespace WebhookGen.Idempotency;

/// <summary>
/// Idempotency settings of one receiver, bound from <c>Webhooks:{ReceiverClass}:Idempotency</c>
/// (see <see cref="WebhookReceiverOptions.Idempotency"/>). See docs/idempotency.md.
/// </summary>
public sealed class WebhookIdempotencyOptions
{
    /// <summary>The default <see cref="Retention"/>: 24 hours.</summary>
    public static readonly TimeSpan DefaultRetention = TimeSpan.FromHours(24);

    /// <summary>The default <see cref="ReservationTimeout"/>: 5 minutes.</summary>
    public static readonly TimeSpan DefaultReservationTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The default <see cref="InProgressRetryAfter"/>: 5 seconds.</summary>
    public static readonly TimeSpan DefaultInProgressRetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>Deduplicates deliveries by their id. On by default; a delivery without an id is never deduplicated.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// A request header whose value is the delivery's id (for example <c>webhook-id</c>). It decides whether a delivery is
    /// new only when the signature covers it (a scheme whose signed content includes the id); naming an unsigned header
    /// here is refused at start, because a captured delivery could then be replayed under a new value. Where unsigned
    /// deliveries are allowed it is used as it is. It also labels the delivery (<see cref="WebhookContext.DeliveryId"/>).
    /// </summary>
    public string? IdHeader { get; set; }

    /// <summary>How long a handled id is remembered. Default 24 hours.</summary>
    public TimeSpan Retention { get; set; } = DefaultRetention;

    /// <summary>
    /// How long an id stays reserved while its handler runs; after that a reservation that was neither completed nor
    /// released (the process died) lapses and the id can be processed again. Should exceed the slowest handler. Default 5 minutes.
    /// </summary>
    public TimeSpan ReservationTimeout { get; set; } = DefaultReservationTimeout;

    /// <summary>The <c>Retry-After</c> sent with the <c>409</c> answered to a duplicate that arrives while the first is still being handled. Default 5 seconds.</summary>
    public TimeSpan InProgressRetryAfter { get; set; } = DefaultInProgressRetryAfter;
}
