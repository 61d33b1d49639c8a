using WebhookGen.Idempotency;

namespace WebhookGen.Benchmarks.Receiver;

/// <summary>
/// WebhookGen's default in-memory store, emptied between benchmark iterations: every measured delivery then reserves
/// and completes a new id, as a first delivery does, instead of being answered as a repeat once the ids run out.
/// </summary>
internal sealed class ResettableIdempotencyStore : IWebhookIdempotencyStore, IDisposable
{
    private MemoryWebhookIdempotencyStore _store = new();

    /// <summary>
    /// Forgets every id. <paramref name="fromEmpty"/>: with a new store, which grows its shards again as the ids come (a
    /// store's first tens of thousands of ids after a start); otherwise the shards keep their room, as in a store's
    /// steady state, where ids expire as fast as new ones arrive.
    /// </summary>
    public void Reset(bool fromEmpty)
    {
        if (!fromEmpty)
        {
            _store.Clear();
            return;
        }

        var previous = _store;
        _store = new MemoryWebhookIdempotencyStore();
        previous.Dispose();
    }

    public ValueTask<WebhookIdempotencyReservation> TryReserveAsync(string key, TimeSpan reservationTimeout, CancellationToken cancellationToken) =>
        _store.TryReserveAsync(key, reservationTimeout, cancellationToken);

    public ValueTask CompleteAsync(string key, string token, TimeSpan retention, CancellationToken cancellationToken) =>
        _store.CompleteAsync(key, token, retention, cancellationToken);

    public ValueTask ReleaseAsync(string key, string token, CancellationToken cancellationToken) =>
        _store.ReleaseAsync(key, token, cancellationToken);

    public void Dispose() => _store.Dispose();
}
