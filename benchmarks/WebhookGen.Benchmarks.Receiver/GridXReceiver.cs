namespace WebhookGen.Benchmarks.Receiver;

/// <summary>
/// The generated gridX receiver under test. Every handler only counts its calls, so the benchmark measures the
/// receiver's own work; the setup checks the count to prove the handler really ran.
/// </summary>
[WebhookReceiver("webhooks.yaml")]
public partial class GridXReceiver(HandlerCalls calls)
{
    public partial ValueTask<WebhookResult> OnApplianceCreateAsync(ApplianceCreateEvent payload, WebhookContext context, CancellationToken cancellationToken) => Handled(payload);

    public partial ValueTask<WebhookResult> OnApplianceOfflineAsync(ApplianceOfflineEvent payload, WebhookContext context, CancellationToken cancellationToken) => Handled(payload);

    public partial ValueTask<WebhookResult> OnApplianceOnlineAsync(ApplianceOnlineEvent payload, WebhookContext context, CancellationToken cancellationToken) => Handled(payload);

    public partial ValueTask<WebhookResult> OnInverterStatusAsync(InverterStatusEvent payload, WebhookContext context, CancellationToken cancellationToken) => Handled(payload);

    public partial ValueTask<WebhookResult> OnGatewayCreateAsync(GatewayCreateEvent payload, WebhookContext context, CancellationToken cancellationToken) => Handled(payload);

    public partial ValueTask<WebhookResult> OnGatewayOfflineAsync(GatewayOfflineEvent payload, WebhookContext context, CancellationToken cancellationToken) => Handled(payload);

    public partial ValueTask<WebhookResult> OnGatewayOnlineAsync(GatewayOnlineEvent payload, WebhookContext context, CancellationToken cancellationToken) => Handled(payload);

    public partial ValueTask<WebhookResult> OnEvPluggedAsync(EVPluggedEvent payload, WebhookContext context, CancellationToken cancellationToken) => Handled(payload);

    public partial ValueTask<WebhookResult> OnComissioningDoneAsync(ComissioningDoneEvent payload, WebhookContext context, CancellationToken cancellationToken) => Handled(payload);

    private ValueTask<WebhookResult> Handled(object payload)
    {
        calls.Record(payload);
        return ValueTask.FromResult(WebhookResult.Ok());
    }
}
