using System.Threading;
using System.Threading.Tasks;

namespace WebhookGen.IntegrationTests.Receivers.Styles.Camara;

/// <summary>
/// OpenAPI 3.0 <c>callbacks</c>: <c>specs/camara-device-roaming-status/device-roaming-status-subscriptions.yaml</c>. The
/// callback URL is <c>{$request.body#/sink}</c> (no literal suffix, so the route is the prefix itself) and its CloudEvent
/// body has a discriminator mapping on <c>type</c>: five events, five handlers. The spec declares no signature scheme
/// (WHG009) but declares 403: the tests configure a verifier in code.
/// </summary>
[WebhookReceiver("device-roaming-status-subscriptions.yaml")]
public partial class CamaraRoamingReceiver(DeliveryRecorder recorder)
{
    public partial ValueTask<WebhookResult> OnRoamingStatusAsync(EventRoamingStatus payload, WebhookContext context, CancellationToken cancellationToken) =>
        Record(nameof(OnRoamingStatusAsync), payload, context);

    public partial ValueTask<WebhookResult> OnRoamingChangeCountryAsync(EventRoamingChangeCountry payload, WebhookContext context, CancellationToken cancellationToken) =>
        Record(nameof(OnRoamingChangeCountryAsync), payload, context);

    public partial ValueTask<WebhookResult> OnRoamingOffAsync(EventRoamingOff payload, WebhookContext context, CancellationToken cancellationToken) =>
        Record(nameof(OnRoamingOffAsync), payload, context);

    public partial ValueTask<WebhookResult> OnRoamingOnAsync(EventRoamingOn payload, WebhookContext context, CancellationToken cancellationToken) =>
        Record(nameof(OnRoamingOnAsync), payload, context);

    public partial ValueTask<WebhookResult> OnSubscriptionEndsAsync(EventSubscriptionEnds payload, WebhookContext context, CancellationToken cancellationToken) =>
        Record(nameof(OnSubscriptionEndsAsync), payload, context);

    private ValueTask<WebhookResult> Record(string handler, object payload, WebhookContext context) =>
        StyleRecording.Record(recorder, nameof(CamaraRoamingReceiver), handler, payload, context);
}
