using WebhookGen;

namespace Fleet;

/// <summary>
/// The Tallybook billing events (Standard Webhooks: signed <c>webhook-id</c>, <c>webhook-timestamp</c> and
/// <c>webhook-signature</c>), each handler recording the delivery's id in the <see cref="HandledLog"/> before it answers 200
/// (or, in a process told to hold its handlers, recording that it started and never finishing).
/// Options are read from <c>Webhooks:FleetReceiver</c>.
/// </summary>
[WebhookReceiver("standard-webhooks/openapi.yaml")]
public partial class FleetReceiver(HeldHandlers held, HandledLog log)
{
    public partial async ValueTask<WebhookResult> OnInvoicePaidAsync(InvoicePaidEvent payload, WebhookContext context, CancellationToken cancellationToken)
    {
        await held.HoldAsync(context).ConfigureAwait(false);
        await log.RecordAsync(context, cancellationToken).ConfigureAwait(false);
        return WebhookResult.Ok();
    }

    public partial async ValueTask<WebhookResult> OnInvoicePaymentFailedAsync(InvoicePaymentFailedEvent payload, WebhookContext context, CancellationToken cancellationToken)
    {
        await held.HoldAsync(context).ConfigureAwait(false);
        await log.RecordAsync(context, cancellationToken).ConfigureAwait(false);
        return WebhookResult.Ok();
    }

    public partial async ValueTask<WebhookResult> OnSubscriptionCanceledAsync(SubscriptionCanceledEvent payload, WebhookContext context, CancellationToken cancellationToken)
    {
        await held.HoldAsync(context).ConfigureAwait(false);
        await log.RecordAsync(context, cancellationToken).ConfigureAwait(false);
        return WebhookResult.Ok();
    }
}
