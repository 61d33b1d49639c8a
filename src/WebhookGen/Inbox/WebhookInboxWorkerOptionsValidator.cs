using System;
using Microsoft.Extensions.Options;

namespace WebhookGen.Inbox;

/// <summary>Refuses worker settings that would stall the inbox: no handler slots, a lease or a poll interval of nothing.</summary>
internal sealed class WebhookInboxWorkerOptionsValidator : IValidateOptions<WebhookInboxWorkerOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookInboxWorkerOptions options)
    {
        const string Section = WebhookInboxWorkerOptions.ConfigurationSection;
        var builder = new ValidateOptionsResultBuilder();
        if (options.Concurrency < 1)
        {
            builder.AddError($"'{Section}:Concurrency' must be at least 1, not {options.Concurrency}.");
        }

        if (options.LeaseDuration <= TimeSpan.Zero)
        {
            builder.AddError($"'{Section}:LeaseDuration' must be positive, not {options.LeaseDuration}.");
        }

        if (options.PollInterval <= TimeSpan.Zero)
        {
            builder.AddError($"'{Section}:PollInterval' must be positive, not {options.PollInterval}.");
        }

        return builder.Build();
    }
}
