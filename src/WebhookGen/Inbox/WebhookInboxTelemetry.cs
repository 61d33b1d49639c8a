using System.Diagnostics;
using WebhookGen.Diagnostics;

namespace WebhookGen.Inbox;

/// <summary>The inbox's measurements that are not a delivery's own: what each run of a queued handler came to.</summary>
internal static class WebhookInboxTelemetry
{
    /// <summary>Counts a run: <c>handled</c>, <c>retried</c>, <c>dead_lettered</c> or <c>lease_lost</c>.</summary>
    public static void Ran(WebhookMetrics metrics, string receiver, string eventName, string outcome)
    {
        if (metrics.InboxRuns.Enabled)
        {
            metrics.InboxRuns.Add(
                1,
                new TagList { { WebhookTags.Receiver, receiver }, { WebhookTags.Event, eventName }, { WebhookTags.Outcome, outcome } });
        }
    }
}
