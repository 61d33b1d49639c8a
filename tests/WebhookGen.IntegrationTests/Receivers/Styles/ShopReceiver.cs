using System.Threading;
using System.Threading.Tasks;
using WebhookGen.IntegrationTests.Schemes;

namespace WebhookGen.IntegrationTests.Receivers.Styles.Shop;

/// <summary>
/// A spec spread over files as providers publish it (<c>References/Fixtures/shop</c> of the generator tests): the root
/// <c>openapi/shop.yaml</c> names two webhooks, one a path item in a file of its own; the Standard Webhooks headers come
/// from a shared <c>parameters.yaml</c>, every schema from a file of its own reached with <c>../</c>.
/// </summary>
[WebhookReceiver("shop.yaml")]
public partial class ShopReceiver(SchemeRecorder recorder)
{
    public partial ValueTask<WebhookResult> OnOrderCreatedAsync(OrderCreatedEvent payload, WebhookContext context, CancellationToken cancellationToken) =>
        recorder.Record(nameof(OnOrderCreatedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnOrderPaidAsync(OrderPaidEvent payload, WebhookContext context, CancellationToken cancellationToken) =>
        recorder.Record(nameof(OnOrderPaidAsync), payload, context);
}
