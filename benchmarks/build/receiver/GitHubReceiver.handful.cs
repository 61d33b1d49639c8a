using WebhookGen;

namespace ReceiverApp;

/// <summary>A handful of GitHub's events; the runtime acknowledges the others. Handlers in GitHubReceiver.Handlers.cs.</summary>
[WebhookReceiver("api.github.com.json", Events = new[] { "push", "issues", "pull_request.opened", "ping" })]
public partial class GitHubReceiver(ILogger<GitHubReceiver> logger)
{
    private ValueTask<WebhookResult> Handled(WebhookContext context, string note)
    {
        logger.LogDebug("{Event} {Id}: {Note}", context.EventName, context.EventId, note);
        return ValueTask.FromResult(WebhookResult.Ok());
    }
}
