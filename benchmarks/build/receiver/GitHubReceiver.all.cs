using WebhookGen;

namespace ReceiverApp;

/// <summary>Every event of GitHub's spec: one handler per webhook, in GitHubReceiver.Handlers.cs.</summary>
[WebhookReceiver("api.github.com.json")]
public partial class GitHubReceiver(ILogger<GitHubReceiver> logger)
{
    private ValueTask<WebhookResult> Handled(WebhookContext context, string note)
    {
        logger.LogDebug("{Event} {Id}: {Note}", context.EventName, context.EventId, note);
        return ValueTask.FromResult(WebhookResult.Ok());
    }
}
