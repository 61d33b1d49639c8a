using System;
using StackExchange.Redis;

namespace WebhookGen.Redis;

/// <summary>Where <see cref="RedisWebhookIdempotencyStore"/> keeps its claims.</summary>
public sealed class RedisWebhookIdempotencyStoreOptions
{
    /// <summary>The StackExchange.Redis configuration string (<c>localhost:6379</c>), when no connection is given.</summary>
    public string? Configuration { get; set; }

    /// <summary>Connects to Redis; when set, <see cref="Configuration"/> is not used. The store owns what it returns.</summary>
    public Func<IConnectionMultiplexer>? ConnectionFactory { get; set; }

    /// <summary>What every key starts with, so that several apps can share one Redis. Default <c>webhookgen:idempotency:</c>.</summary>
    public string KeyPrefix { get; set; } = "webhookgen:idempotency:";
}
