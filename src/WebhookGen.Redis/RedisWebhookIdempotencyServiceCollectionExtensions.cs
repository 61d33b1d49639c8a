using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WebhookGen.Idempotency;

namespace WebhookGen.Redis;

/// <summary>Registers <see cref="RedisWebhookIdempotencyStore"/> as every receiver's idempotency store.</summary>
public static class RedisWebhookIdempotencyServiceCollectionExtensions
{
    /// <summary>
    /// Keeps handled ids in Redis, claimed atomically, so that the instances of an app behind a load balancer handle each
    /// delivery once between them. Replaces the in-memory default, before or after <c>Add{Receiver}</c>.
    /// </summary>
    public static IServiceCollection AddWebhookRedisIdempotency(this IServiceCollection services, Action<RedisWebhookIdempotencyStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<RedisWebhookIdempotencyStoreOptions>().Configure(configure);
        services.Replace(ServiceDescriptor.Singleton<IWebhookIdempotencyStore, RedisWebhookIdempotencyStore>());
        return services;
    }
}
