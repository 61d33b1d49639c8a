using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using WebhookGen;

namespace GitHub.Receiver;

/// <summary>
/// Receives a repository's (or a GitHub App's) webhooks, generated from GitHub's own OpenAPI description. Only the
/// events chosen below get a handler; every other event GitHub sends is verified, acknowledged with 200 and counted.
/// WebhookGen calls the handler that <c>X-GitHub-Event</c> and the body's <c>action</c> name, once the
/// <c>X-Hub-Signature-256</c> signature is verified and the <c>X-GitHub-Delivery</c> id is new.
/// </summary>
[WebhookReceiver("api.github.com.json", Events = new[] { "ping", "push", "issues.opened", "issues.closed", "pull_request.opened", "pull_request.closed" })]
public partial class GitHubEventsReceiver(ILogger<GitHubEventsReceiver> logger)
{
    public partial ValueTask<WebhookResult> OnPingAsync(WebhookPing payload, WebhookContext context, CancellationToken cancellationToken)
    {
        var events = payload.Hook is { } hook ? string.Join(',', hook.Events) : null;
        Log.Ping(logger, payload.HookId, payload.Hook?.Type, events, context.DeliveryId);
        return ValueTask.FromResult(WebhookResult.Ok());
    }

    public partial ValueTask<WebhookResult> OnPushAsync(WebhookPush payload, WebhookContext context, CancellationToken cancellationToken)
    {
        Log.Push(logger, payload.Commits.Count, payload.Ref, payload.Repository.FullName, payload.After, context.DeliveryId);
        return ValueTask.FromResult(WebhookResult.Ok());
    }

    public partial ValueTask<WebhookResult> OnIssuesOpenedAsync(WebhookIssuesOpened payload, WebhookContext context, CancellationToken cancellationToken)
    {
        Log.IssueOpened(logger, payload.Issue.Number, payload.Repository.FullName, payload.Sender.Login, context.DeliveryId);
        return ValueTask.FromResult(WebhookResult.Ok());
    }

    public partial ValueTask<WebhookResult> OnIssuesClosedAsync(WebhookIssuesClosed payload, WebhookContext context, CancellationToken cancellationToken)
    {
        Log.IssueClosed(logger, payload.Issue.Number, payload.Repository.FullName, payload.Issue.StateReason, payload.Sender.Login, context.DeliveryId);
        return ValueTask.FromResult(WebhookResult.Ok());
    }

    public partial ValueTask<WebhookResult> OnPullRequestOpenedAsync(WebhookPullRequestOpened payload, WebhookContext context, CancellationToken cancellationToken)
    {
        var pull = payload.PullRequest;
        Log.PullRequestOpened(logger, payload.Number, payload.Repository.FullName, pull.Head.Ref, pull.Base.Ref, pull.Draft ?? false, context.DeliveryId);
        return ValueTask.FromResult(WebhookResult.Ok());
    }

    public partial ValueTask<WebhookResult> OnPullRequestClosedAsync(WebhookPullRequestClosed payload, WebhookContext context, CancellationToken cancellationToken)
    {
        Log.PullRequestClosed(logger, payload.Number, payload.Repository.FullName, payload.PullRequest.Merged, context.DeliveryId);
        return ValueTask.FromResult(WebhookResult.Ok());
    }
}
