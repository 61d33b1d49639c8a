using System;
using System.Threading;
using System.Threading.Tasks;

namespace WebhookGen.Idempotency;

/// <summary>
/// Remembers which deliveries a receiver has handled, so that a repeat is acknowledged without calling the handler again.
/// A key is first <em>reserved</em> (in progress, for a short time), then <em>completed</em> when the handler succeeded
/// (kept for the retention) or <em>released</em> when it did not, so that the sender's retry is processed.
/// </summary>
/// <remarks>
/// Keys come namespaced by receiver (<c>{Receiver}:{id}</c>). Implementations must make <see cref="TryReserveAsync"/>
/// atomic: of two concurrent calls for one key, at most one gets <see cref="WebhookIdempotencyStatus.Reserved"/>.
/// </remarks>
public interface IWebhookIdempotencyStore
{
    /// <summary>
    /// Reserves <paramref name="key"/> for <paramref name="reservationTimeout"/> unless it is already reserved or completed.
    /// </summary>
    ValueTask<WebhookIdempotencyReservation> TryReserveAsync(string key, TimeSpan reservationTimeout, CancellationToken cancellationToken);

    /// <summary>Marks <paramref name="key"/> handled for <paramref name="retention"/>, replacing the reservation.</summary>
    ValueTask CompleteAsync(string key, string token, TimeSpan retention, CancellationToken cancellationToken);

    /// <summary>Drops the reservation of <paramref name="key"/> when it is still the one <paramref name="token"/> names.</summary>
    ValueTask ReleaseAsync(string key, string token, CancellationToken cancellationToken);
}

/// <summary>What <see cref="IWebhookIdempotencyStore.TryReserveAsync"/> found.</summary>
public enum WebhookIdempotencyStatus
{
    /// <summary>The key was free and is now reserved by this caller.</summary>
    Reserved,

    /// <summary>Another delivery of the same key is being handled (reserved, not yet completed or released).</summary>
    InProgress,

    /// <summary>The key was handled already.</summary>
    Completed,
}

/// <summary>The outcome of a reservation: its status and, when <see cref="WebhookIdempotencyStatus.Reserved"/>, the token that completes or releases it.</summary>
public readonly record struct WebhookIdempotencyReservation(WebhookIdempotencyStatus Status, string? Token)
{
    /// <summary>A reservation held under <paramref name="token"/>.</summary>
    public static WebhookIdempotencyReservation Reserved(string token) => new(WebhookIdempotencyStatus.Reserved, token);

    /// <summary>The key is reserved by someone else.</summary>
    public static WebhookIdempotencyReservation InProgress { get; } = new(WebhookIdempotencyStatus.InProgress, null);

    /// <summary>The key was handled already.</summary>
    public static WebhookIdempotencyReservation Completed { get; } = new(WebhookIdempotencyStatus.Completed, null);
}
