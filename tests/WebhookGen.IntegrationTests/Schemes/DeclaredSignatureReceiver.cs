using System.Threading;
using System.Threading.Tasks;

namespace WebhookGen.IntegrationTests.Schemes.Freight;

/// <summary>
/// <c>specs/declared-signature/openapi.yaml</c>: a receiver written as <c>paths</c> (three POST <c>/shipments/...</c> under
/// <c>/acme-freight</c>) whose signature header no rule recognises; the spec declares it with <c>x-webhook-signature</c>
/// (base64 HMAC-SHA256 of <c>{timestamp}:{body}</c>, tolerance 600 s) and its delivery id with <c>x-webhook-delivery-id</c>.
/// </summary>
[WebhookReceiver("declared-signature/openapi.yaml")]
public partial class DeclaredSignatureReceiver(SchemeRecorder recorder)
{
    public partial ValueTask<WebhookResult> OnShipmentDispatchedAsync(ShipmentDispatched payload, WebhookContext context, CancellationToken cancellationToken) =>
        recorder.Record(nameof(OnShipmentDispatchedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnShipmentDeliveredAsync(ShipmentDelivered payload, WebhookContext context, CancellationToken cancellationToken) =>
        recorder.Record(nameof(OnShipmentDeliveredAsync), payload, context);

    public partial ValueTask<WebhookResult> OnShipmentExceptionAsync(ShipmentException payload, WebhookContext context, CancellationToken cancellationToken) =>
        recorder.Record(nameof(OnShipmentExceptionAsync), payload, context);
}
