using System;
using StackExchange.Redis;

namespace WebhookGen.Redis;

/// <summary>Where <see cref="RedisWebhookInboxStore"/> keeps the inbox.</summary>
public sealed class RedisWebhookInboxStoreOptions
{
    /// <summary>The StackExchange.Redis configuration string (<c>localhost:6379</c>), when no connection is given.</summary>
    public string? Configuration { get; set; }

    /// <summary>Connects to Redis; when set, <see cref="Configuration"/> is not used. The store owns what it returns.</summary>
    public Func<IConnectionMultiplexer>? ConnectionFactory { get; set; }

    /// <summary>
    /// What every key starts with, so that several apps can share one Redis: the stream is <c>{KeyPrefix}{inbox}</c>, the
    /// other keys <c>{KeyPrefix}{inbox}:…</c>. Default <c>webhookgen:</c>.
    /// </summary>
    public string KeyPrefix { get; set; } = "webhookgen:";

    /// <summary>
    /// The stream's consumer group. Every instance of an app shares it (each instance's worker is a consumer of its own
    /// name); apps that share a key prefix must not. Default <c>webhookgen</c>.
    /// </summary>
    public string GroupName { get; set; } = "webhookgen";
}
