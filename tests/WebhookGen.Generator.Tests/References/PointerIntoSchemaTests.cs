using System.Linq;
using Microsoft.CodeAnalysis;
using Shouldly;
using WebhookGen.Generator.Tests.Infrastructure;
using WebhookGen.Generator.Tests.Schemas;
using Xunit;

namespace WebhookGen.Generator.Tests.References;

/// <summary>A <c>$ref</c> into the inside of a schema (a member, an allOf item), in the spec or in another file.</summary>
public sealed class PointerIntoSchemaTests
{
    private const string Schemas = """
        Payload:
          type: object
          properties:
            first:
              $ref: '#/components/schemas/Tag/allOf/0'
            colour:
              $ref: '#/components/schemas/Label/properties/colour'
            label:
              $ref: '#/components/schemas/Label'
        Label:
          type: object
          properties:
            colour:
              type: object
              properties:
                hex:
                  type: string
        Tag:
          allOf:
          - type: object
            required: [id]
            properties:
              id:
                type: integer
          - type: object
            properties:
              name:
                type: string
        """;

    [Fact]
    public void A_pointer_into_a_schema_of_the_spec_resolves_to_that_schema()
    {
        var generated = MultiFileSpecs.Load(new InMemoryAdditionalText("/app/hooks.yaml", MultiFileSpecs.Root("#/components/schemas/Payload", Schemas)));

        var payload = generated.Run.Source(".Models.Payload.g.cs");
        payload.ShouldContain("public TagAllOf0? First { get; init; }");
        payload.ShouldContain("public LabelColour? Colour { get; init; }");
        generated.Run.Source(".Models.Label.g.cs").ShouldContain("public LabelColour? Colour { get; init; }");
        generated.Run.Source(".Models.TagAllOf0.g.cs").ShouldContain("public required long Id { get; init; }");

        // The member moved out of Label is still Label's: one type, not two alike.
        generated.Run.Sources.Count(s => s.HintName.Contains(".Models.LabelColour", System.StringComparison.Ordinal)).ShouldBe(1);
        var read = generated.Read("Payload", """{"first":{"id":3},"colour":{"hex":"#fff"}}""");
        Generated.Get(read, "First", "Id").ShouldBe(3L);
        Generated.Get(read, "Colour", "Hex").ShouldBe("#fff");
    }

    [Fact]
    public void A_pointer_into_a_schema_of_another_file_resolves_to_that_schema()
    {
        var other = """
            components:
              schemas:
                Tag:
                  type: object
                  properties:
                    x:
                      type: object
                      required: [count]
                      properties:
                        count:
                          type: integer
                          format: int32
            """;
        var generated = MultiFileSpecs.Load(
            new InMemoryAdditionalText("/app/hooks.yaml", MultiFileSpecs.Root("other.yaml#/components/schemas/Tag/properties/x")),
            new InMemoryAdditionalText("/app/other.yaml", other));

        generated.Run.Source(".Models.TagX.g.cs").ShouldContain("public required int Count { get; init; }");
        Generated.Get(generated.Read("TagX", """{"count":2}"""), "Count").ShouldBe(2);
    }

    [Fact]
    public void A_pointer_into_a_schema_that_points_at_nothing_is_reported_as_written()
    {
        var spec = MultiFileSpecs.Root("#/components/schemas/Tag/properties/missing", Schemas);
        var run = MultiFileSpecs.Run(new InMemoryAdditionalText("/app/hooks.yaml", spec));

        var unresolved = run.GeneratorDiagnostics.Single(d => d.Id == "WHG007");
        unresolved.GetMessage().ShouldContain("#/components/schemas/Tag/properties/missing");
        DiagnosticAssertions.ShouldPointAt(unresolved, "/app/hooks.yaml", spec, "$ref: '#/components/schemas/Tag/properties/missing'");
    }
}
