using System.Threading;
using System.Threading.Tasks;
using Delivery = WebhookGen.IntegrationTests.Receivers.Delivery;
using DeliveryRecorder = WebhookGen.IntegrationTests.Receivers.DeliveryRecorder;
using WebhookGen.ReceiverLibrary;

namespace WebhookGen.IntegrationTests.LibraryApp;

/// <summary>
/// The app's half of a receiver library (docs/receiver-library.md): overrides the handlers of the abstract
/// <see cref="LibraryGridXReceiver"/>, whose generated code is compiled in WebhookGen.ReceiverLibrary.
/// </summary>
public sealed class LibraryGridXHandlers(DeliveryRecorder recorder) : LibraryGridXReceiver
{
    public override ValueTask<WebhookResult> OnApplianceCreateAsync(ApplianceCreateEvent payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnApplianceCreateAsync), payload, context);

    public override ValueTask<WebhookResult> OnApplianceOfflineAsync(ApplianceOfflineEvent payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnApplianceOfflineAsync), payload, context);

    public override ValueTask<WebhookResult> OnApplianceOnlineAsync(ApplianceOnlineEvent payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnApplianceOnlineAsync), payload, context);

    public override ValueTask<WebhookResult> OnInverterStatusAsync(InverterStatusEvent payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnInverterStatusAsync), payload, context);

    public override ValueTask<WebhookResult> OnGatewayCreateAsync(GatewayCreateEvent payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnGatewayCreateAsync), payload, context);

    public override ValueTask<WebhookResult> OnGatewayOfflineAsync(GatewayOfflineEvent payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnGatewayOfflineAsync), payload, context);

    public override ValueTask<WebhookResult> OnGatewayOnlineAsync(GatewayOnlineEvent payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnGatewayOnlineAsync), payload, context);

    public override ValueTask<WebhookResult> OnEvPluggedAsync(EVPluggedEvent payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnEvPluggedAsync), payload, context);

    public override ValueTask<WebhookResult> OnComissioningDoneAsync(ComissioningDoneEvent payload, WebhookContext context, CancellationToken cancellationToken) => Record(nameof(OnComissioningDoneAsync), payload, context);

    private ValueTask<WebhookResult> Record(string handler, object payload, WebhookContext context)
    {
        recorder.Record(new Delivery(nameof(LibraryGridXHandlers), handler, context.EventName, context.ReceiverName, payload, context.EventId, null, context.Body.ToArray()));
        return ValueTask.FromResult(WebhookResult.Ok());
    }
}
