using Shouldly;
using Xunit;
using static WebhookGen.Generator.Tests.Schemas.Generated;

namespace WebhookGen.Generator.Tests.Schemas;

/// <summary>Inline schemas are named from where they stand; siblings of <c>$ref</c>; <c>readOnly</c> and <c>writeOnly</c>.</summary>
public sealed class InlineSchemaTests
{
    [Fact]
    public void Inline_objects_enums_items_map_values_and_union_members_are_named_from_where_they_stand()
    {
        var run = SchemaHarness.Run(SchemaHarness.Spec("""
            Payload:
              type: object
              properties:
                shipping-address:
                  type: object
                  properties:
                    kind: { type: string, enum: [home, work] }
                lines:
                  type: array
                  items:
                    type: object
                    properties:
                      sku: { type: string }
                byRegion:
                  type: object
                  additionalProperties:
                    type: object
                    properties:
                      total: { type: integer }
                source:
                  oneOf:
                  - type: object
                    title: card
                    properties:
                      kind: { const: card }
                  - type: object
                    properties:
                      kind: { const: bank_account }
                  discriminator:
                    propertyName: kind
            """));

        run.CompilationProblems.ShouldBeEmpty();
        foreach (var name in new[] { "PayloadShippingAddress", "PayloadShippingAddressKind", "PayloadLinesItem", "PayloadByRegionValue", "PayloadSource", "PayloadSourceCard", "PayloadSourceBankAccount" })
        {
            run.Sources.ShouldContain(s => s.HintName.EndsWith($".Models.{name}.g.cs"), name);
        }

        var generated = Generated.Load(run);
        Get(generated.Read("Payload", """{"source":{"kind":"bank_account"}}"""), "Source")!.GetType().Name.ShouldBe("PayloadSourceBankAccount");
    }

    [Fact]
    public void A_description_beside_a_ref_documents_the_property_and_the_type_keeps_its_own()
    {
        var run = SchemaHarness.Run(SchemaHarness.Spec("""
            Money:
              type: object
              description: An amount in a currency.
              properties:
                value: { type: integer }
            Payload:
              type: object
              properties:
                fee:
                  $ref: '#/components/schemas/Money'
                  description: The fee charged.
                total:
                  $ref: '#/components/schemas/Money'
            """));

        run.CompilationProblems.ShouldBeEmpty();
        var payload = run.Source(".Models.Payload.g.cs");
        payload.ShouldContain("/// <summary>The fee charged.</summary>");
        payload.ShouldContain("/// <summary>An amount in a currency.</summary>");
        run.Source(".Models.Money.g.cs").ShouldContain("/// <summary>An amount in a currency.</summary>");
        run.Source(".Models.Money.g.cs").ShouldNotContain("fee");
    }

    [Fact]
    public void Read_only_and_write_only_properties_are_read_like_any_other()
    {
        var generated = SchemaHarness.Load("""
            Payload:
              type: object
              required: [id, secret]
              properties:
                id: { type: string, readOnly: true }
                secret: { type: string, writeOnly: true }
            """);

        var read = generated.Read("Payload", """{"id":"a","secret":"s"}""");
        Get(read, "Id").ShouldBe("a");
        Get(read, "Secret").ShouldBe("s");
        generated.ReadError("Payload", """{"secret":"s"}""").ShouldContain("'id'");
    }
}
