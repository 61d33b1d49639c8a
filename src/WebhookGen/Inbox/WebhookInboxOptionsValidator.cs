using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace WebhookGen.Inbox;

/// <summary>
/// Refuses, at start, a receiver whose inbox is enabled without a store to keep deliveries in, or whose retry settings
/// make no sense: a delivery is never answered 200 with nowhere to keep it.
/// </summary>
internal sealed class WebhookInboxOptionsValidator(IServiceProvider services) : IValidateOptions<WebhookReceiverOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookReceiverOptions options)
    {
        var inbox = options.Inbox;
        if (!inbox.Enabled)
        {
            return ValidateOptionsResult.Skip;
        }

        var section = "Webhooks:" + name + ":Inbox";
        var builder = new ValidateOptionsResultBuilder();
        if (services.GetService<IServiceProviderIsService>()?.IsService(typeof(IWebhookInboxStore)) != true)
        {
            builder.AddError(
                $"'{section}:Enabled' is true but no inbox store is registered: call builder.Services.AddWebhookSqliteInbox() "
                + "(WebhookGen.Sqlite, one machine) or AddWebhookRedisInbox(...) (WebhookGen.Redis, a fleet).");
        }

        if (inbox.MaxAttempts < 1)
        {
            builder.AddError($"'{section}:MaxAttempts' must be at least 1, not {inbox.MaxAttempts}.");
        }

        if (inbox.FirstRetryDelay <= TimeSpan.Zero || inbox.MaxRetryDelay < inbox.FirstRetryDelay)
        {
            builder.AddError($"'{section}:FirstRetryDelay' must be positive and '{section}:MaxRetryDelay' no shorter, not {inbox.FirstRetryDelay} and {inbox.MaxRetryDelay}.");
        }

        return builder.Build();
    }
}
