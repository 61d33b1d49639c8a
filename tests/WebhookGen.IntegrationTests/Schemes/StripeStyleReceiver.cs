using System.Threading;
using System.Threading.Tasks;

namespace WebhookGen.IntegrationTests.Schemes.Payments;

/// <summary>
/// <c>specs/stripe-style/openapi.yaml</c>: one OpenAPI 3.0 callback whose Stripe-like event object maps four <c>type</c>
/// values (a discriminator) to four events on one route, signed with <c>Stripe-Signature</c>.
/// </summary>
[WebhookReceiver("stripe-style/openapi.yaml")]
public partial class StripeStyleReceiver(SchemeRecorder recorder)
{
    public partial ValueTask<WebhookResult> OnPaymentIntentSucceededAsync(PaymentIntentSucceededEvent payload, WebhookContext context, CancellationToken cancellationToken) =>
        recorder.Record(nameof(OnPaymentIntentSucceededAsync), payload, context);

    public partial ValueTask<WebhookResult> OnPaymentIntentPaymentFailedAsync(PaymentIntentPaymentFailedEvent payload, WebhookContext context, CancellationToken cancellationToken) =>
        recorder.Record(nameof(OnPaymentIntentPaymentFailedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnChargeRefundedAsync(ChargeRefundedEvent payload, WebhookContext context, CancellationToken cancellationToken) =>
        recorder.Record(nameof(OnChargeRefundedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnCustomerCreatedAsync(CustomerCreatedEvent payload, WebhookContext context, CancellationToken cancellationToken) =>
        recorder.Record(nameof(OnCustomerCreatedAsync), payload, context);
}
