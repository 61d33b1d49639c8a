using System.Threading;
using System.Threading.Tasks;

namespace WebhookGen.IntegrationTests.Receivers.Styles.Svix;

/// <summary>
/// ReDoc <c>x-webhooks</c> (OpenAPI 3.0): <c>specs/svix/openapi.json</c>, seven events on one route told apart by the
/// body's <c>type</c>. The spec declares no signature scheme (WHG009): the tests configure one in code.
/// </summary>
[WebhookReceiver("svix/openapi.json")]
public partial class SvixReceiver(DeliveryRecorder recorder)
{
    public partial ValueTask<WebhookResult> OnEndpointCreatedEventAsync(EndpointCreatedEvent payload, WebhookContext context, CancellationToken cancellationToken) =>
        Record(nameof(OnEndpointCreatedEventAsync), payload, context);

    public partial ValueTask<WebhookResult> OnEndpointDeletedEventAsync(EndpointDeletedEvent payload, WebhookContext context, CancellationToken cancellationToken) =>
        Record(nameof(OnEndpointDeletedEventAsync), payload, context);

    public partial ValueTask<WebhookResult> OnEndpointDisabledEventAsync(EndpointDisabledEvent payload, WebhookContext context, CancellationToken cancellationToken) =>
        Record(nameof(OnEndpointDisabledEventAsync), payload, context);

    public partial ValueTask<WebhookResult> OnEndpointUpdatedEventAsync(EndpointUpdatedEvent payload, WebhookContext context, CancellationToken cancellationToken) =>
        Record(nameof(OnEndpointUpdatedEventAsync), payload, context);

    public partial ValueTask<WebhookResult> OnMessageAttemptExhaustedEventAsync(MessageAttemptExhaustedEvent payload, WebhookContext context, CancellationToken cancellationToken) =>
        Record(nameof(OnMessageAttemptExhaustedEventAsync), payload, context);

    public partial ValueTask<WebhookResult> OnMessageAttemptFailingEventAsync(MessageAttemptFailingEvent payload, WebhookContext context, CancellationToken cancellationToken) =>
        Record(nameof(OnMessageAttemptFailingEventAsync), payload, context);

    public partial ValueTask<WebhookResult> OnMessageAttemptRecoveredEventAsync(MessageAttemptRecoveredEvent payload, WebhookContext context, CancellationToken cancellationToken) =>
        Record(nameof(OnMessageAttemptRecoveredEventAsync), payload, context);

    private ValueTask<WebhookResult> Record(string handler, object payload, WebhookContext context) =>
        StyleRecording.Record(recorder, nameof(SvixReceiver), handler, payload, context);
}
