using System.Threading;
using System.Threading.Tasks;

namespace WebhookGen.IntegrationTests.Schemes.Billing;

/// <summary>
/// <c>specs/standard-webhooks/openapi.yaml</c>: three OpenAPI 3.1 <c>webhooks</c> on one route, told apart by the body's
/// <c>type</c>, signed as Standard Webhooks (<c>webhook-id</c>, <c>webhook-timestamp</c>, <c>webhook-signature</c>), so
/// the scheme and the delivery id header come from the spec.
/// </summary>
[WebhookReceiver("standard-webhooks/openapi.yaml")]
public partial class StandardWebhooksReceiver(SchemeRecorder recorder)
{
    public partial ValueTask<WebhookResult> OnInvoicePaidAsync(InvoicePaidEvent payload, WebhookContext context, CancellationToken cancellationToken) =>
        recorder.Record(nameof(OnInvoicePaidAsync), payload, context);

    public partial ValueTask<WebhookResult> OnInvoicePaymentFailedAsync(InvoicePaymentFailedEvent payload, WebhookContext context, CancellationToken cancellationToken) =>
        recorder.Record(nameof(OnInvoicePaymentFailedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnSubscriptionCanceledAsync(SubscriptionCanceledEvent payload, WebhookContext context, CancellationToken cancellationToken) =>
        recorder.Record(nameof(OnSubscriptionCanceledAsync), payload, context);
}
