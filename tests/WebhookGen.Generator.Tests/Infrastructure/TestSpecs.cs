using System;
using System.IO;

namespace WebhookGen.Generator.Tests.Infrastructure;

/// <summary>The project's specs, copied beside the tests (see the csproj).</summary>
internal static class TestSpecs
{
    public static string GridX => Read("gridx", "webhooks.yaml");

    public static string Read(params string[] relativePath) =>
        File.ReadAllText(Path.Combine([AppContext.BaseDirectory, "specs", .. relativePath]));

    /// <summary>A receiver of the gridX spec that implements every handler.</summary>
    public const string GridXReceiverSource = """
        using System.Threading;
        using System.Threading.Tasks;
        using WebhookGen;

        namespace GridX.Receiver;

        [WebhookReceiver("webhooks.yaml")]
        public partial class GridXReceiver
        {
            public partial ValueTask<WebhookResult> OnApplianceCreateAsync(ApplianceCreateEvent payload, WebhookContext context, CancellationToken cancellationToken) => new(WebhookResult.Ok());
            public partial ValueTask<WebhookResult> OnApplianceOfflineAsync(ApplianceOfflineEvent payload, WebhookContext context, CancellationToken cancellationToken) => new(WebhookResult.Ok());
            public partial ValueTask<WebhookResult> OnApplianceOnlineAsync(ApplianceOnlineEvent payload, WebhookContext context, CancellationToken cancellationToken) => new(WebhookResult.Ok());
            public partial ValueTask<WebhookResult> OnInverterStatusAsync(InverterStatusEvent payload, WebhookContext context, CancellationToken cancellationToken) => new(WebhookResult.Ok());
            public partial ValueTask<WebhookResult> OnGatewayCreateAsync(GatewayCreateEvent payload, WebhookContext context, CancellationToken cancellationToken) => new(WebhookResult.Ok());
            public partial ValueTask<WebhookResult> OnGatewayOfflineAsync(GatewayOfflineEvent payload, WebhookContext context, CancellationToken cancellationToken) => new(WebhookResult.Ok());
            public partial ValueTask<WebhookResult> OnGatewayOnlineAsync(GatewayOnlineEvent payload, WebhookContext context, CancellationToken cancellationToken) => new(WebhookResult.Ok());
            public partial ValueTask<WebhookResult> OnEvPluggedAsync(EVPluggedEvent payload, WebhookContext context, CancellationToken cancellationToken) => new(WebhookResult.Ok());
            public partial ValueTask<WebhookResult> OnComissioningDoneAsync(ComissioningDoneEvent payload, WebhookContext context, CancellationToken cancellationToken) => new(WebhookResult.Ok());
        }
        """;

    /// <summary>The same receiver with no handler implemented yet.</summary>
    public const string EmptyGridXReceiverSource = """
        using WebhookGen;

        namespace GridX.Receiver;

        [WebhookReceiver("webhooks.yaml")]
        public partial class GridXReceiver
        {
        }
        """;
}
