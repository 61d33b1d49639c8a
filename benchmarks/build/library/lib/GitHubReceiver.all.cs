using WebhookGen;

namespace GitHubWebhooks;

/// <summary>Every event of GitHub's spec; the app's GitHubHandlers overrides one handler per webhook.</summary>
[WebhookReceiver("api.github.com.json")]
public abstract partial class GitHubReceiver;
