using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO.Hashing;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace WebhookGen.Idempotency;

/// <summary>
/// The default <see cref="IWebhookIdempotencyStore"/>: in the process's memory, every entry expiring (a reservation after
/// its timeout, a handled id after the retention). Not shared between instances: for more than one, use the Redis store
/// (package <c>WebhookGen.Redis</c>).
/// </summary>
/// <remarks>
/// <para>
/// An entry is a 128-bit hash of its key (XxHash128, seeded at random per store) and two numbers, held in plain
/// dictionaries of values, split into shards by the hash, each shard behind its own lock. The store keeps no object per
/// entry: the garbage collector never walks millions of retained ids, which is what deduplication costs a busy receiver
/// otherwise. Two distinct keys would have to share all 128 bits to be taken for each other; with a billion ids held, the
/// chance that any two do is about one in 10<sup>20</sup>.
/// </para>
/// <para>
/// Memory is bounded by the retention: an expired entry is never reported, and expired entries are removed by a sweep
/// that runs at most once a minute, started (on the thread pool, so that no request waits for it) by the first call that
/// finds one due; there is no timer. The store therefore holds at most the ids received within the last
/// <see cref="WebhookIdempotencyOptions.Retention"/> plus one minute, 44 to 88 bytes each whatever the key's length
/// (dictionaries grow by doubling): 100 deliveries a second with the default 24 hours is 8.6 million entries, under
/// 800 MB. Shorten the retention to what the sender's retries need, or use a distributed store, when that is too much.
/// </para>
/// </remarks>
public sealed class MemoryWebhookIdempotencyStore : IWebhookIdempotencyStore, IDisposable
{
    /// <summary>How often, at most, expired entries are swept.</summary>
    internal static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly Shard[] _shards;
    private readonly long _seed = BitConverter.ToInt64(RandomNumberGenerator.GetBytes(sizeof(long)));
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

        // A few shards per core keep two requests from waiting on one lock, whatever the load.
        var shardCount = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(Environment.ProcessorCount * 4, 16, 1024));
        _shards = new Shard[shardCount];
        for (var i = 0; i < _shards.Length; i++)
        {
            _shards[i] = new Shard();
        }
    }

    /// <summary>The number of entries held, expired ones not yet swept included.</summary>
    public int Count
    {
        get
        {
            var count = 0;
            foreach (var shard in _shards)
            {
                lock (shard)
                {
                    count += shard.Entries.Count;
                }
            }

            return count;
        }
    }

    /// <inheritdoc />
    public ValueTask<WebhookIdempotencyReservation> TryReserveAsync(string key, TimeSpan reservationTimeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        IdempotencyEntry.ThrowIfNotPositive(reservationTimeout);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var now = Now();
        SweepIfDue(now);
        var hash = Hash(key);
        var shard = ShardOf(hash);
        long token;
        lock (shard)
        {
            ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(shard.Entries, hash, out var exists);
            if (exists && entry.ExpiresAt > now)
            {
                return new(entry.IsCompleted ? WebhookIdempotencyReservation.Completed : WebhookIdempotencyReservation.InProgress);
            }

            token = Interlocked.Increment(ref _lastToken);
            entry = new Entry(token, Later(now, reservationTimeout));
        }

        return new(WebhookIdempotencyReservation.Reserved(TokenText(token)));
    }

    /// <inheritdoc />
    public ValueTask CompleteAsync(string key, string token, TimeSpan retention, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        IdempotencyEntry.ThrowIfNotPositive(retention);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var now = Now();
        SweepIfDue(now);
        var hash = Hash(key);
        var shard = ShardOf(hash);
        lock (shard)
        {
            shard.Entries[hash] = new Entry(Entry.CompletedToken, Later(now, retention));
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask ReleaseAsync(string key, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var held))
        {
            return ValueTask.CompletedTask;
        }

        var hash = Hash(key);
        var shard = ShardOf(hash);
        lock (shard)
        {
            // Removes the entry only if it is still this reservation (tokens are never reused).
            if (shard.Entries.TryGetValue(hash, out var current) && !current.IsCompleted && current.Token == held)
            {
                _ = shard.Entries.Remove(hash);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Forgets every id and keeps what the shards have grown to: a store in its steady state, where ids expire as fast as
    /// new ones arrive, without a reservation's history. For benchmarks of that state.
    /// </summary>
    internal void Clear()
    {
        foreach (var shard in _shards)
        {
            lock (shard)
            {
                shard.Entries.Clear();
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed = true;
        foreach (var shard in _shards)
        {
            lock (shard)
            {
                shard.Entries.Clear();
                shard.Entries.TrimExcess();
            }
        }
    }

    /// <summary>Removes the entries expired at <paramref name="now"/> (UTC ticks), a shard at a time; returns how many.</summary>
    internal int Sweep(long now)
    {
        var removed = 0;
        foreach (var shard in _shards)
        {
            lock (shard)
            {
                var entries = shard.Entries;
                foreach (var (hash, entry) in entries)
                {
                    // Removing while enumerating is allowed for Dictionary (it never reorders on a removal).
                    if (entry.ExpiresAt <= now && entries.Remove(hash))
                    {
                        removed++;
                    }
                }

                // Gives back what a burst made the shard grow to, once it holds under a quarter of it.
                if (entries.Count < entries.EnsureCapacity(0) / 4)
                {
                    entries.TrimExcess();
                }
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

    private KeyHash Hash(string key)
    {
        var hash = XxHash128.HashToUInt128(MemoryMarshal.AsBytes(key.AsSpan()), _seed);
        return new KeyHash((ulong)hash, (ulong)(hash >> 64));
    }

    /// <summary>The shard is chosen by the low bits, the dictionary's bucket by the high ones: independent of each other.</summary>
    private Shard ShardOf(KeyHash hash) => _shards[(int)(hash.Low & (ulong)(_shards.Length - 1))];

    private long Now() => _time.GetUtcNow().UtcTicks;

    /// <summary><paramref name="now"/> plus <paramref name="duration"/>, in UTC ticks; never past the end of time.</summary>
    private static long Later(long now, TimeSpan duration) =>
        duration.Ticks >= DateTimeOffset.MaxValue.UtcTicks - now ? DateTimeOffset.MaxValue.UtcTicks : now + duration.Ticks;

    /// <summary>
    /// A token is a number unique within this store, which is the only place a token is ever checked: a counter is as good
    /// as a GUID here and cheaper to make.
    /// </summary>
    private static string TokenText(long token) => token.ToString(CultureInfo.InvariantCulture);

    /// <summary>One lock and the entries whose hashes fall to it.</summary>
    private sealed class Shard
    {
        public Dictionary<KeyHash, Entry> Entries { get; } = new();
    }

    /// <summary>A key's 128-bit hash: what the store holds instead of the key.</summary>
    private readonly record struct KeyHash(ulong Low, ulong High)
    {
        public override int GetHashCode() => (int)High ^ (int)(High >> 32);
    }

    /// <summary>
    /// A reservation (with its holder's token) or a completed delivery, expiring at <paramref name="ExpiresAt"/> (UTC
    /// ticks).
    /// </summary>
    private readonly record struct Entry(long Token, long ExpiresAt)
    {
        /// <summary>The token of a completed delivery; reservations' tokens start at 1.</summary>
        public const long CompletedToken = 0;

        public bool IsCompleted => Token == CompletedToken;
    }
}
