using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Memory;

namespace WebhookGen.Idempotency;

/// <summary>
/// The default <see cref="IWebhookIdempotencyStore"/>: in the process's memory, every entry expiring (a reservation after
/// its timeout, a handled id after the retention), so it holds about deliveries per second × retention entries. Not shared between instances:
/// for more than one, use <see cref="DistributedCacheWebhookIdempotencyStore"/>.
/// </summary>
public sealed class MemoryWebhookIdempotencyStore : IWebhookIdempotencyStore, IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions());
    private readonly TimeProvider _time;
    private readonly object _gate = new();

    /// <summary>Creates an empty store.</summary>
    /// <param name="timeProvider">The clock that decides expiry; <see cref="TimeProvider.System"/> when null.</param>
    public MemoryWebhookIdempotencyStore(TimeProvider? timeProvider = null) => _time = timeProvider ?? TimeProvider.System;

    /// <summary>The number of entries held, expired ones not yet evicted included.</summary>
    public int Count => _cache.Count;

    /// <inheritdoc />
    public ValueTask<WebhookIdempotencyReservation> TryReserveAsync(string key, TimeSpan reservationTimeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        IdempotencyEntry.ThrowIfNotPositive(reservationTimeout);
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (_cache.TryGetValue(key, out IdempotencyEntry? entry) && entry is not null && entry.ExpiresAt > now)
            {
                return new(entry.Completed ? WebhookIdempotencyReservation.Completed : WebhookIdempotencyReservation.InProgress);
            }

            var token = Guid.NewGuid().ToString("N");
            _cache.Set(key, new IdempotencyEntry(false, token, now + reservationTimeout), reservationTimeout);
            return new(WebhookIdempotencyReservation.Reserved(token));
        }
    }

    /// <inheritdoc />
    public ValueTask CompleteAsync(string key, string token, TimeSpan retention, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        IdempotencyEntry.ThrowIfNotPositive(retention);
        lock (_gate)
        {
            _cache.Set(key, new IdempotencyEntry(true, string.Empty, _time.GetUtcNow() + retention), retention);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask ReleaseAsync(string key, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            if (_cache.TryGetValue(key, out IdempotencyEntry? entry) && entry is { Completed: false } && entry.Token == token)
            {
                _cache.Remove(key);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public void Dispose() => _cache.Dispose();
}
