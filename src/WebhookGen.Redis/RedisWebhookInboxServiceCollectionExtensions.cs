using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WebhookGen.Inbox;

namespace WebhookGen.Redis;

/// <summary>Registers <see cref="RedisWebhookInboxStore"/> as the durable inbox.</summary>
public static class RedisWebhookInboxServiceCollectionExtensions
{
    /// <summary>
    /// Keeps the durable inbox in a Redis stream read by a consumer group, so that the instances of an app behind a load
    /// balancer share its deliveries and take over those of an instance that died. Replaces any inbox store registered
    /// before. Durable as far as Redis is: run it with <c>appendonly yes</c>.
    /// </summary>
    public static IServiceCollection AddWebhookRedisInbox(this IServiceCollection services, Action<RedisWebhookInboxStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<RedisWebhookInboxStoreOptions>().Configure(configure);
        services.Replace(ServiceDescriptor.Singleton<IWebhookInboxStore, RedisWebhookInboxStore>());
        return services;
    }
}
