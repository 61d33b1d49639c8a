using System.Linq;
using Shouldly;
using WebhookGen.Generator.Tests.Infrastructure;
using WebhookGen.Generator.Tests.Schemas;
using WebhookGen.Json;
using Xunit;

namespace WebhookGen.Generator.Tests.References;

/// <summary>Files reached through other files, relative paths that climb, and cycles across files.</summary>
public sealed class TransitiveReferenceTests
{
    private const string A = """
        A:
          type: object
          required: [b]
          properties:
            b:
              $ref: 'b.yaml#/B'
        """;

    private const string B = """
        B:
          type: object
          required: [n]
          properties:
            n:
              type: integer
        """;

    [Fact]
    public void A_file_reached_only_through_another_file_is_read_and_its_schemas_typed()
    {
        var generated = MultiFileSpecs.Load(
            new InMemoryAdditionalText("/app/root.yaml", MultiFileSpecs.Root("a.yaml#/A")),
            new InMemoryAdditionalText("/app/a.yaml", A),
            new InMemoryAdditionalText("/app/b.yaml", B));

        generated.Run.Source(".Models.A.g.cs").ShouldContain("public required B B { get; init; }");
        generated.Run.Source(".Models.B.g.cs").ShouldContain("public required long N { get; init; }");
        var payload = generated.Read("A", """{"b":{"n":7}}""", WebhookPayloadReading.Strict, out var none);
        Generated.Get(payload, "B", "N").ShouldBe(7L);
        none.ShouldBeEmpty();
    }

    [Fact]
    public void A_member_of_the_wrong_type_in_a_file_reached_through_another_is_rejected_when_strict_and_recorded_as_drift_when_tolerant()
    {
        var generated = MultiFileSpecs.Load(
            new InMemoryAdditionalText("/app/root.yaml", MultiFileSpecs.Root("a.yaml#/A")),
            new InMemoryAdditionalText("/app/a.yaml", A),
            new InMemoryAdditionalText("/app/b.yaml", B));
        const string Bad = """{"b":{"n":"not-an-int"}}""";

        Should.Throw<WebhookPayloadException>(() => generated.Read("A", Bad, WebhookPayloadReading.Strict, out _)).Path.ShouldBe("b.n");
        var tolerant = generated.Read("A", Bad, WebhookPayloadReading.Tolerant, out var drift);
        drift.ShouldBe([new PayloadDrift("b.n", PayloadDriftKind.WrongType)]);
        Generated.Get(tolerant, "B", "N").ShouldBe(0L);
    }

    [Fact]
    public void A_reference_that_climbs_out_of_the_specs_folder_is_resolved_against_the_file_that_holds_it()
    {
        var root = MultiFileSpecs.Root("../common/schemas.yaml#/components/schemas/Ping");
        var schemas = """
            components:
              schemas:
                Ping:
                  type: object
                  properties:
                    tag:
                      $ref: './tags/tag.yaml'
            """;
        var tag = """
            type: object
            properties:
              label:
                $ref: '../schemas.yaml#/components/schemas/Label'
            """;
        var generated = MultiFileSpecs.Load(
            new InMemoryAdditionalText("/app/specs/api/root.yaml", root),
            new InMemoryAdditionalText("/app/specs/common/schemas.yaml", schemas + "\n    Label:\n      type: string\n      enum: [red, blue]\n"),
            new InMemoryAdditionalText("/app/specs/common/tags/tag.yaml", tag));

        generated.Run.Source(".Models.Ping.g.cs").ShouldContain("public Tag? Tag { get; init; }");
        generated.Run.Source(".Models.Tag.g.cs").ShouldContain("public Label? Label { get; init; }");
        generated.Run.Source(".Models.Label.g.cs").ShouldContain("\"blue\"");
    }

    [Fact]
    public void Files_that_refer_into_each_other_in_a_cycle_are_each_read_once()
    {
        // root -> a.yaml#/A -> b.yaml#/B -> a.yaml#/C: the files form a cycle, the schemas do not.
        var a = """
            A:
              type: object
              properties:
                b:
                  $ref: 'b.yaml#/B'
            C:
              type: object
              properties:
                name:
                  type: string
            """;
        var b = """
            B:
              type: object
              properties:
                c:
                  $ref: 'a.yaml#/C'
            """;
        var generated = MultiFileSpecs.Load(
            new InMemoryAdditionalText("/app/root.yaml", MultiFileSpecs.Root("a.yaml#/A")),
            new InMemoryAdditionalText("/app/a.yaml", a),
            new InMemoryAdditionalText("/app/b.yaml", b));

        generated.Run.Source(".Models.B.g.cs").ShouldContain("public C? C { get; init; }");
        Generated.Get(generated.Read("A", """{"b":{"c":{"name":"x"}}}"""), "B", "C", "Name").ShouldBe("x");
    }

    [Fact]
    public void A_schema_recursive_through_two_files_ends_and_is_typed()
    {
        var a = """
            Node:
              type: object
              properties:
                name:
                  type: string
                children:
                  $ref: 'b.yaml#/Children'
            """;
        var b = """
            Children:
              type: object
              properties:
                items:
                  type: array
                  items:
                    $ref: 'a.yaml#/Node'
            """;
        var generated = MultiFileSpecs.Load(
            new InMemoryAdditionalText("/app/root.yaml", MultiFileSpecs.Root("a.yaml#/Node")),
            new InMemoryAdditionalText("/app/a.yaml", a),
            new InMemoryAdditionalText("/app/b.yaml", b));

        generated.Run.Source(".Models.Node.g.cs").ShouldContain("public Children? Children { get; init; }");
        generated.Run.Sources.Count(s => s.HintName.EndsWith(".Models.Node.g.cs", System.StringComparison.Ordinal)).ShouldBe(1);
        var node = generated.Read("Node", """{"name":"root","children":{"items":[{"name":"leaf"}]}}""");
        Generated.Get(node, "Name").ShouldBe("root");
    }

    [Fact]
    public void A_discriminator_mapping_into_other_files_dispatches_to_the_types_read_from_them()
    {
        var pet = """
            oneOf:
            - $ref: './Cat.yaml'
            - $ref: './Dog.yaml'
            discriminator:
              propertyName: kind
              mapping:
                cat: './Cat.yaml'
                dog: './Dog.yaml'
            """;
        var generated = MultiFileSpecs.Load(
            new InMemoryAdditionalText("/app/root.yaml", MultiFileSpecs.Root("schemas/Owner.yaml")),
            new InMemoryAdditionalText("/app/schemas/Owner.yaml", "type: object\nproperties:\n  pet:\n    $ref: './Pet.yaml'\n"),
            new InMemoryAdditionalText("/app/schemas/Pet.yaml", pet),
            new InMemoryAdditionalText("/app/schemas/Cat.yaml", "type: object\nrequired: [kind]\nproperties:\n  kind:\n    type: string\n  lives:\n    type: integer\n"),
            new InMemoryAdditionalText("/app/schemas/Dog.yaml", "type: object\nrequired: [kind]\nproperties:\n  kind:\n    type: string\n  barks:\n    type: boolean\n"));

        Generated.Get(generated.Read("Owner", """{"pet":{"kind":"dog","barks":true}}"""), "Pet")!.GetType().Name.ShouldBe("Dog");
        Generated.Get(generated.Read("Owner", """{"pet":{"kind":"cat","lives":9}}"""), "Pet", "Lives").ShouldBe(9L);
    }
}
