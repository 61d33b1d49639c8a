using System;
using System.Threading;
using System.Threading.Tasks;

namespace WebhookGen.IntegrationTests.Observability;

/// <summary>
/// A gridX receiver only the observability tests use: metrics and spans are process-wide, so its name, the
/// <c>webhookgen.receiver</c> tag, tells their measurements apart from those of every other test running in parallel.
/// </summary>
[WebhookReceiver("webhooks.yaml")]
public partial class ObservedGridXReceiver(Receivers.DeliveryRecorder recorder)
{
    public partial ValueTask<WebhookResult> OnApplianceCreateAsync(ApplianceCreateEvent payload, WebhookContext context, CancellationToken cancellationToken) => Handle(payload, context);

    public partial ValueTask<WebhookResult> OnApplianceOfflineAsync(ApplianceOfflineEvent payload, WebhookContext context, CancellationToken cancellationToken) => Handle(payload, context);

    public partial ValueTask<WebhookResult> OnApplianceOnlineAsync(ApplianceOnlineEvent payload, WebhookContext context, CancellationToken cancellationToken) => Handle(payload, context);

    public partial ValueTask<WebhookResult> OnInverterStatusAsync(InverterStatusEvent payload, WebhookContext context, CancellationToken cancellationToken) => Handle(payload, context);

    public partial ValueTask<WebhookResult> OnGatewayCreateAsync(GatewayCreateEvent payload, WebhookContext context, CancellationToken cancellationToken) => Handle(payload, context);

    public partial ValueTask<WebhookResult> OnGatewayOfflineAsync(GatewayOfflineEvent payload, WebhookContext context, CancellationToken cancellationToken) => Handle(payload, context);

    public partial ValueTask<WebhookResult> OnGatewayOnlineAsync(GatewayOnlineEvent payload, WebhookContext context, CancellationToken cancellationToken) => Handle(payload, context);

    public partial ValueTask<WebhookResult> OnEvPluggedAsync(EVPluggedEvent payload, WebhookContext context, CancellationToken cancellationToken) => Handle(payload, context);

    public partial ValueTask<WebhookResult> OnComissioningDoneAsync(ComissioningDoneEvent payload, WebhookContext context, CancellationToken cancellationToken) => Handle(payload, context);

    private ValueTask<WebhookResult> Handle(object payload, WebhookContext context)
    {
        recorder.Record(new Receivers.Delivery(nameof(ObservedGridXReceiver), string.Empty, context.EventName, context.ReceiverName, payload, context.EventId, null, context.Body.ToArray()));
        return recorder.Behavior switch
        {
            Receivers.HandlerBehavior.Throw => throw new Receivers.HandlerFailureException(recorder.FailureMessage),
            Receivers.HandlerBehavior.RetryLater => ValueTask.FromResult(WebhookResult.RetryLater(TimeSpan.FromSeconds(30))),
            _ => ValueTask.FromResult(WebhookResult.Ok()),
        };
    }
}
