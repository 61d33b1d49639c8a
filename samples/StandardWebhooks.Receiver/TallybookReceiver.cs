using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using WebhookGen;

namespace StandardWebhooks.Receiver;

/// <summary>
/// Receives Tallybook's billing events. WebhookGen declared each handler below from the spec and calls the one the
/// body's <c>type</c> names, once the Standard Webhooks signature and timestamp are verified and the
/// <c>webhook-id</c> is new.
/// </summary>
[WebhookReceiver("standard-webhooks/openapi.yaml")]
public partial class TallybookReceiver(ILogger<TallybookReceiver> logger)
{
    public partial ValueTask<WebhookResult> OnInvoicePaidAsync(InvoicePaidEvent payload, WebhookContext context, CancellationToken cancellationToken)
    {
        Log.InvoicePaid(logger, payload.Data.InvoiceId, payload.Data.AmountPaid, payload.Data.Currency, payload.Data.PaidAt, context.IdempotencyId);
        return ValueTask.FromResult(WebhookResult.Ok());
    }

    public partial ValueTask<WebhookResult> OnInvoicePaymentFailedAsync(InvoicePaymentFailedEvent payload, WebhookContext context, CancellationToken cancellationToken)
    {
        Log.InvoicePaymentFailed(logger, payload.Data.InvoiceId, payload.Data.Attempt, payload.Data.FailureCode.Value, payload.Data.NextAttemptAt, context.IdempotencyId);
        return ValueTask.FromResult(WebhookResult.Ok());
    }

    public partial ValueTask<WebhookResult> OnSubscriptionCanceledAsync(SubscriptionCanceledEvent payload, WebhookContext context, CancellationToken cancellationToken)
    {
        Log.SubscriptionCanceled(logger, payload.Data.SubscriptionId, payload.Data.Reason.Value, payload.Data.EffectiveAt, context.IdempotencyId);
        return ValueTask.FromResult(WebhookResult.Ok());
    }
}
