using System.Threading;
using System.Threading.Tasks;

namespace WebhookGen.IntegrationTests.Receivers.Backup;

/// <summary>
/// A second receiver generated from the same spec, in its own namespace: for apps with more than one receiver,
/// each with its own options section, secret and route prefix.
/// </summary>
[WebhookReceiver("webhooks.yaml")]
public partial class BackupGridXReceiver(DeliveryRecorder recorder)
{
    public partial ValueTask<WebhookResult> OnApplianceCreateAsync(ApplianceCreateEvent payload, WebhookContext context, CancellationToken cancellationToken) => Record(payload, context);

    public partial ValueTask<WebhookResult> OnApplianceOfflineAsync(ApplianceOfflineEvent payload, WebhookContext context, CancellationToken cancellationToken) => Record(payload, context);

    public partial ValueTask<WebhookResult> OnApplianceOnlineAsync(ApplianceOnlineEvent payload, WebhookContext context, CancellationToken cancellationToken) => Record(payload, context);

    public partial ValueTask<WebhookResult> OnInverterStatusAsync(InverterStatusEvent payload, WebhookContext context, CancellationToken cancellationToken) => Record(payload, context);

    public partial ValueTask<WebhookResult> OnGatewayCreateAsync(GatewayCreateEvent payload, WebhookContext context, CancellationToken cancellationToken) => Record(payload, context);

    public partial ValueTask<WebhookResult> OnGatewayOfflineAsync(GatewayOfflineEvent payload, WebhookContext context, CancellationToken cancellationToken) => Record(payload, context);

    public partial ValueTask<WebhookResult> OnGatewayOnlineAsync(GatewayOnlineEvent payload, WebhookContext context, CancellationToken cancellationToken) => Record(payload, context);

    public partial ValueTask<WebhookResult> OnEvPluggedAsync(EVPluggedEvent payload, WebhookContext context, CancellationToken cancellationToken) => Record(payload, context);

    public partial ValueTask<WebhookResult> OnComissioningDoneAsync(ComissioningDoneEvent payload, WebhookContext context, CancellationToken cancellationToken) => Record(payload, context);

    private ValueTask<WebhookResult> Record(object payload, WebhookContext context)
    {
        recorder.Record(new Delivery(nameof(BackupGridXReceiver), string.Empty, context.EventName, context.ReceiverName, payload, context.EventId, null, context.Body.ToArray()));
        return ValueTask.FromResult(WebhookResult.Ok());
    }
}
