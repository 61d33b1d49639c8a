using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;

namespace WebhookGen.Idempotency;

/// <summary>Settings of <see cref="DistributedCacheWebhookIdempotencyStore"/>.</summary>
public sealed class DistributedCacheWebhookIdempotencyStoreOptions
{
    /// <summary>Put before every key, so that the store's entries do not collide with other uses of the cache. Default <c>webhookgen:idempotency:</c>.</summary>
    public string KeyPrefix { get; set; } = "webhookgen:idempotency:";

    /// <summary>
    /// How long a reservation waits, after writing itself, before reading the key back to see whether it won.
    /// <see cref="IDistributedCache"/> has no atomic "add if absent"; this delay lets every instance that saw the key free
    /// write before any of them confirms, so that all read the same winner. Default 50 ms; <see cref="TimeSpan.Zero"/>
    /// keeps only the in-process guarantee.
    /// </summary>
    public TimeSpan ConfirmationDelay { get; set; } = TimeSpan.FromMilliseconds(50);
}

/// <summary>
/// An <see cref="IWebhookIdempotencyStore"/> over any <see cref="IDistributedCache"/> (Redis, SQL Server, ...), for
/// receivers that run on more than one instance. Register it with
/// <see cref="WebhookIdempotencyServiceCollectionExtensions.AddWebhookDistributedIdempotency"/> after registering the cache.
/// </summary>
/// <remarks>
/// Reservations of one key are serialized within the process. Across processes, since the cache offers no atomic add, a
/// reservation writes its token, waits <see cref="DistributedCacheWebhookIdempotencyStoreOptions.ConfirmationDelay"/> and
/// reads the key back: only the instance whose token is still there proceeds. That is exact as long as no instance stalls
/// between reading the key free and writing it for longer than the delay (docs/idempotency.md).
/// </remarks>
public sealed class DistributedCacheWebhookIdempotencyStore : IWebhookIdempotencyStore
{
    private const int Stripes = 64;
    private readonly SemaphoreSlim[] _locks = CreateLocks();
    private readonly IDistributedCache _cache;
    private readonly TimeProvider _time;
    private readonly DistributedCacheWebhookIdempotencyStoreOptions _options;

    /// <summary>Creates a store over <paramref name="cache"/>.</summary>
    public DistributedCacheWebhookIdempotencyStore(
        IDistributedCache cache,
        IOptions<DistributedCacheWebhookIdempotencyStoreOptions>? options = null,
        TimeProvider? timeProvider = null)
    {
        _cache = cache ?? throw new ArgumentNullException(nameof(cache));
        _options = options?.Value ?? new DistributedCacheWebhookIdempotencyStoreOptions();
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public async ValueTask<WebhookIdempotencyReservation> TryReserveAsync(string key, TimeSpan reservationTimeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        IdempotencyEntry.ThrowIfNotPositive(reservationTimeout);
        var cacheKey = _options.KeyPrefix + key;
        var gate = _locks[(int)((uint)StringComparer.Ordinal.GetHashCode(key) % Stripes)];
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (await ReadAsync(cacheKey, cancellationToken).ConfigureAwait(false) is { } existing)
            {
                return existing.Completed ? WebhookIdempotencyReservation.Completed : WebhookIdempotencyReservation.InProgress;
            }

            var token = Guid.NewGuid().ToString("N");
            await WriteAsync(cacheKey, new IdempotencyEntry(false, token, _time.GetUtcNow() + reservationTimeout), reservationTimeout, cancellationToken).ConfigureAwait(false);
            if (_options.ConfirmationDelay > TimeSpan.Zero)
            {
                await Task.Delay(_options.ConfirmationDelay, cancellationToken).ConfigureAwait(false);
            }

            var confirmed = await ReadAsync(cacheKey, cancellationToken).ConfigureAwait(false);
            return confirmed switch
            {
                { Completed: false } mine when mine.Token == token => WebhookIdempotencyReservation.Reserved(token),
                { Completed: true } => WebhookIdempotencyReservation.Completed,
                _ => WebhookIdempotencyReservation.InProgress,
            };
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask CompleteAsync(string key, string token, TimeSpan retention, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        IdempotencyEntry.ThrowIfNotPositive(retention);
        var entry = new IdempotencyEntry(true, string.Empty, _time.GetUtcNow() + retention);
        await WriteAsync(_options.KeyPrefix + key, entry, retention, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask ReleaseAsync(string key, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var cacheKey = _options.KeyPrefix + key;
        if (await ReadAsync(cacheKey, cancellationToken).ConfigureAwait(false) is { Completed: false } entry && entry.Token == token)
        {
            await _cache.RemoveAsync(cacheKey, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The live entry of a key: null when absent, unreadable or expired by <see cref="TimeProvider"/>.</summary>
    private async Task<IdempotencyEntry?> ReadAsync(string cacheKey, CancellationToken cancellationToken)
    {
        var bytes = await _cache.GetAsync(cacheKey, cancellationToken).ConfigureAwait(false);
        var entry = bytes is null ? null : IdempotencyEntry.Parse(Encoding.UTF8.GetString(bytes));
        return entry is not null && entry.ExpiresAt > _time.GetUtcNow() ? entry : null;
    }

    private Task WriteAsync(string cacheKey, IdempotencyEntry entry, TimeSpan lifetime, CancellationToken cancellationToken) =>
        _cache.SetAsync(
            cacheKey,
            Encoding.UTF8.GetBytes(entry.Serialize()),
            new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime },
            cancellationToken);

    private static SemaphoreSlim[] CreateLocks()
    {
        var locks = new SemaphoreSlim[Stripes];
        for (var i = 0; i < locks.Length; i++)
        {
            locks[i] = new SemaphoreSlim(1, 1);
        }

        return locks;
    }
}
