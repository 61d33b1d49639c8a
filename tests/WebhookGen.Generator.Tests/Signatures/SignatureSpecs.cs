using System.Linq;
using WebhookGen.Generator.Tests.Infrastructure;

namespace WebhookGen.Generator.Tests.Signatures;

/// <summary>A one-event spec whose signature headers and top-level extensions a test chooses.</summary>
internal static class SignatureSpecs
{
    /// <param name="headers">Header parameters as <c>name</c> or <c>name=example</c>.</param>
    /// <param name="top">YAML put at the top level, for the <c>x-webhook-*</c> extensions (lines indented by 0).</param>
    public static string Spec(string[] headers, string top = "")
    {
        var parameters = string.Concat(headers.Select(h =>
        {
            var parts = h.Split('=', 2);
            var example = parts.Length == 2 ? $"\n          example: '{parts[1]}'" : string.Empty;
            return $"\n        - name: {parts[0]}\n          in: header\n          schema:\n            type: string{example}";
        }));
        return $$"""
            openapi: 3.0.3
            info:
              title: Signed
              version: 1.0.0
            {{top}}
            paths:
              /ping:
                post:
                  parameters:{{parameters}}
                  requestBody:
                    content:
                      application/json:
                        schema:
                          type: object
                          properties:
                            id:
                              type: string
                  responses:
                    "200":
                      description: ok
            """;
    }

    /// <summary>The receiver with its one handler, so that the project compiles.</summary>
    public const string ReceiverSource = """
        using System.Threading;
        using System.Threading.Tasks;
        using WebhookGen;

        namespace Tests;

        [WebhookReceiver("hooks.yaml")]
        public partial class HookReceiver
        {
            public partial ValueTask<WebhookResult> OnPingAsync(PingPayload payload, WebhookContext context, CancellationToken cancellationToken) =>
                ValueTask.FromResult(WebhookResult.Ok());
        }
        """;

    public static GeneratorRun Run(string spec) =>
        GeneratorHarness.Run(ReceiverSource, new InMemoryAdditionalText("/app/hooks.yaml", spec));
}
