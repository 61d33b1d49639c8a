using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using WebhookGen.Diagnostics;
using WebhookGen.Hosting;
using WebhookGen.Idempotency;

namespace WebhookGen.Inbox;

/// <summary>The request's side of the inbox: store the verified delivery durably, then answer the sender at once.</summary>
internal static class WebhookInboxQueue
{
    /// <summary>How long the sender is asked to wait when the inbox cannot store its delivery.</summary>
    private static readonly TimeSpan UnavailableRetryAfter = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Stores <paramref name="message"/> and answers 200; the deduplication claim is completed once it is stored, so a
    /// repeat is acknowledged without queueing it twice. When the store fails: 503 with <c>Retry-After</c> and the claim
    /// released, so that the sender's retry is taken.
    /// </summary>
    public static async Task EnqueueAsync(WebhookDelivery delivery, WebhookInboxMessage message, WebhookIdempotencyGate.Lease? lease)
    {
        var services = delivery.HttpContext.RequestServices;
        try
        {
            // Not cancelled by the client going away: a delivery half-stored would be neither answered nor handled.
            await services.GetRequiredService<IWebhookInboxStore>().EnqueueAsync(message, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A store that fails is a 503 for the sender to retry, never an unexplained 500.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            InboxLog.EnqueueFailed(delivery.Logger, delivery.Receiver.Name, delivery.Name, delivery.EventId, exception);
            if (lease is not null)
            {
                await lease.ReleaseAsync().ConfigureAwait(false);
            }

            delivery.AnswerUnavailable(WebhookRejectionReason.InboxUnavailable, UnavailableRetryAfter);
            return;
        }

        if (lease is not null)
        {
            await lease.CompleteAsync().ConfigureAwait(false);
        }

        services.GetRequiredService<WebhookInboxSignal>().Notify();
        InboxLog.Queued(delivery.Logger, delivery.Receiver.Name, delivery.Name, delivery.EventId, message.Id);
        delivery.AnswerQueued();
    }
}
