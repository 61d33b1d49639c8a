using System;
using System.Threading;
using System.Threading.Tasks;

namespace WebhookGen.IntegrationTests.Receivers;

/// <summary>
/// The gridX receiver under test, generated from <c>specs/gridx/webhooks.yaml</c> as a user's would be. Its only
/// dependency comes through the constructor, so a recorded delivery also proves the receiver was built by DI.
/// </summary>
[WebhookReceiver("webhooks.yaml")]
public partial class GridXReceiver(DeliveryRecorder recorder)
{
    /// <summary>A header the tests send and every handler records from <see cref="WebhookContext.Headers"/>.</summary>
    public const string DeliveryHeaderName = "X-Test-Delivery";

    public partial ValueTask<WebhookResult> OnApplianceCreateAsync(ApplianceCreateEvent payload, WebhookContext context, CancellationToken cancellationToken) =>
        Record(nameof(OnApplianceCreateAsync), payload, context);

    public partial ValueTask<WebhookResult> OnApplianceOfflineAsync(ApplianceOfflineEvent payload, WebhookContext context, CancellationToken cancellationToken) =>
        Record(nameof(OnApplianceOfflineAsync), payload, context);

    public partial ValueTask<WebhookResult> OnApplianceOnlineAsync(ApplianceOnlineEvent payload, WebhookContext context, CancellationToken cancellationToken) =>
        Record(nameof(OnApplianceOnlineAsync), payload, context);

    public partial ValueTask<WebhookResult> OnInverterStatusAsync(InverterStatusEvent payload, WebhookContext context, CancellationToken cancellationToken) =>
        Record(nameof(OnInverterStatusAsync), payload, context);

    public partial ValueTask<WebhookResult> OnGatewayCreateAsync(GatewayCreateEvent payload, WebhookContext context, CancellationToken cancellationToken) =>
        Record(nameof(OnGatewayCreateAsync), payload, context);

    public partial ValueTask<WebhookResult> OnGatewayOfflineAsync(GatewayOfflineEvent payload, WebhookContext context, CancellationToken cancellationToken) =>
        Record(nameof(OnGatewayOfflineAsync), payload, context);

    public partial ValueTask<WebhookResult> OnGatewayOnlineAsync(GatewayOnlineEvent payload, WebhookContext context, CancellationToken cancellationToken) =>
        Record(nameof(OnGatewayOnlineAsync), payload, context);

    public partial ValueTask<WebhookResult> OnEvPluggedAsync(EVPluggedEvent payload, WebhookContext context, CancellationToken cancellationToken) =>
        Record(nameof(OnEvPluggedAsync), payload, context);

    public partial ValueTask<WebhookResult> OnComissioningDoneAsync(ComissioningDoneEvent payload, WebhookContext context, CancellationToken cancellationToken) =>
        Record(nameof(OnComissioningDoneAsync), payload, context);

    private ValueTask<WebhookResult> Record(string handler, object payload, WebhookContext context)
    {
        recorder.Record(new Delivery(
            nameof(GridXReceiver),
            handler,
            context.EventName,
            context.ReceiverName,
            payload,
            context.EventId,
            context.Headers[DeliveryHeaderName].ToString(),
            context.Body.ToArray()) { Drift = context.Drift, Attempt = context.Attempt, InRequest = context.HttpContext is not null });

        return recorder.Behavior switch
        {
            HandlerBehavior.Throw => throw new HandlerFailureException(recorder.FailureMessage),
            HandlerBehavior.RetryLater => ValueTask.FromResult(WebhookResult.RetryLater(TimeSpan.FromSeconds(30))),
            HandlerBehavior.DefaultResult => ValueTask.FromResult(default(WebhookResult)),
            _ => ValueTask.FromResult(WebhookResult.Ok()),
        };
    }
}
