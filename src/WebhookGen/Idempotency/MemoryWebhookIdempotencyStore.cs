using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace WebhookGen.Idempotency;

/// <summary>
/// The default <see cref="IWebhookIdempotencyStore"/>: in the process's memory, every entry expiring (a reservation after
/// its timeout, a handled id after the retention). Not shared between instances: for more than one, use
/// <see cref="DistributedCacheWebhookIdempotencyStore"/>.
/// </summary>
/// <remarks>
/// <para>
/// Each key is one entry of a concurrent dictionary: reserving is an atomic add (or a compare-and-swap over an expired
/// entry), so concurrent reservations of a key have one winner without a lock. Completing replaces the entry; releasing
/// removes it only while it is still the reservation the token names.
/// </para>
/// <para>
/// Memory is bounded by the retention: an expired entry is never reported, and expired entries are removed by a sweep
/// over the store that runs at most once a minute, started (on the thread pool, so that no request waits for it) by the
/// first call that finds one due; there is no timer. The store therefore holds at most the ids received within the last
/// <see cref="WebhookIdempotencyOptions.Retention"/> plus one minute, each about 75 bytes plus twice the key's length
/// (a key is <c>{Receiver}:{id}</c>): 100 deliveries a second with the default 24 hours is 8.6 million entries,
/// about 1.7 GB with 36-character ids. Shorten the retention to what the sender's retries need, or use a distributed store,
/// when that is too much.
/// </para>
/// </remarks>
public sealed class MemoryWebhookIdempotencyStore : IWebhookIdempotencyStore, IDisposable
{
    /// <summary>How often, at most, expired entries are swept.</summary>
    internal static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Entry> _entries = new();
    private readonly TimeProvider _time;
    private long _nextSweep;
    private long _lastToken;
    private volatile bool _disposed;

    /// <summary>Creates an empty store.</summary>
    /// <param name="timeProvider">The clock that decides expiry; <see cref="TimeProvider.System"/> when null.</param>
    public MemoryWebhookIdempotencyStore(TimeProvider? timeProvider = null)
    {
        _time = timeProvider ?? TimeProvider.System;
        _nextSweep = Later(Now(), SweepInterval);
    }

    /// <summary>The number of entries held, expired ones not yet swept included.</summary>
    public int Count => _entries.Count;

    /// <inheritdoc />
    public ValueTask<WebhookIdempotencyReservation> TryReserveAsync(string key, TimeSpan reservationTimeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        IdempotencyEntry.ThrowIfNotPositive(reservationTimeout);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var now = Now();
        SweepIfDue(now);
        var reservation = new Entry(Interlocked.Increment(ref _lastToken), Later(now, reservationTimeout));
        while (true)
        {
            // A first delivery is the usual case: one lookup to add it.
            if (_entries.TryAdd(key, reservation))
            {
                return new(WebhookIdempotencyReservation.Reserved(TokenText(reservation.Token)));
            }

            if (_entries.TryGetValue(key, out var current))
            {
                if (current.ExpiresAt > now)
                {
                    return new(current.IsCompleted ? WebhookIdempotencyReservation.Completed : WebhookIdempotencyReservation.InProgress);
                }

                if (_entries.TryUpdate(key, reservation, current))
                {
                    return new(WebhookIdempotencyReservation.Reserved(TokenText(reservation.Token)));
                }
            }

            // Another call changed the key between the lookups: look again.
        }
    }

    /// <inheritdoc />
    public ValueTask CompleteAsync(string key, string token, TimeSpan retention, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        IdempotencyEntry.ThrowIfNotPositive(retention);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var now = Now();
        SweepIfDue(now);
        _entries[key] = new Entry(Entry.CompletedToken, Later(now, retention));
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask ReleaseAsync(string key, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var held)
            && _entries.TryGetValue(key, out var current)
            && !current.IsCompleted
            && current.Token == held)
        {
            // Removes the entry only if it is still this reservation (tokens are never reused).
            _ = _entries.TryRemove(KeyValuePair.Create(key, current));
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed = true;
        _entries.Clear();
    }

    /// <summary>Removes the entries expired at <paramref name="now"/> (UTC ticks); returns how many.</summary>
    internal int Sweep(long now)
    {
        var removed = 0;
        foreach (var pair in _entries)
        {
            if (pair.Value.ExpiresAt <= now && _entries.TryRemove(pair))
            {
                removed++;
            }
        }

        return removed;
    }

    /// <summary>Starts a sweep when one is due; of concurrent callers, the one that moves the due time on starts it.</summary>
    private void SweepIfDue(long now)
    {
        var due = Volatile.Read(ref _nextSweep);
        if (now < due || Interlocked.CompareExchange(ref _nextSweep, Later(now, SweepInterval), due) != due)
        {
            return;
        }

        _ = ThreadPool.UnsafeQueueUserWorkItem(static state => state.Store.Sweep(state.Now), (Store: this, Now: now), preferLocal: false);
    }

    private long Now() => _time.GetUtcNow().UtcTicks;

    /// <summary><paramref name="now"/> plus <paramref name="duration"/>, in UTC ticks; never past the end of time.</summary>
    private static long Later(long now, TimeSpan duration) =>
        duration.Ticks >= DateTimeOffset.MaxValue.UtcTicks - now ? DateTimeOffset.MaxValue.UtcTicks : now + duration.Ticks;

    /// <summary>
    /// A token is a number unique within this store, which is the only place a token is ever checked: a counter is as good
    /// as a GUID here and cheaper to make.
    /// </summary>
    private static string TokenText(long token) => token.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A reservation (with its holder's token) or a completed delivery, expiring at <paramref name="ExpiresAt"/> (UTC
    /// ticks). A value, stored in the dictionary's node: no object per entry to allocate, keep and collect.
    /// </summary>
    private readonly record struct Entry(long Token, long ExpiresAt)
    {
        /// <summary>The token of a completed delivery; reservations' tokens start at 1.</summary>
        public const long CompletedToken = 0;

        public bool IsCompleted => Token == CompletedToken;
    }
}
