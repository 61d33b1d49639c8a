using System.Threading;
using System.Threading.Tasks;

namespace WebhookGen.IntegrationTests.Receivers.Styles.Callback;

/// <summary>
/// OpenAPI 3.0 <c>callbacks</c>: <c>specs/oai-callback-example/callback-example.yaml</c>, one callback
/// (<c>onData</c>) sent to <c>{$request.query.callbackUrl}/data</c>, so its route is <c>/data</c> under the prefix.
/// The spec declares no signature scheme (WHG009): the tests configure one in code.
/// </summary>
[WebhookReceiver("oai-callback-example/callback-example.yaml")]
public partial class CallbackExampleReceiver(DeliveryRecorder recorder)
{
    public partial ValueTask<WebhookResult> OnDataAsync(OnDataPayload payload, WebhookContext context, CancellationToken cancellationToken) =>
        StyleRecording.Record(recorder, nameof(CallbackExampleReceiver), nameof(OnDataAsync), payload, context);
}
