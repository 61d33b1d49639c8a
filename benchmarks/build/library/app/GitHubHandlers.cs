using GitHubWebhooks;
using WebhookGen;

namespace LibraryApp;

/// <summary>Handles the events of the library's GitHubReceiver; the overrides are in GitHubHandlers.Handlers.cs.</summary>
public sealed partial class GitHubHandlers(ILogger<GitHubHandlers> logger) : GitHubReceiver
{
    private ValueTask<WebhookResult> Handled(WebhookContext context, string note)
    {
        logger.LogDebug("{Event} {Id}: {Note}", context.EventName, context.EventId, note);
        return ValueTask.FromResult(WebhookResult.Ok());
    }
}
