using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WebhookGen.Inbox;

namespace WebhookGen.Sqlite;

/// <summary>Registers <see cref="SqliteWebhookInboxStore"/> as the app's durable inbox.</summary>
public static class SqliteWebhookInboxServiceCollectionExtensions
{
    /// <summary>
    /// Keeps the durable inbox in one SQLite file (by default <c>webhookgen-inbox.db</c> in the content root): deliveries
    /// survive a restart and a killed process, and the processes of one machine may share the file. Replaces any inbox
    /// store registered before; receivers whose <c>Inbox:Enabled</c> is true use it.
    /// </summary>
    public static IServiceCollection AddWebhookSqliteInbox(this IServiceCollection services, Action<SqliteWebhookInboxStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<SqliteWebhookInboxStoreOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.RemoveAll<IWebhookInboxStore>();
        services.AddSingleton<IWebhookInboxStore>(provider => new SqliteWebhookInboxStore(
            SqliteInboxDatabase.Create(
                provider.GetRequiredService<IOptions<SqliteWebhookInboxStoreOptions>>().Value,
                provider.GetService<IHostEnvironment>()?.ContentRootPath),
            provider.GetRequiredService<TimeProvider>()));
        return services;
    }
}
