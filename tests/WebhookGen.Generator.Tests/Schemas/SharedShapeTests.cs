using System.Linq;
using Shouldly;
using WebhookGen.Generator.Tests.Infrastructure;
using Xunit;
using static WebhookGen.Generator.Tests.Schemas.Generated;

namespace WebhookGen.Generator.Tests.Schemas;

/// <summary>
/// Inline schemas that build to the same type are one type, named by the first occurrence in the spec; a difference in
/// one required member, one format or a nested shape keeps them apart.
/// </summary>
public sealed class SharedShapeTests
{
    private static string Address(string required = "[street]", string cityFormat = "", string extra = "") => $$"""
        type: object
        required: {{required}}
        properties:
          street: { type: string }
          city: { type: string{{cityFormat}} }
          kind: { type: string, enum: [home, work] }
          geo:
            type: object
            properties:
              lat: { type: number }
              lon: { type: number{{extra}} }
        """;

    private static string Payload(params (string Name, string Schema)[] properties) =>
        "Payload:\n  type: object\n  properties:\n"
        + string.Concat(properties.Select(p => $"    {p.Name}:\n{SchemaHarness.Indent(p.Schema, "      ")}\n"));

    private static bool Has(GeneratorRun run, string type) => run.Sources.Any(s => s.HintName.EndsWith($".Models.{type}.g.cs"));

    [Fact]
    public void Two_identical_inline_objects_are_one_type_named_by_the_first_with_its_docs()
    {
        var second = "description: Where it ships.\n" + Address();
        var run = SchemaHarness.Run(SchemaHarness.Spec(Payload(("billing", "description: Where the bill goes.\n" + Address()), ("shipping", second))));

        run.CompilationProblems.ShouldBeEmpty();
        Has(run, "PayloadBilling").ShouldBeTrue();
        Has(run, "PayloadBillingKind").ShouldBeTrue();
        Has(run, "PayloadBillingGeo").ShouldBeTrue();
        Has(run, "PayloadShipping").ShouldBeFalse();
        Has(run, "PayloadShippingKind").ShouldBeFalse();
        Has(run, "PayloadShippingGeo").ShouldBeFalse();
        run.Source(".Models.Payload.g.cs").ShouldContain("PayloadBilling? Shipping { get; init; }");
        run.Source(".Models.PayloadBilling.g.cs").ShouldContain("Where the bill goes.");
        run.Source(".Models.PayloadBilling.g.cs").ShouldNotContain("Where it ships.");

        var generated = Generated.Load(run);
        var payload = generated.Read("Payload", """{"billing":{"street":"a"},"shipping":{"street":"b","kind":"work","geo":{"lat":1}}}""");
        Get(payload, "Shipping")!.GetType().Name.ShouldBe("PayloadBilling");
        Get(payload, "Shipping", "Street").ShouldBe("b");
        generated.Write("Payload", payload).ShouldBe("""{"billing":{"street":"a"},"shipping":{"street":"b","kind":"work","geo":{"lat":1}}}""");
    }

    [Fact]
    public void Identical_inline_objects_in_other_records_and_in_items_are_one_type()
    {
        var run = SchemaHarness.Run(SchemaHarness.Spec(
            Payload(("home", Address()), ("orders", "type: array\nitems:\n  type: object\n  properties:\n    to:\n" + SchemaHarness.Indent(Address(), "      ")))));

        run.CompilationProblems.ShouldBeEmpty();
        Has(run, "PayloadHome").ShouldBeTrue();
        Has(run, "PayloadOrdersItemTo").ShouldBeFalse();
        run.Source(".Models.PayloadOrdersItem.g.cs").ShouldContain("PayloadHome? To { get; init; }");
    }

    [Theory]
    [InlineData("[street, city]", "", "")]
    [InlineData("[street]", ", format: uri", "")]
    [InlineData("[street]", "", ", format: float")]
    public void Objects_that_differ_in_one_required_member_one_format_or_a_nested_shape_are_two_types(string required, string cityFormat, string nested)
    {
        var run = SchemaHarness.Run(SchemaHarness.Spec(Payload(("billing", Address()), ("shipping", Address(required, cityFormat, nested)))));

        run.CompilationProblems.ShouldBeEmpty();
        Has(run, "PayloadBilling").ShouldBeTrue();
        Has(run, "PayloadShipping").ShouldBeTrue();
        Has(run, "PayloadShippingKind").ShouldBeFalse("the enum is the same and still shared");
        Has(run, "PayloadShippingGeo").ShouldBe(nested.Length > 0, "the nested object is shared unless it differs");
    }

    [Fact]
    public void Objects_that_differ_in_nullability_or_in_an_enum_value_are_two_types()
    {
        var nullable = Address().Replace("street: { type: string }", "street: { type: [string, 'null'] }");
        var otherKinds = Address().Replace("[home, work]", "[home, work, other]");
        var run = SchemaHarness.Run(SchemaHarness.Spec(Payload(("billing", Address()), ("shipping", nullable), ("pickup", otherKinds))));

        run.CompilationProblems.ShouldBeEmpty();
        Has(run, "PayloadShipping").ShouldBeTrue();
        Has(run, "PayloadPickup").ShouldBeTrue();
        Has(run, "PayloadPickupKind").ShouldBeTrue();
        Has(run, "PayloadShippingKind").ShouldBeFalse();
    }

    [Fact]
    public void The_shared_type_is_named_by_the_first_occurrence_in_the_spec_whatever_the_order_and_the_output_is_stable()
    {
        var forward = SchemaHarness.Spec(Payload(("billing", Address()), ("shipping", Address())));
        var reversed = SchemaHarness.Spec(Payload(("shipping", Address()), ("billing", Address())));

        var first = SchemaHarness.Run(forward);
        Has(first, "PayloadBilling").ShouldBeTrue();
        Has(first, "PayloadShipping").ShouldBeFalse();

        var other = SchemaHarness.Run(reversed);
        Has(other, "PayloadShipping").ShouldBeTrue();
        Has(other, "PayloadBilling").ShouldBeFalse();

        var again = SchemaHarness.Run(forward);
        again.Sources.Select(s => (s.HintName, Text: s.SourceText.ToString()))
            .ShouldBe(first.Sources.Select(s => (s.HintName, Text: s.SourceText.ToString())));
    }

    [Fact]
    public void Identical_inline_unions_of_plain_values_are_one_type()
    {
        const string Timestamp = "oneOf:\n- type: integer\n- type: string\n  format: date-time";
        var run = SchemaHarness.Run(SchemaHarness.Spec(Payload(("created_at", Timestamp), ("pushed_at", Timestamp))));

        run.CompilationProblems.ShouldBeEmpty();
        Has(run, "PayloadCreatedAt").ShouldBeTrue();
        Has(run, "PayloadPushedAt").ShouldBeFalse();
        run.Source(".Models.Payload.g.cs").ShouldContain("PayloadCreatedAt? PushedAt { get; init; }");
    }

    [Fact]
    public void A_problem_inside_shared_schemas_is_reported_at_each_occurrence()
    {
        var odd = Address().Replace("street: { type: string }", "street: { type: [string, integer] }");
        var run = SchemaHarness.Run(SchemaHarness.Spec(Payload(("billing", odd), ("shipping", odd))));

        run.CompilationProblems.ShouldBeEmpty();
        Has(run, "PayloadShipping").ShouldBeFalse();
        var lines = run.GeneratorDiagnostics.Where(d => d.Id == "WHG008").Select(d => d.Location.GetLineSpan().StartLinePosition.Line).ToList();
        lines.Count.ShouldBe(2);
        lines.Distinct().Count().ShouldBe(2);
    }
}
