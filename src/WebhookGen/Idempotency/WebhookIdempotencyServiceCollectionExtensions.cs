using System;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace WebhookGen.Idempotency;

/// <summary>Chooses where receivers remember the deliveries they handled.</summary>
public static class WebhookIdempotencyServiceCollectionExtensions
{
    /// <summary>
    /// Keeps handled ids in the app's <see cref="IDistributedCache"/> (register one first, for example with
    /// <c>AddStackExchangeRedisCache</c>), so that every instance of the app sees them. Replaces the in-memory default,
    /// before or after <c>Add{Receiver}</c>.
    /// </summary>
    public static IServiceCollection AddWebhookDistributedIdempotency(
        this IServiceCollection services,
        Action<DistributedCacheWebhookIdempotencyStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<DistributedCacheWebhookIdempotencyStoreOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.Replace(ServiceDescriptor.Singleton<IWebhookIdempotencyStore, DistributedCacheWebhookIdempotencyStore>());
        return services;
    }

    /// <summary>Uses <typeparamref name="TStore"/>, a singleton built by the container, as the store of every receiver.</summary>
    public static IServiceCollection AddWebhookIdempotencyStore<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TStore>(this IServiceCollection services)
        where TStore : class, IWebhookIdempotencyStore
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Replace(ServiceDescriptor.Singleton<IWebhookIdempotencyStore, TStore>());
        return services;
    }

    /// <summary>Registers the in-memory default unless a store is registered already.</summary>
    internal static void TryAddDefaultWebhookIdempotency(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IWebhookIdempotencyStore, MemoryWebhookIdempotencyStore>();
    }
}
