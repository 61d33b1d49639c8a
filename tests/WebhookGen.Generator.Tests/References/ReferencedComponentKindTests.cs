using System.Linq;
using Microsoft.CodeAnalysis;
using Shouldly;
using WebhookGen.Generator.Tests.Infrastructure;
using Xunit;

namespace WebhookGen.Generator.Tests.References;

/// <summary>A <c>$ref</c> into another file lands in the component kind its place calls for, not among the schemas.</summary>
public sealed class ReferencedComponentKindTests
{
    private const string Root = """
        openapi: 3.1.0
        info:
          title: Kinds
          version: '1'
        webhooks:
          ping:
            post:
              parameters:
              - $ref: 'common.yaml#/components/parameters/Signature'
              requestBody:
                $ref: 'common.yaml#/components/requestBodies/Ping'
              responses:
                '200':
                  $ref: 'common.yaml#/components/responses/Accepted'
        """;

    private const string Common = """
        components:
          parameters:
            Signature:
              name: X-Hub-Signature-256
              in: header
              required: true
              schema:
                type: string
          requestBodies:
            Ping:
              required: true
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/Ping'
                  examples:
                    first:
                      $ref: '#/components/examples/FirstPing'
          responses:
            Accepted:
              description: accepted
              headers:
                X-Request-Id:
                  $ref: '#/components/headers/RequestId'
          headers:
            RequestId:
              schema:
                type: string
          examples:
            FirstPing:
              value:
                zen: Keep it simple.
          schemas:
            Ping:
              type: object
              required: [zen]
              properties:
                zen:
                  type: string
        """;

    private const string Receiver = """
        using WebhookGen;

        namespace Kinds;

        [WebhookReceiver("root.yaml")]
        public partial class KindsReceiver
        {
            public partial System.Threading.Tasks.ValueTask<WebhookResult> OnPingAsync(Ping payload, WebhookContext context, System.Threading.CancellationToken cancellationToken) => new(WebhookResult.Ok());
        }
        """;

    [Fact]
    public void A_request_body_parameter_response_header_and_example_from_another_file_are_read_as_such()
    {
        var run = GeneratorHarness.Run(
            Receiver,
            new InMemoryAdditionalText("/app/root.yaml", Root),
            new InMemoryAdditionalText("/app/common.yaml", Common));

        run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ShouldBeEmpty();
        run.CompilationProblems.Select(d => d.ToString()).ShouldBeEmpty();
        run.Source(".Receiver.g.cs").ShouldContain("OnPingAsync(global::Kinds.Ping payload");
        run.Source(".Models.Ping.g.cs").ShouldContain("public required string Zen { get; init; }");

        // The signature header came from the referenced parameter: the scheme is recognised from it.
        run.Source(".Webhooks.g.cs").ShouldContain("X-Hub-Signature-256");
        run.Sources.ShouldNotContain(s => s.HintName.Contains("Models.Accepted") || s.HintName.Contains("Models.Signature") || s.HintName.Contains("Models.RequestId"));
    }

    [Fact]
    public void In_swagger_2_a_parameter_and_a_response_from_another_file_are_read_as_such()
    {
        var root = """
            swagger: '2.0'
            info:
              title: Kinds
              version: '1'
            paths:
              /hook:
                post:
                  operationId: ping
                  consumes: [application/json]
                  parameters:
                  - $ref: 'common.yaml#/parameters/Signature'
                  - $ref: 'common.yaml#/parameters/Body'
                  responses:
                    '200':
                      $ref: 'common.yaml#/responses/Accepted'
            """;
        var common = """
            parameters:
              Signature:
                name: X-Hub-Signature-256
                in: header
                required: true
                type: string
              Body:
                name: body
                in: body
                required: true
                schema:
                  $ref: '#/definitions/Ping'
            responses:
              Accepted:
                description: accepted
            definitions:
              Ping:
                type: object
                properties:
                  zen:
                    type: string
            """;

        var run = GeneratorHarness.Run(
            Receiver,
            new InMemoryAdditionalText("/app/root.yaml", root),
            new InMemoryAdditionalText("/app/common.yaml", common));

        run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ShouldBeEmpty();
        run.CompilationProblems.Select(d => d.ToString()).ShouldBeEmpty();
        run.Source(".Models.Ping.g.cs").ShouldContain("public string? Zen { get; init; }");
    }

    [Fact]
    public void A_path_item_in_another_file_is_written_in_place()
    {
        var root = """
            openapi: 3.0.3
            info:
              title: Kinds
              version: '1'
            paths:
              /hook:
                $ref: 'paths/hook.yaml'
            """;
        var path = """
            post:
              operationId: ping
              parameters:
              - $ref: '../common.yaml#/components/parameters/Signature'
              requestBody:
                $ref: '../common.yaml#/components/requestBodies/Ping'
              responses:
                '200':
                  description: ok
            """;

        var run = GeneratorHarness.Run(
            Receiver,
            new InMemoryAdditionalText("/app/root.yaml", root),
            new InMemoryAdditionalText("/app/paths/hook.yaml", path),
            new InMemoryAdditionalText("/app/common.yaml", Common));

        run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ShouldBeEmpty();
        run.CompilationProblems.Select(d => d.ToString()).ShouldBeEmpty();
        run.Source(".Receiver.g.cs").ShouldContain("OnPingAsync(global::Kinds.Ping payload");
    }
}
