using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using WebhookGen.Inbox;

namespace WebhookGen.Redis;

/// <summary>
/// The durable inbox on a Redis stream read by a consumer group, shared by every instance of an app: a lease is a
/// delivery to a consumer, pending in the group until it is completed, retried or dead-lettered; a lease that lapses
/// (its worker died) is claimed by the next consumer that leases. Every step is one atomic Lua script.
/// </summary>
/// <remarks>
/// <para>
/// A message is as durable as Redis makes it when <see cref="EnqueueAsync"/> returns: run Redis with
/// <c>appendonly yes</c> and <c>appendfsync always</c> (nothing acknowledged is lost) or <c>everysec</c> (up to a second
/// of deliveries lost when the Redis host itself fails); without persistence a Redis restart loses the inbox.
/// </para>
/// <para>
/// Keys, all under the hash tag <c>{inbox}</c> (one Cluster slot): the stream <c>{prefix}{inbox}</c>; sorted sets of
/// lease ends (<c>:leases</c>), of retries' due times (<c>:delayed</c>, the retried messages themselves in the stream
/// <c>:retries</c>) and of pending arrivals (<c>:received</c>); the dead letters' stream <c>:dead</c> and its index by
/// message id <c>:dead:ids</c>. Lease ends and due times are read from the store's <see cref="TimeProvider"/>: the
/// instances' clocks must agree (NTP) to well within a lease.
/// </para>
/// <para>Redis calls take no cancellation token: a script either runs or not, never half.</para>
/// </remarks>
public sealed class RedisWebhookInboxStore : IWebhookInboxStore, IDisposable
{
    /// <summary>How long a consumer with nothing pending may go unseen before it is removed from the group.</summary>
    private static readonly TimeSpan ConsumerRetention = TimeSpan.FromHours(1);

    /// <summary>How often this store's leases look for such consumers.</summary>
    private static readonly TimeSpan PruneInterval = TimeSpan.FromMinutes(10);

    private const int DeadLetterPage = 256;

    private readonly RedisConnection _connection;
    private readonly RedisInboxKeys _keys;
    private readonly RedisValue _group;
    private readonly TimeProvider _timeProvider;
    private long _nextPrune;

    /// <summary>Creates the store; it connects on first use.</summary>
    /// <param name="options">The connection, the key prefix and the consumer group.</param>
    /// <param name="timeProvider">The clock of lease ends and retry due times; <see cref="TimeProvider.System"/> when null.</param>
    public RedisWebhookInboxStore(IOptions<RedisWebhookInboxStoreOptions> options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.GroupName))
        {
            throw new InvalidOperationException("The Redis inbox store needs a consumer group name: set GroupName.");
        }

        _connection = new RedisConnection(settings.Configuration, settings.ConnectionFactory, "The Redis inbox store");
        _keys = new RedisInboxKeys(settings.KeyPrefix ?? string.Empty);
        _group = settings.GroupName;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public async ValueTask EnqueueAsync(WebhookInboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        var database = await _connection.DatabaseAsync().ConfigureAwait(false);
        await database.ScriptEvaluateAsync(
            RedisInboxScripts.Enqueue,
            [_keys.Stream, _keys.Received],
            RedisInboxEntry.Write(message, _group, RedisInboxEntry.ReceivedMember(message))).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<WebhookInboxLease>> LeaseAsync(string consumer, int maxCount, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(consumer);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();
        var now = _timeProvider.GetUtcNow();
        var database = await _connection.DatabaseAsync().ConfigureAwait(false);
        var result = await database.ScriptEvaluateAsync(
            RedisInboxScripts.Lease,
            [_keys.Stream, _keys.Leases, _keys.Delayed, _keys.Retries],
            [_group, consumer, maxCount, now.ToUnixTimeMilliseconds(), UnixMillisecondsRoundedUp(now + leaseDuration), PruneIdleMilliseconds(now)]).ConfigureAwait(false);

        var leased = (RedisResult[])result!;
        var leases = new WebhookInboxLease[leased.Length];
        for (var i = 0; i < leased.Length; i++)
        {
            var lease = (RedisResult[])leased[i]!;
            var entryId = (string)lease[0]!;
            var deliveries = (long)lease[1];
            var entry = RedisInboxEntry.Read(entryId, (RedisValue[])lease[2]!);
            leases[i] = new WebhookInboxLease(
                entry.Message,
                entry.Attempts + (int)deliveries,
                entry.Error,
                new RedisInboxToken(entryId, deliveries, consumer).ToString());
        }

        return leases;
    }

    /// <inheritdoc />
    public ValueTask<bool> CompleteAsync(WebhookInboxLease lease, CancellationToken cancellationToken) =>
        SettleAsync(lease, RedisInboxScripts.Complete, [_keys.Stream, _keys.Leases, _keys.Received], cancellationToken);

    /// <inheritdoc />
    public ValueTask<bool> RetryAsync(WebhookInboxLease lease, DateTimeOffset notBefore, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return SettleAsync(lease, RedisInboxScripts.Retry, [_keys.Stream, _keys.Leases, _keys.Delayed, _keys.Retries], cancellationToken, UnixMillisecondsRoundedUp(notBefore), reason);
    }

    /// <inheritdoc />
    public ValueTask<bool> DeadLetterAsync(WebhookInboxLease lease, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return SettleAsync(
            lease,
            RedisInboxScripts.DeadLetter,
            [_keys.Stream, _keys.Leases, _keys.Received, _keys.Dead, _keys.DeadIds],
            cancellationToken,
            reason,
            RedisInboxEntry.Ticks(_timeProvider.GetUtcNow()));
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<WebhookDeadLetter>> GetDeadLettersAsync(string? receiverName, int maxCount, CancellationToken cancellationToken)
    {
        var found = new List<WebhookDeadLetter>();
        if (maxCount < 1)
        {
            return found;
        }

        var database = await _connection.DatabaseAsync().ConfigureAwait(false);
        RedisValue from = "-";
        while (found.Count < maxCount)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await database.StreamRangeAsync(_keys.Dead, from, "+", receiverName is null ? maxCount - found.Count : DeadLetterPage).ConfigureAwait(false);
            foreach (var entry in page)
            {
                var dead = Read(entry);
                if (receiverName is null || string.Equals(dead.Message.ReceiverName, receiverName, StringComparison.Ordinal))
                {
                    found.Add(new WebhookDeadLetter(dead.Message, dead.Attempts, dead.Reason ?? string.Empty, dead.DeadAt ?? default));
                    if (found.Count == maxCount)
                    {
                        break;
                    }
                }
            }

            if (page.Length == 0 || (receiverName is not null && page.Length < DeadLetterPage))
            {
                break;
            }

            from = "(" + page[^1].Id;
        }

        return found;
    }

    /// <inheritdoc />
    public async ValueTask<bool> ReplayAsync(string messageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        cancellationToken.ThrowIfCancellationRequested();
        var database = await _connection.DatabaseAsync().ConfigureAwait(false);
        var result = await database.ScriptEvaluateAsync(
            RedisInboxScripts.Replay,
            [_keys.Stream, _keys.Received, _keys.Dead, _keys.DeadIds],
            [_group, messageId]).ConfigureAwait(false);
        return (long)result == 1;
    }

    /// <inheritdoc />
    public async ValueTask<WebhookInboxStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var database = await _connection.DatabaseAsync().ConfigureAwait(false);
        var result = (RedisResult[])(await database.ScriptEvaluateAsync(
            RedisInboxScripts.Stats,
            [_keys.Stream, _keys.Delayed, _keys.Received, _keys.Dead]).ConfigureAwait(false))!;
        var oldest = (string?)result[1];
        return new WebhookInboxStats((long)result[0], oldest is null ? null : RedisInboxEntry.ReceivedAt(oldest), (long)result[2]);
    }

    /// <summary>Closes the connection, if the store opened one.</summary>
    public void Dispose() => _connection.Dispose();

    private async ValueTask<bool> SettleAsync(WebhookInboxLease lease, string script, RedisKey[] keys, CancellationToken cancellationToken, params RedisValue[] arguments)
    {
        ArgumentNullException.ThrowIfNull(lease);
        cancellationToken.ThrowIfCancellationRequested();
        if (!RedisInboxToken.TryParse(lease.Token, out var token))
        {
            return false;
        }

        var database = await _connection.DatabaseAsync().ConfigureAwait(false);
        RedisValue[] values = [_group, token.EntryId, token.Deliveries, token.Consumer, .. arguments];
        return (long)await database.ScriptEvaluateAsync(script, keys, values).ConfigureAwait(false) == 1;
    }

    private static RedisInboxEntry Read(StreamEntry entry)
    {
        var pairs = new RedisValue[entry.Values.Length * 2];
        for (var i = 0; i < entry.Values.Length; i++)
        {
            pairs[2 * i] = entry.Values[i].Name;
            pairs[(2 * i) + 1] = entry.Values[i].Value;
        }

        return RedisInboxEntry.Read((string)entry.Id!, pairs);
    }

    /// <summary>The idle time after which this lease removes consumers with nothing pending; 0 (not this time) but every <see cref="PruneInterval"/>.</summary>
    private long PruneIdleMilliseconds(DateTimeOffset now)
    {
        var next = Interlocked.Read(ref _nextPrune);
        if (now.UtcTicks < next || Interlocked.CompareExchange(ref _nextPrune, (now + PruneInterval).UtcTicks, next) != next)
        {
            return 0;
        }

        return (long)ConsumerRetention.TotalMilliseconds;
    }

    /// <summary>
    /// Unix milliseconds, rounded up: compared with the time now rounded down, a retry due or a lease ending within a
    /// millisecond is not ready before it.
    /// </summary>
    private static long UnixMillisecondsRoundedUp(DateTimeOffset time) =>
        (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond;
}
