using System.Linq;
using Shouldly;
using Xunit;
using static WebhookGen.Generator.Tests.Schemas.Generated;

namespace WebhookGen.Generator.Tests.Schemas;

/// <summary><c>allOf</c>: exactly one <c>$ref</c> to an object is a base record; anything else is flattened.</summary>
public sealed class AllOfTests
{
    [Fact]
    public void One_reference_is_a_base_record_and_other_members_are_declared_in_the_derived_one()
    {
        var generated = SchemaHarness.Load("""
            Base:
              type: object
              required: [id]
              properties:
                id: { type: string }
            Payload:
              allOf:
              - $ref: '#/components/schemas/Base'
              - type: object
                properties:
                  name: { type: string }
            """);

        var payload = generated.Type("Payload");
        payload.BaseType!.Name.ShouldBe("Base");
        PropertyNames(payload).ShouldBe(["Name"]);
        var read = generated.Read("Payload", """{"id":"a","name":"n"}""");
        Get(read, "Id").ShouldBe("a");
        Get(read, "Name").ShouldBe("n");
    }

    [Fact]
    public void Required_in_the_derived_schema_for_a_base_property_is_required_by_the_derived_reader_only()
    {
        var generated = SchemaHarness.Load("""
            Base:
              type: object
              properties:
                id: { type: string }
                note: { type: [string, 'null'] }
            Payload:
              allOf:
              - $ref: '#/components/schemas/Base'
              - type: object
                required: [id, note]
                properties:
                  name: { type: string }
            """);

        generated.Type("Payload").BaseType!.Name.ShouldBe("Base");
        generated.ReadError("Payload", """{"name":"n","note":null}""").ShouldContain("'id'");
        generated.ReadError("Payload", """{"id":"a"}""").ShouldContain("'note'");
        generated.ReadError("Payload", """{"id":null,"note":null}""").ShouldContain("'id'");
        Get(generated.Read("Payload", """{"id":"a","note":null}"""), "Id").ShouldBe("a");

        // The base itself still takes a payload without them.
        Get(generated.Read("Base", "{}"), "Id").ShouldBeNull();
    }

    [Fact]
    public void Two_references_are_flattened_with_their_required_lists()
    {
        var generated = SchemaHarness.Load("""
            A:
              type: object
              required: [a]
              properties:
                a: { type: string }
            B:
              type: object
              properties:
                b: { type: integer }
            Payload:
              allOf:
              - $ref: '#/components/schemas/A'
              - $ref: '#/components/schemas/B'
            """);

        var payload = generated.Type("Payload");
        payload.BaseType.ShouldBe(typeof(object));
        PropertyNames(payload).ShouldBe(["A", "B"]);
        generated.ReadError("Payload", """{"b":1}""").ShouldContain("'a'");
    }

    [Fact]
    public void An_allOf_member_that_is_itself_an_allOf_is_flattened_through_and_a_reference_to_one_is_a_base()
    {
        var generated = SchemaHarness.Load("""
            Root:
              type: object
              properties:
                root: { type: string }
            Middle:
              allOf:
              - $ref: '#/components/schemas/Root'
              - properties:
                  middle: { type: string }
            Payload:
              allOf:
              - $ref: '#/components/schemas/Middle'
              - allOf:
                - properties:
                    inner: { type: string }
                - required: [root]
              - properties:
                  leaf: { type: string }
            """);

        var payload = generated.Type("Payload");
        payload.BaseType!.Name.ShouldBe("Middle");
        payload.BaseType.BaseType!.Name.ShouldBe("Root");
        PropertyNames(payload).ShouldBe(["Inner", "Leaf"]);
        generated.ReadError("Payload", """{"middle":"m"}""").ShouldContain("'root'");
        var read = generated.Read("Payload", """{"root":"r","middle":"m","inner":"i","leaf":"l"}""");
        Get(read, "RootValue").ShouldBe("r"); // root in Root: a member is never named like its type
        Get(read, "Inner").ShouldBe("i");
    }

    [Fact]
    public void An_allOf_of_one_reference_with_a_description_is_that_type()
    {
        var run = SchemaHarness.Run(SchemaHarness.Spec("""
            Status:
              type: string
              enum: [on, off]
            Item:
              type: object
              properties:
                x: { type: string }
            Payload:
              type: object
              properties:
                status:
                  description: The status.
                  allOf:
                  - $ref: '#/components/schemas/Status'
                item:
                  description: The item.
                  allOf:
                  - $ref: '#/components/schemas/Item'
                typed:
                  type: string
                  nullable: true
                  allOf:
                  - $ref: '#/components/schemas/Status'
            """, version: "3.0.3"));

        run.CompilationProblems.ShouldBeEmpty();
        var payload = run.Source(".Models.Payload.g.cs");
        payload.ShouldContain("Status? Status");
        payload.ShouldContain("Item? Item");
        payload.ShouldContain("Status? Typed");
        run.Sources.ShouldNotContain(s => s.HintName.Contains("PayloadStatus") || s.HintName.Contains("PayloadItem"));
    }

    [Fact]
    public void Bases_that_refer_to_each_other_end_in_flattening_not_in_a_cycle()
    {
        var generated = SchemaHarness.Load("""
            A:
              allOf:
              - $ref: '#/components/schemas/B'
              - properties:
                  a: { type: string }
            B:
              allOf:
              - $ref: '#/components/schemas/A'
              - properties:
                  b: { type: string }
            Payload:
              type: object
              properties:
                a: { $ref: '#/components/schemas/A' }
            """);

        var a = generated.Type("A");
        var b = generated.Type("B");
        (a.BaseType == b && b.BaseType == a).ShouldBeFalse();
        var read = generated.Read("A", """{"a":"1","b":"2"}""");
        Get(read, "AValue").ShouldBe("1");
        Get(read, "B").ShouldBe("2");
    }

    [Fact]
    public void A_derived_schema_that_narrows_a_base_property_hides_it_and_both_read_the_value()
    {
        var generated = SchemaHarness.Load("""
            Envelope:
              type: object
              required: [id]
              properties:
                id: { type: string }
                type: { type: string }
                data: { type: object }
            Created:
              type: object
              properties:
                name: { type: string }
            Payload:
              allOf:
              - $ref: '#/components/schemas/Envelope'
              - type: object
                properties:
                  id: { type: integer }
                  type: { type: string, enum: [created] }
                  data: { $ref: '#/components/schemas/Created' }
            """);

        var payload = generated.Type("Payload");
        PropertyNames(payload).ShouldBe(["Type", "Data"]);
        var read = generated.Read("Payload", """{"id":"e1","type":"created","data":{"name":"n"}}""");
        Get(read, "Data", "Name").ShouldBe("n");
        var baseData = generated.Type("Envelope").GetProperty("Data")!.GetValue(read)!;
        ((System.Collections.Generic.IReadOnlyDictionary<string, System.Text.Json.JsonElement>)baseData)["name"].GetString().ShouldBe("n");
        generated.Type("Envelope").GetProperty("Type")!.GetValue(read).ShouldBe("created");
        generated.Write("Payload", read).ShouldBe("""{"id":"e1","type":"created","data":{"name":"n"}}""");
    }
}
