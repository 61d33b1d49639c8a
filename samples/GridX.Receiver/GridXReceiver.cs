using WebhookGen;

namespace GridX.Receiver;

/// <summary>Receives the gridX events. WebhookGen declared each handler below from the spec; the class implements them.</summary>
[WebhookReceiver("webhooks.yaml")]
public partial class GridXReceiver(ILogger<GridXReceiver> logger)
{
    public partial ValueTask<WebhookResult> OnApplianceCreateAsync(ApplianceCreateEvent payload, WebhookContext context, CancellationToken cancellationToken)
    {
        Log.ApplianceEvent(logger, context.EventName, payload.Data?.ApplianceID, payload.Data?.Type?.Value, payload.Time);
        return ValueTask.FromResult(WebhookResult.Ok());
    }

    public partial ValueTask<WebhookResult> OnApplianceOfflineAsync(ApplianceOfflineEvent payload, WebhookContext context, CancellationToken cancellationToken)
    {
        Log.ApplianceEvent(logger, context.EventName, payload.Data?.ApplianceID, payload.Data?.Type?.Value, payload.Time);
        return ValueTask.FromResult(WebhookResult.Ok());
    }

    public partial ValueTask<WebhookResult> OnApplianceOnlineAsync(ApplianceOnlineEvent payload, WebhookContext context, CancellationToken cancellationToken)
    {
        Log.ApplianceEvent(logger, context.EventName, payload.Data?.ApplianceID, payload.Data?.Type?.Value, payload.Time);
        return ValueTask.FromResult(WebhookResult.Ok());
    }

    public partial ValueTask<WebhookResult> OnInverterStatusAsync(InverterStatusEvent payload, WebhookContext context, CancellationToken cancellationToken)
    {
        Log.InverterStatus(logger, payload.Data?.ApplianceID, payload.Data?.LastStatus.Value, payload.Data?.Status.Value);
        return ValueTask.FromResult(WebhookResult.Ok());
    }

    public partial ValueTask<WebhookResult> OnGatewayCreateAsync(GatewayCreateEvent payload, WebhookContext context, CancellationToken cancellationToken)
    {
        Log.GatewayEvent(logger, context.EventName, payload.Data?.GatewayID, payload.Time);
        return ValueTask.FromResult(WebhookResult.Ok());
    }

    public partial ValueTask<WebhookResult> OnGatewayOfflineAsync(GatewayOfflineEvent payload, WebhookContext context, CancellationToken cancellationToken)
    {
        Log.GatewayEvent(logger, context.EventName, payload.Data?.GatewayID, payload.Time);
        return ValueTask.FromResult(WebhookResult.Ok());
    }

    public partial ValueTask<WebhookResult> OnGatewayOnlineAsync(GatewayOnlineEvent payload, WebhookContext context, CancellationToken cancellationToken)
    {
        Log.GatewayEvent(logger, context.EventName, payload.Data?.GatewayID, payload.Time);
        return ValueTask.FromResult(WebhookResult.Ok());
    }

    public partial ValueTask<WebhookResult> OnEvPluggedAsync(EVPluggedEvent payload, WebhookContext context, CancellationToken cancellationToken)
    {
        Log.EvPlugged(logger, payload.Data?.EvseID, payload.Data?.State.Value);
        return ValueTask.FromResult(WebhookResult.Ok());
    }

    public partial ValueTask<WebhookResult> OnComissioningDoneAsync(ComissioningDoneEvent payload, WebhookContext context, CancellationToken cancellationToken)
    {
        Log.CommissioningDone(logger, payload.Data?.SystemName, context.EventId);
        return ValueTask.FromResult(WebhookResult.Ok());
    }
}
