using System.Linq;

namespace WebhookGen.PackageTests.Infrastructure;

/// <summary>
/// The code a new user writes after the README's Quickstart, for the gridX spec: the receiver as the README declares it,
/// with the README's handler and the eight it leaves to the user.
/// </summary>
internal static class UserAppSources
{
    /// <summary>The README's receiver declaration (an empty class), its body made of the README's handler and the others.</summary>
    public static string Receiver(string declaration, string readmeHandler)
    {
        var empty = declaration.TrimEnd().EndsWith("{\n}", System.StringComparison.Ordinal)
            ? declaration.TrimEnd()[..^1]
            : throw new System.InvalidOperationException("the README's receiver declaration does not end with an empty class body:\n" + declaration);
        return empty + Indent(readmeHandler) + "\n" + OtherHandlers + "}\n";
    }

    private static string Indent(string code) =>
        string.Join('\n', code.Split('\n').Select(line => line.Length == 0 ? line : "    " + line)) + "\n";

    /// <summary>The eight handlers the README does not write out; each prints <c>handled &lt;event&gt; &lt;id from the typed payload&gt;</c>.</summary>
    private const string OtherHandlers = """
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

        """;

    /// <summary>
    /// Program.cs of <c>dotnet new web</c> with the README's registration lines where they go: the service after the
    /// builder is created, the mapping after the app is built.
    /// </summary>
    public static string Program(string template, string registration)
    {
        var lines = registration.Split('\n');
        var add = lines.Single(l => l.Contains("builder.Services.", System.StringComparison.Ordinal));
        var map = lines.Single(l => l.StartsWith("app.", System.StringComparison.Ordinal));
        return InsertAfter(InsertAfter(template, "WebApplication.CreateBuilder(args);", add), "builder.Build();", map);
    }

    private static string InsertAfter(string text, string anchor, string line)
    {
        var at = text.IndexOf(anchor, System.StringComparison.Ordinal);
        if (at < 0)
        {
            throw new System.InvalidOperationException($"the template's Program.cs has no '{anchor}':\n{text}");
        }

        var endOfLine = text.IndexOf('\n', at);
        return text[..(endOfLine + 1)] + line + "\n" + text[(endOfLine + 1)..];
    }
}
