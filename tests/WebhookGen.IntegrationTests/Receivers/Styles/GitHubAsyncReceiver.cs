using System.Threading;
using System.Threading.Tasks;

namespace WebhookGen.IntegrationTests.Receivers.Styles.GitHub;

/// <summary>
/// Swagger 2.0 <c>x-async-responses</c>: <c>specs/github-async-responses/swagger.yaml</c>, two events on one route told
/// apart by the header <c>X-GitHub-Event</c> (<c>commentStream</c>, the event id, and <c>deployment</c>, an
/// <c>event-discriminator-value</c>). The spec names <c>X-Hub-Signature</c>, so the scheme (HMAC-SHA1, <c>sha1=</c>) comes
/// from the spec and no verifier is set in code.
/// </summary>
[WebhookReceiver("github-async-responses/swagger.yaml")]
public partial class GitHubAsyncReceiver(DeliveryRecorder recorder)
{
    public partial ValueTask<WebhookResult> OnCommentStreamAsync(CommentEventPayload payload, WebhookContext context, CancellationToken cancellationToken) =>
        Record(nameof(OnCommentStreamAsync), payload, context);

    public partial ValueTask<WebhookResult> OnDeploymentAsync(DeploymentEventPayload payload, WebhookContext context, CancellationToken cancellationToken) =>
        Record(nameof(OnDeploymentAsync), payload, context);

    private ValueTask<WebhookResult> Record(string handler, object payload, WebhookContext context) =>
        StyleRecording.Record(recorder, nameof(GitHubAsyncReceiver), handler, payload, context);
}
