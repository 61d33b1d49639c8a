using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WebhookGen.Hosting;

/// <summary>The registration behind every generated <c>Add{Receiver}</c> method.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class WebhookServiceCollectionExtensions
{
    /// <summary>
    /// Registers a receiver: its options bound from <c>Webhooks:{Name}</c> and validated at start, the receiver class
    /// (scoped, so its constructor can take any service), and problem details for error answers.
    /// </summary>
    public static IServiceCollection AddWebhookReceiver<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TReceiver>(
        this IServiceCollection services,
        WebhookReceiverDescriptor receiver,
        Action<WebhookReceiverOptions>? configure = null)
        where TReceiver : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(receiver);

        var options = services.AddOptions<WebhookReceiverOptions>(receiver.Name).BindConfiguration(receiver.ConfigurationSection);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookReceiverOptions>>(new WebhookReceiverOptionsValidator(receiver)));
        services.TryAddKeyedSingleton(
            receiver.Name,
            (provider, _) => new WebhookReceiverRuntime(receiver, provider.GetRequiredService<IOptionsMonitor<WebhookReceiverOptions>>(), provider.GetRequiredService<ILoggerFactory>()));
        services.TryAddScoped<TReceiver>();
        services.AddProblemDetails();
        return services;
    }
}
