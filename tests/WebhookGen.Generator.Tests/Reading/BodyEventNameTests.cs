using Shouldly;
using WebhookGen.Generator.Tests.Corpus;
using WebhookGen.Generator.Tests.Infrastructure;
using Xunit;

namespace WebhookGen.Generator.Tests.Reading;

/// <summary>
/// Events that each have a route of their own and whose bodies name them (a <c>type</c> pinned to a different value per
/// event, as gridX's are) carry that name to the runtime, which refuses a body of one event posted to another's route.
/// </summary>
public sealed class BodyEventNameTests
{
    private static string Receiver(string createdType, string deletedType) => $$"""
        openapi: 3.0.3
        info:
          title: Devices
          version: '1'
        paths:
          /events/device/created:
            post:
              requestBody:
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/DeviceCreated'
              responses:
                '200':
                  description: ok
          /events/device/deleted:
            post:
              requestBody:
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/DeviceDeleted'
              responses:
                '200':
                  description: ok
        components:
          schemas:
            DeviceCreated:
              type: object
              required: [type, id]
              properties:
                type: {{createdType}}
                id: { type: string }
            DeviceDeleted:
              type: object
              required: [type, id]
              properties:
                type: {{deletedType}}
                id: { type: string }
        """;

    private static GeneratorRun Run(string spec) => CorpusReceiver.RunWithHandlers(new CorpusSpec("inline", "/app/hooks.yaml", spec));

    [Fact]
    public void A_type_pinned_to_a_value_per_event_names_each_event_on_its_own_route()
    {
        var run = Run(Receiver("{ type: string, enum: [device.created] }", "{ type: string, enum: [device.deleted] }"));

        run.CompilationProblems.ShouldBeEmpty();
        var webhooks = run.Source(".Webhooks.g.cs");
        webhooks.ShouldContain("bodyEventName: new(\"type\", \"device.created\"));");
        webhooks.ShouldContain("bodyEventName: new(\"type\", \"device.deleted\"));");
    }

    [Fact]
    public void A_const_names_events_in_OpenAPI_3_1()
    {
        var spec = Receiver("{ type: string, const: device.created }", "{ const: device.deleted }")
            .Replace("openapi: 3.0.3", "openapi: 3.1.0", System.StringComparison.Ordinal);

        var run = Run(spec);

        run.CompilationProblems.ShouldBeEmpty();
        run.Source(".Webhooks.g.cs").ShouldContain("bodyEventName: new(\"type\", \"device.deleted\"));");
    }

    [Theory]
    [InlineData("{ type: string }", "{ type: string }")]
    [InlineData("{ type: string, enum: [device.changed] }", "{ type: string, enum: [device.changed] }")]
    [InlineData("{ type: string, enum: [device.created] }", "{ type: string }")]
    [InlineData("{ type: string, enum: [device.created, device.renamed] }", "{ type: string, enum: [device.deleted] }")]
    public void Where_the_spec_does_not_name_each_event_by_its_own_value_nothing_is_checked(string createdType, string deletedType)
    {
        var run = Run(Receiver(createdType, deletedType));

        run.CompilationProblems.ShouldBeEmpty();
        run.Source(".Webhooks.g.cs").ShouldNotContain("bodyEventName");
    }
}
