using System;
using System.Threading;
using System.Threading.Tasks;
using StackExchange.Redis;

namespace WebhookGen.Redis;

/// <summary>
/// A Redis connection opened once, asynchronously, on first use: a synchronous connect on the first requests would block
/// the thread pool. A failed connect is forgotten, so that the next call tries again.
/// </summary>
internal sealed class RedisConnection : IDisposable
{
    private readonly Func<Task<IConnectionMultiplexer>> _connect;
    private Lazy<Task<IConnectionMultiplexer>> _connection;

    /// <summary>Connects with <paramref name="factory"/> when given, else with <paramref name="configuration"/>.</summary>
    /// <param name="configuration">The StackExchange.Redis configuration string.</param>
    /// <param name="factory">Connects; the connection owns what it returns.</param>
    /// <param name="storeName">The store, for the message when neither is set: "The Redis idempotency store".</param>
    public RedisConnection(string? configuration, Func<IConnectionMultiplexer>? factory, string storeName)
    {
        if (factory is null && string.IsNullOrWhiteSpace(configuration))
        {
            throw new InvalidOperationException(storeName + " needs a connection: set Configuration (for example \"localhost:6379\") or ConnectionFactory.");
        }

        _connect = factory is null
            ? async () => await ConnectionMultiplexer.ConnectAsync(configuration!).ConfigureAwait(false)
            : () => Task.FromResult(factory());
        _connection = new Lazy<Task<IConnectionMultiplexer>>(_connect, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public async ValueTask<IDatabase> DatabaseAsync()
    {
        var connecting = Volatile.Read(ref _connection);
        try
        {
            return (await connecting.Value.ConfigureAwait(false)).GetDatabase();
        }
        catch
        {
            Interlocked.CompareExchange(ref _connection, new Lazy<Task<IConnectionMultiplexer>>(_connect, LazyThreadSafetyMode.ExecutionAndPublication), connecting);
            throw;
        }
    }

    /// <summary>Closes the connection, if one was opened.</summary>
    public void Dispose()
    {
        var connection = Volatile.Read(ref _connection);
        if (connection.IsValueCreated && connection.Value.IsCompletedSuccessfully)
        {
            connection.Value.Result.Dispose();
        }
    }
}
