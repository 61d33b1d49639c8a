using WebhookGen;

namespace GitHubWebhooks;

/// <summary>A handful of GitHub's events; the app's GitHubHandlers overrides their handlers.</summary>
[WebhookReceiver("api.github.com.json", Events = new[] { "push", "issues", "pull_request.opened", "ping" })]
public abstract partial class GitHubReceiver;
