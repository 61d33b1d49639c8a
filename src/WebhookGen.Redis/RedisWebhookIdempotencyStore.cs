using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using WebhookGen.Idempotency;

namespace WebhookGen.Redis;

/// <summary>
/// Claims on Redis, each a single atomic script: of any number of instances reserving one key at once, exactly one gets
/// it; a reservation lapses on its own after the reservation timeout (a holder that crashed), is released at once when
/// the handler fails or the request is aborted, and becomes a completion kept for the retention when the handler succeeds.
/// </summary>
/// <remarks>
/// A key holds <c>r:{token}</c> while reserved and <c>c</c> once completed, with Redis's own expiry. Redis calls take no
/// cancellation token: a claim is either made or not, never left behind by a cancelled wait.
/// </remarks>
public sealed class RedisWebhookIdempotencyStore : IWebhookIdempotencyStore, IDisposable
{
    private const string Completed = "c";

    // Reserve: free → reserved by this token; else say whether it is completed or in progress.
    private static readonly LuaScript ReserveScript = LuaScript.Prepare(
        "local v = redis.call('GET', @key) " +
        "if not v then redis.call('SET', @key, @reservation, 'PX', @timeout) return 'R' end " +
        "if v == 'c' then return 'C' end return 'P'");

    // Complete: only this token's reservation, or a lapsed one nobody else has taken since.
    private static readonly LuaScript CompleteScript = LuaScript.Prepare(
        "local v = redis.call('GET', @key) " +
        "if v == @reservation or not v then redis.call('SET', @key, 'c', 'PX', @retention) return 1 end return 0");

    private static readonly LuaScript ReleaseScript = LuaScript.Prepare(
        "if redis.call('GET', @key) == @reservation then return redis.call('DEL', @key) end return 0");

    private readonly RedisConnection _connection;
    private readonly string _prefix;

    /// <summary>Creates the store; it connects on first use.</summary>
    public RedisWebhookIdempotencyStore(IOptions<RedisWebhookIdempotencyStoreOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _prefix = settings.KeyPrefix;
        // A failed connect is forgotten, so that the next call tries again (the gate answers 503 with Retry-After meanwhile).
        _connection = new RedisConnection(settings.Configuration, settings.ConnectionFactory, "The Redis idempotency store");
    }

    /// <inheritdoc />
    public async ValueTask<WebhookIdempotencyReservation> TryReserveAsync(string key, TimeSpan reservationTimeout, CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid().ToString("N");
        var database = await DatabaseAsync().ConfigureAwait(false);
        var result = (string?)await database.ScriptEvaluateAsync(
            ReserveScript,
            new { key = Key(key), reservation = "r:" + token, timeout = Milliseconds(reservationTimeout) }).ConfigureAwait(false);
        return result switch
        {
            "R" => WebhookIdempotencyReservation.Reserved(token),
            "C" => WebhookIdempotencyReservation.Completed,
            _ => WebhookIdempotencyReservation.InProgress,
        };
    }

    /// <inheritdoc />
    public async ValueTask CompleteAsync(string key, string token, TimeSpan retention, CancellationToken cancellationToken) =>
        await (await DatabaseAsync().ConfigureAwait(false)).ScriptEvaluateAsync(
            CompleteScript,
            new { key = Key(key), reservation = "r:" + token, retention = Milliseconds(retention) }).ConfigureAwait(false);

    /// <inheritdoc />
    public async ValueTask ReleaseAsync(string key, string token, CancellationToken cancellationToken) =>
        await (await DatabaseAsync().ConfigureAwait(false)).ScriptEvaluateAsync(ReleaseScript, new { key = Key(key), reservation = "r:" + token }).ConfigureAwait(false);

    /// <summary>Closes the connection, if the store opened one.</summary>
    public void Dispose() => _connection.Dispose();

    private ValueTask<IDatabase> DatabaseAsync() => _connection.DatabaseAsync();

    private RedisKey Key(string key) => new(_prefix + key);

    private static long Milliseconds(TimeSpan duration) => Math.Max(1, (long)Math.Ceiling(duration.TotalMilliseconds));
}
