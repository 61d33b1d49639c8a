using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebhookGen.Diagnostics;
using WebhookGen.Idempotency;
using WebhookGen.Inbox;

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
        AddWebhookReceiverCore(services, receiver, configure);
        services.TryAddScoped<TReceiver>();
        return services;
    }

    /// <summary>
    /// Registers an <c>abstract</c> receiver whose handlers <typeparamref name="THandlers"/> overrides (typically in
    /// another project than the receiver's generated code): the same as
    /// <see cref="AddWebhookReceiver{TReceiver}(IServiceCollection, WebhookReceiverDescriptor, Action{WebhookReceiverOptions}?)"/>,
    /// with <typeparamref name="TReceiver"/> resolved as a scoped <typeparamref name="THandlers"/>.
    /// </summary>
    public static IServiceCollection AddWebhookReceiver<TReceiver, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandlers>(
        this IServiceCollection services,
        WebhookReceiverDescriptor receiver,
        Action<WebhookReceiverOptions>? configure = null)
        where TReceiver : class
        where THandlers : class, TReceiver
    {
        AddWebhookReceiverCore(services, receiver, configure);
        services.TryAddScoped<TReceiver, THandlers>();
        return services;
    }

    private static void AddWebhookReceiverCore(IServiceCollection services, WebhookReceiverDescriptor receiver, Action<WebhookReceiverOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(receiver);

        var options = services.AddOptions<WebhookReceiverOptions>(receiver.Name).BindConfiguration(receiver.ConfigurationSection);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();

        // One validator per receiver, added once however often Add{Receiver} is called. Not TryAddEnumerable: it tells
        // registrations apart by implementation type, so every receiver after the first would have gone unvalidated
        // (and started without a secret).
        var registered = services.Any(service => service.IsKeyedService && service.ServiceType == typeof(WebhookReceiverRuntime) && Equals(service.ServiceKey, receiver.Name));
        if (!registered)
        {
            services.AddSingleton<IValidateOptions<WebhookReceiverOptions>>(new WebhookReceiverOptionsValidator(receiver));
            services.AddSingleton(new WebhookReceiverRegistration(receiver));

            // The .NET 8 configuration binding generator, which binds these options without reflection, registers its
            // change token under the default options name only (dotnet/runtime#85665): without this one a receiver's
            // named options would never see a reloaded secret.
            services.AddSingleton<IOptionsChangeTokenSource<WebhookReceiverOptions>>(provider =>
                new ConfigurationChangeTokenSource<WebhookReceiverOptions>(receiver.Name, provider.GetRequiredService<IConfiguration>().GetSection(receiver.ConfigurationSection)));
            services.AddKeyedSingleton(
                receiver.Name,
                (provider, _) => new WebhookReceiverRuntime(
                    receiver,
                    provider.GetRequiredService<IOptionsMonitor<WebhookReceiverOptions>>(),
                    provider.GetRequiredService<ILoggerFactory>(),
                    provider.GetRequiredService<TimeProvider>(),
                    provider.GetRequiredService<WebhookMetrics>(),
                    provider.GetService<System.Net.Http.IHttpClientFactory>()));
            services.AddSingleton<Microsoft.Extensions.Hosting.IHostedService>(provider => new WebhookSecretStrengthCheck(
                receiver,
                provider.GetRequiredService<IOptionsMonitor<WebhookReceiverOptions>>(),
                provider.GetRequiredService<ILoggerFactory>()));
        }

        // A receiver of signed-JWT bodies may fetch its sender's key set.
        if ((receiver.BodyFormats & WebhookBodyFormats.Jwt) != 0)
        {
            services.AddHttpClient(WebhookReceiverRuntime.JwksHttpClientName);
        }

        // Deduplication: the in-memory store unless another is registered (AddWebhookDistributedIdempotency), and one
        // validator for every receiver's idempotency settings.
        services.TryAddSingleton(TimeProvider.System);

        // The meter comes from the app's IMeterFactory (AddMetrics is idempotent; ASP.NET Core's host calls it too).
        services.AddMetrics();
        services.TryAddSingleton<WebhookMetrics>();
        services.TryAddDefaultWebhookIdempotency();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookReceiverOptions>, WebhookIdempotencyOptionsValidator>());

        AddInboxWorker(services);
        services.AddProblemDetails();
    }

    /// <summary>
    /// The inbox's worker and its settings, once per app: it idles unless an inbox store is registered, and each receiver
    /// opts in (<c>Webhooks:{Receiver}:Inbox:Enabled</c>), validated against the store's presence at start.
    /// </summary>
    private static void AddInboxWorker(IServiceCollection services)
    {
        if (services.Any(service => service.ServiceType == typeof(WebhookInboxSignal)))
        {
            return;
        }

        services.AddSingleton<WebhookInboxSignal>();
        services.AddOptions<WebhookInboxWorkerOptions>().BindConfiguration(WebhookInboxWorkerOptions.ConfigurationSection).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookInboxWorkerOptions>, WebhookInboxWorkerOptionsValidator>();
        services.AddSingleton<IValidateOptions<WebhookReceiverOptions>, WebhookInboxOptionsValidator>();
        services.AddHostedService<WebhookInboxWorker>();
    }
}
