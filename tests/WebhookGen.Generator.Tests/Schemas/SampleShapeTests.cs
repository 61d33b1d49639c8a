using System.Text.Json.Nodes;
using Shouldly;
using WebhookGen.Generator.Helpers;
using WebhookGen.Generator.Reading.Events;
using WebhookGen.Generator.Tests.Corpus;
using WebhookGen.Generator.Tests.Infrastructure;
using Xunit;

namespace WebhookGen.Generator.Tests.Schemas;

/// <summary>
/// The test kit's sample of each schema shape is valid for it (<see cref="SampleValidator"/>) and is the value one would
/// expect: the spec's own example where it is valid, else one made to fit the constraints.
/// </summary>
public sealed class SampleShapeTests
{
    /// <summary>The sample of <c>Payload</c> in a spec whose components are <paramref name="schemas"/>, checked valid.</summary>
    private static JsonObject Sample(string schemas, string version = "3.1.0")
    {
        var document = SpecDocuments.Read("hooks.yaml", SchemaHarness.Spec(schemas, version));
        var schema = document.Components!.Schemas!["Payload"];
        var json = ExampleBuilder.Build(schema, null, null).ShouldNotBeNull();
        var sample = JsonNode.Parse(json).ShouldBeOfType<JsonObject>();
        SampleValidator.Validate(schema, sample).ShouldBeEmpty(json);
        return sample;
    }

    [Fact]
    public void A_string_with_an_allOf_of_scalar_constraints_is_a_string_that_meets_them_all()
    {
        var sample = Sample("""
            Payload:
              type: object
              required: [at, kind, code, name]
              properties:
                at:
                  type: string
                  allOf:
                  - format: date-time
                kind:
                  type: string
                  allOf:
                  - enum: [a, b]
                code:
                  type: string
                  allOf:
                  - pattern: '^[A-Z]{3}-\d{2}$'
                name:
                  allOf:
                  - $ref: '#/components/schemas/Name'
                  - description: The name.
            Name:
              type: string
              minLength: 10
            """);

        sample["at"]!.GetValue<string>().ShouldBe("2024-01-01T00:00:00Z");
        sample["kind"]!.GetValue<string>().ShouldBe("a");
        sample["code"]!.GetValue<string>().ShouldBe("AAA-11");
        sample["name"]!.GetValue<string>().Length.ShouldBeGreaterThanOrEqualTo(10);
    }

    [Fact]
    public void The_specs_own_example_is_taken_where_it_is_valid_and_left_where_it_is_not()
    {
        var sample = Sample("""
            Payload:
              type: object
              required: [good, tooLong, badFormat, fromDefault]
              properties:
                good:
                  type: string
                  pattern: '^evt_[a-z0-9]+$'
                  example: evt_42
                tooLong:
                  type: string
                  maxLength: 3
                  example: EURO
                badFormat:
                  type: string
                  format: uuid
                  example: not-a-uuid
                fromDefault:
                  type: integer
                  minimum: 5
                  default: 7
            """);

        sample["good"]!.GetValue<string>().ShouldBe("evt_42");
        sample["tooLong"]!.GetValue<string>().ShouldBe("str");
        sample["badFormat"]!.GetValue<string>().ShouldBe("3fa85f64-5717-4562-b3fc-2c963f66afa6");
        sample["fromDefault"]!.GetValue<long>().ShouldBe(7);
    }

    [Fact]
    public void Numbers_lengths_and_counts_are_within_their_bounds()
    {
        var sample = Sample("""
            Payload:
              type: object
              required: [count, ratio, below, code, tags, big]
              properties:
                count:
                  type: integer
                  minimum: 5000
                ratio:
                  type: number
                  exclusiveMinimum: 0
                  maximum: 1
                below:
                  type: integer
                  maximum: -3
                code:
                  type: string
                  minLength: 9
                  maxLength: 9
                tags:
                  type: array
                  minItems: 2
                  items:
                    type: string
                    format: email
                big:
                  type: integer
                  format: int64
                  minimum: 10
                  multipleOf: 4
            """);

        sample["count"]!.GetValue<long>().ShouldBe(5000);
        sample["ratio"]!.GetValue<decimal>().ShouldBe(0.5m);
        sample["below"]!.GetValue<long>().ShouldBe(-3);
        sample["code"]!.GetValue<string>().Length.ShouldBe(9);
        sample["tags"]!.AsArray().Count.ShouldBe(2);
        sample["tags"]![0]!.GetValue<string>().ShouldBe("user@example.com");
        sample["big"]!.GetValue<long>().ShouldBe(12);
    }

    [Fact]
    public void Const_enum_nullable_and_null_only_members_take_a_value_they_allow()
    {
        var sample = Sample("""
            Payload:
              type: object
              required: [version, level, note, gone, state]
              properties:
                version:
                  type: integer
                  const: 2
                level:
                  type: string
                  enum: [low, high]
                note:
                  type: [string, 'null']
                  maxLength: 4
                gone:
                  type: 'null'
                state:
                  anyOf:
                  - type: 'null'
                  - type: string
                    enum: [open]
            """);

        sample["version"]!.GetValue<decimal>().ShouldBe(2);
        sample["level"]!.GetValue<string>().ShouldBe("low");
        sample["note"]!.GetValue<string>().ShouldBe("stri");
        sample.ContainsKey("gone").ShouldBeTrue();
        sample["gone"].ShouldBeNull();
        sample["state"]!.GetValue<string>().ShouldBe("open");
    }

    [Fact]
    public void A_union_with_a_discriminator_mapping_is_its_first_mapped_member_named_by_its_key()
    {
        var sample = Sample("""
            Payload:
              type: object
              required: [pet, shape]
              properties:
                pet:
                  oneOf:
                  - $ref: '#/components/schemas/Cat'
                  - $ref: '#/components/schemas/Dog'
                  discriminator:
                    propertyName: kind
                    mapping:
                      doggo: '#/components/schemas/Dog'
                      kitty: '#/components/schemas/Cat'
                shape:
                  oneOf:
                  - $ref: '#/components/schemas/Square'
                  discriminator:
                    propertyName: type
            Cat:
              type: object
              required: [kind, lives]
              properties:
                kind: {type: string}
                lives: {type: integer, minimum: 1, maximum: 9}
            Dog:
              type: object
              required: [kind, bark]
              properties:
                kind: {type: string}
                bark: {type: boolean}
            Square:
              type: object
              required: [type, side]
              properties:
                type: {type: string, enum: [square]}
                side: {type: number}
            """);

        sample["pet"]!["kind"]!.GetValue<string>().ShouldBe("doggo");
        sample["pet"]!["bark"]!.GetValue<bool>().ShouldBeFalse();
        sample["shape"]!["type"]!.GetValue<string>().ShouldBe("square", "a member that pins the value keeps it");
    }

    [Fact]
    public void Maps_and_required_members_that_a_later_allOf_part_narrows()
    {
        var sample = Sample("""
            Payload:
              type: object
              required: [labels, repo]
              properties:
                labels:
                  type: object
                  minProperties: 1
                  additionalProperties:
                    type: string
                    pattern: '^v\d+$'
                repo:
                  allOf:
                  - type: object
                    required: [fork, language, topics]
                    properties:
                      fork: {type: boolean}
                      language: {type: [string, 'null']}
                      topics: {type: array, items: {type: string}}
                  - type: object
                    properties:
                      fork: {type: boolean, enum: [true]}
                      language: {type: 'null'}
                      topics: {type: array, items: {type: 'null'}}
            """);

        sample["labels"]!["key"]!.GetValue<string>().ShouldBe("v1");
        sample["repo"]!["fork"]!.GetValue<bool>().ShouldBeTrue();
        sample["repo"]!["language"].ShouldBeNull();
        sample["repo"]!["topics"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public void A_recursive_schema_ends_and_keeps_its_required_members()
    {
        var sample = Sample("""
            Payload:
              $ref: '#/components/schemas/Node'
            Node:
              type: object
              required: [name, parent, children]
              properties:
                name: {type: string}
                parent:
                  anyOf:
                  - $ref: '#/components/schemas/Node'
                  - type: 'null'
                children:
                  type: array
                  items:
                    $ref: '#/components/schemas/Node'
            """);

        sample["parent"].ShouldBeNull();
        sample["children"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public void A_30_nullable_allOf_of_a_union_is_the_union()
    {
        var sample = Sample(
            """
            Payload:
              type: object
              required: [choice]
              properties:
                choice:
                  allOf:
                  - $ref: '#/components/schemas/Choice'
                  - nullable: true
            Choice:
              oneOf:
              - type: string
                enum: [none, auto]
              - type: object
                properties:
                  name: {type: string}
            """,
            version: "3.0.3");

        sample["choice"]!.GetValue<string>().ShouldBe("none");
    }

    [Fact]
    public void The_generated_sample_of_a_string_with_an_allOf_reads_as_its_record()
    {
        // Before, the sample held {} for such a string.
        var generated = Generated.Load(SchemaHarness.Run(SchemaHarness.Spec("""
            Payload:
              type: object
              required: [at]
              properties:
                at:
                  type: string
                  allOf:
                  - format: date-time
            """)));
        var examples = generated.Type(SchemaHarness.ReceiverName + "Examples");

        var sample = examples.GetMethod("Hook")!.Invoke(null, null).ShouldNotBeNull();

        Generated.Get(sample, "At")!.ToString().ShouldBe("2024-01-01T00:00:00Z");
    }

    [Theory]
    [InlineData(@"^[A-Z]{3}$", "AAA")]
    [InlineData(@"^evt_[a-zA-Z0-9]+$", "evt_a")]
    [InlineData(@"^(ach|wire)$", "ach")]
    [InlineData(@"^\d{9}$", "111111111")]
    [InlineData(@"^(?!https://)[a-z]{1,8}\.(pdf|png)$", "a.pdf")]
    [InlineData(@"^[^x]+$", null)]
    public void A_simple_pattern_gives_a_string_that_matches_it(string pattern, string? expected)
    {
        PatternSample.For(pattern).ShouldBe(expected);
    }
}
