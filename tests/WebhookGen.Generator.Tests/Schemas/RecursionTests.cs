using System.Collections;
using System.Linq;
using Shouldly;
using Xunit;
using static WebhookGen.Generator.Tests.Schemas.Generated;

namespace WebhookGen.Generator.Tests.Schemas;

/// <summary>Schemas that refer to themselves: the builder ends, and the readers read as deep as the payload goes.</summary>
public sealed class RecursionTests
{
    [Fact]
    public void A_schema_that_refers_to_itself_directly_and_through_an_array_is_read_to_any_depth()
    {
        var generated = SchemaHarness.Load("""
            Payload:
              type: object
              properties:
                name: { type: string }
                parent: { $ref: '#/components/schemas/Payload' }
                children:
                  type: array
                  items: { $ref: '#/components/schemas/Payload' }
            """);

        var json = """{"name":"root","children":[{"name":"a","children":[{"name":"b","parent":{"name":"up"}}]}]}""";
        var read = generated.Read("Payload", json);
        var a = ((IEnumerable)Get(read, "Children")!).Cast<object>().Single();
        var b = ((IEnumerable)Get(a, "Children")!).Cast<object>().Single();
        Get(b, "Parent", "Name").ShouldBe("up");
        generated.Write("Payload", read).ShouldBe(json);
    }

    [Fact]
    public void Schemas_that_refer_to_each_other_are_read_through_one_another()
    {
        var generated = SchemaHarness.Load("""
            Person:
              type: object
              properties:
                name: { type: string }
                employer: { $ref: '#/components/schemas/Company' }
            Company:
              type: object
              properties:
                owner: { $ref: '#/components/schemas/Person' }
            Payload:
              type: object
              properties:
                person: { $ref: '#/components/schemas/Person' }
            """);

        var read = generated.Read("Payload", """{"person":{"name":"p","employer":{"owner":{"name":"o"}}}}""");
        Get(read, "Person", "Employer", "Owner", "Name").ShouldBe("o");
    }

    [Fact]
    public void A_union_whose_members_contain_the_union_is_read_recursively()
    {
        var generated = SchemaHarness.Load("""
            Literal:
              type: object
              properties:
                op: { type: string }
                value: { type: number }
            Sum:
              type: object
              properties:
                op: { type: string }
                terms:
                  type: array
                  items: { $ref: '#/components/schemas/Expr' }
            Expr:
              oneOf:
              - $ref: '#/components/schemas/Literal'
              - $ref: '#/components/schemas/Sum'
              discriminator:
                propertyName: op
                mapping:
                  lit: '#/components/schemas/Literal'
                  sum: '#/components/schemas/Sum'
            Payload:
              type: object
              properties:
                expr: { $ref: '#/components/schemas/Expr' }
            """);

        var json = """{"expr":{"op":"sum","terms":[{"op":"lit","value":1},{"op":"sum","terms":[{"op":"lit","value":2}]}]}}""";
        var read = generated.Read("Payload", json);
        var terms = ((IEnumerable)Get(read, "Expr", "Terms")!).Cast<object>().ToList();
        terms.Select(t => t.GetType().Name).ShouldBe(["Literal", "Sum"]);
        generated.Write("Payload", read).ShouldBe(json);
    }

    [Fact]
    public void A_schema_that_contains_itself_with_no_object_between_is_raw_json_with_a_warning()
    {
        var run = SchemaHarness.Run(SchemaHarness.Spec("""
            Tree:
              type: array
              items: { $ref: '#/components/schemas/Tree' }
            Payload:
              type: object
              properties:
                tree: { $ref: '#/components/schemas/Tree' }
            """));

        run.CompilationProblems.ShouldBeEmpty();
        run.GeneratorDiagnostics.ShouldContain(d => d.Id == "WHG008");
        run.Source(".Models.Payload.g.cs").ShouldContain("IReadOnlyList<global::System.Text.Json.JsonElement>? Tree");
    }
}
