namespace WebhookGen.PackageTests.Infrastructure;

/// <summary>The code a new user writes, following the README's Quickstart, for the gridX spec.</summary>
internal static class UserAppSources
{
    public const string Program = """
        using UserApp;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddGridXReceiver();

        var app = builder.Build();
        app.MapGridXReceiver();

        app.Run();
        """;

    /// <summary>All nine handlers; each prints <c>handled &lt;event&gt; &lt;id from the typed payload&gt;</c>.</summary>
    public const string Receiver = """
        using WebhookGen;

        namespace UserApp;

        [WebhookReceiver("webhooks.yaml")]
        public partial class GridXReceiver
        {
            public partial ValueTask<WebhookResult> OnApplianceCreateAsync(ApplianceCreateEvent payload, WebhookContext context, CancellationToken cancellationToken) =>
                Handled(context, payload.Data?.ApplianceID);

            public partial ValueTask<WebhookResult> OnApplianceOfflineAsync(ApplianceOfflineEvent payload, WebhookContext context, CancellationToken cancellationToken) =>
                Handled(context, payload.Data?.ApplianceID);

            public partial ValueTask<WebhookResult> OnApplianceOnlineAsync(ApplianceOnlineEvent payload, WebhookContext context, CancellationToken cancellationToken) =>
                Handled(context, payload.Data?.ApplianceID);

            public partial ValueTask<WebhookResult> OnInverterStatusAsync(InverterStatusEvent payload, WebhookContext context, CancellationToken cancellationToken) =>
                Handled(context, payload.Data?.ApplianceID);

            public partial ValueTask<WebhookResult> OnGatewayCreateAsync(GatewayCreateEvent payload, WebhookContext context, CancellationToken cancellationToken) =>
                Handled(context, payload.Data?.GatewayID);

            public partial ValueTask<WebhookResult> OnGatewayOfflineAsync(GatewayOfflineEvent payload, WebhookContext context, CancellationToken cancellationToken) =>
                Handled(context, payload.Data?.GatewayID);

            public partial ValueTask<WebhookResult> OnGatewayOnlineAsync(GatewayOnlineEvent payload, WebhookContext context, CancellationToken cancellationToken) =>
                Handled(context, payload.Data?.GatewayID);

            public partial ValueTask<WebhookResult> OnEvPluggedAsync(EVPluggedEvent payload, WebhookContext context, CancellationToken cancellationToken) =>
                Handled(context, payload.Data?.EvseID);

            public partial ValueTask<WebhookResult> OnComissioningDoneAsync(ComissioningDoneEvent payload, WebhookContext context, CancellationToken cancellationToken) =>
                Handled(context, payload.Data?.SystemName);

            private static ValueTask<WebhookResult> Handled(WebhookContext context, object? id)
            {
                Console.WriteLine($"handled {context.EventName} {id}");
                return ValueTask.FromResult(WebhookResult.Ok());
            }
        }
        """;
}
