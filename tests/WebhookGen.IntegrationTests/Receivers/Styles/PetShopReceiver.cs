using System.Threading;
using System.Threading.Tasks;

namespace WebhookGen.IntegrationTests.Receivers.Styles.PetShop;

/// <summary>
/// A receiver written as <c>paths</c>: <c>Styles/specs/petshop-paths.yaml</c>. <c>/events/pets</c> takes a <c>oneOf</c> with
/// a discriminator on <c>kind</c> whose mapping sends both <c>cat.adopted</c> and <c>cat.returned</c> to <c>CatEvent</c>:
/// three events (two with the same payload type) on one route. <c>/events/shop/closed</c> is an ordinary single-event
/// path. The spec declares its signature (<c>X-Petshop-Signature: sha256=…</c>) and a 403 for it.
/// </summary>
[WebhookReceiver("petshop-paths.yaml")]
public partial class PetShopReceiver(DeliveryRecorder recorder)
{
    public partial ValueTask<WebhookResult> OnCatAdoptedAsync(CatEvent payload, WebhookContext context, CancellationToken cancellationToken) =>
        Record(nameof(OnCatAdoptedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnCatReturnedAsync(CatEvent payload, WebhookContext context, CancellationToken cancellationToken) =>
        Record(nameof(OnCatReturnedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnDogAdoptedAsync(DogEvent payload, WebhookContext context, CancellationToken cancellationToken) =>
        Record(nameof(OnDogAdoptedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnShopClosedAsync(ShopClosedEvent payload, WebhookContext context, CancellationToken cancellationToken) =>
        Record(nameof(OnShopClosedAsync), payload, context);

    private ValueTask<WebhookResult> Record(string handler, object payload, WebhookContext context) =>
        StyleRecording.Record(recorder, nameof(PetShopReceiver), handler, payload, context);
}
