using Octokit.Webhooks;
using Octokit.Webhooks.Events;

namespace WebhookGen.Benchmarks.Receiver;

/// <summary>Octokit's handler for the peer benchmark: counts <c>ping</c> events and does nothing else.</summary>
internal sealed class CountingGitHubProcessor(HandlerCalls calls) : WebhookEventProcessor
{
    protected override ValueTask ProcessPingWebhookAsync(WebhookHeaders headers, PingEvent pingEvent, CancellationToken cancellationToken = default)
    {
        calls.Record(pingEvent);
        return ValueTask.CompletedTask;
    }
}
