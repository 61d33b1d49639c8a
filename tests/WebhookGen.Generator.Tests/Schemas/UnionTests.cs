using System.Collections;
using System.Linq;
using System.Text.Json;
using Shouldly;
using Xunit;
using static WebhookGen.Generator.Tests.Schemas.Generated;

namespace WebhookGen.Generator.Tests.Schemas;

/// <summary><c>oneOf</c>/<c>anyOf</c>: an abstract record read by its members' readers.</summary>
public sealed class UnionTests
{
    private const string Pets = """
        Cat:
          type: object
          required: [kind, lives]
          properties:
            kind: { type: string }
            lives: { type: integer, format: int32 }
        Dog:
          type: object
          required: [bark]
          properties:
            bark: { type: string }
        Pet:
          oneOf:
          - $ref: '#/components/schemas/Cat'
          - $ref: '#/components/schemas/Dog'
          discriminator:
            propertyName: kind
            mapping:
              cat: '#/components/schemas/Cat'
              kitten: '#/components/schemas/Cat'
              dog: '#/components/schemas/Dog'
        Payload:
          type: object
          required: [pet]
          properties:
            pet: { $ref: '#/components/schemas/Pet' }
            pets:
              type: array
              items: { $ref: '#/components/schemas/Pet' }
        """;

    [Fact]
    public void A_discriminated_union_is_an_abstract_record_whose_members_derive_from_it()
    {
        var generated = SchemaHarness.Load(Pets);

        generated.Type("Pet").IsAbstract.ShouldBeTrue();
        generated.Type("Cat").BaseType!.Name.ShouldBe("Pet");
        generated.Type("Dog").BaseType!.Name.ShouldBe("Pet");
        generated.Type("PetUnknown").BaseType!.Name.ShouldBe("Pet");
    }

    [Fact]
    public void The_reader_dispatches_on_the_discriminator_wherever_it_stands_in_the_object()
    {
        var generated = SchemaHarness.Load(Pets);

        var payload = generated.Read("Payload", """
            {"pet":{"lives":9,"extra":{"kind":"dog"},"kind":"kitten"},
             "pets":[{"bark":"woof","kind":"dog"},{"kind":"cat","lives":3}]}
            """);

        var pet = Get(payload, "Pet")!;
        pet.GetType().Name.ShouldBe("Cat");
        Get(pet, "Lives").ShouldBe(9);
        Get(pet, "Kind").ShouldBe("kitten");
        ((IEnumerable)Get(payload, "Pets")!).Cast<object>().Select(p => p.GetType().Name).ShouldBe(["Dog", "Cat"]);
    }

    [Fact]
    public void An_unknown_or_missing_discriminator_is_read_as_the_unknown_member_and_never_fails()
    {
        var generated = SchemaHarness.Load(Pets);

        var unknown = Get(generated.Read("Payload", """{"pet":{"kind":"parrot","words":["hello"]}}"""), "Pet")!;
        unknown.GetType().Name.ShouldBe("PetUnknown");
        Get(unknown, "Kind").ShouldBe("parrot");
        ((JsonElement)Get(unknown, "Json")!).GetProperty("words")[0].GetString().ShouldBe("hello");

        var missing = Get(generated.Read("Payload", """{"pet":{"name":"x"}}"""), "Pet")!;
        missing.GetType().Name.ShouldBe("PetUnknown");
        Get(missing, "Kind").ShouldBeNull();

        var notAString = Get(generated.Read("Payload", """{"pet":{"kind":7}}"""), "Pet")!;
        notAString.GetType().Name.ShouldBe("PetUnknown");
    }

    [Fact]
    public void A_known_member_that_is_invalid_fails_naming_the_property()
    {
        var generated = SchemaHarness.Load(Pets);

        generated.ReadError("Payload", """{"pet":{"kind":"dog"}}""").ShouldContain("'pet.bark'");
        generated.ReadError("Payload", """{"pet":[]}""").ShouldContain("'pet'");
    }

    [Fact]
    public void Writing_a_union_writes_its_member_and_adds_the_discriminator_a_member_does_not_declare()
    {
        var generated = SchemaHarness.Load(Pets);

        var json = """{"pet":{"bark":"woof","kind":"dog"},"pets":[{"kind":"cat","lives":1},{"kind":"eel","x":[1,2]}]}""";
        var written = generated.Write("Payload", generated.Read("Payload", json));

        written.ShouldBe("""{"pet":{"kind":"dog","bark":"woof"},"pets":[{"kind":"cat","lives":1},{"kind":"eel","x":[1,2]}]}""");
        Get(generated.Read("Payload", written), "Pet")!.GetType().Name.ShouldBe("Dog");
    }

    [Fact]
    public void Without_a_mapping_a_member_is_selected_by_its_constant_or_else_by_its_schema_name()
    {
        var generated = SchemaHarness.Load("""
            TextPart:
              type: object
              required: [type, text]
              properties:
                type: { type: string, enum: [text] }
                text: { type: string }
            ImagePart:
              type: object
              properties:
                type: { type: string }
                url: { type: string, format: uri }
            Part:
              oneOf:
              - $ref: '#/components/schemas/TextPart'
              - $ref: '#/components/schemas/ImagePart'
              discriminator:
                propertyName: type
            Payload:
              type: object
              properties:
                part: { $ref: '#/components/schemas/Part' }
            """);

        Get(generated.Read("Payload", """{"part":{"type":"text","text":"hi"}}"""), "Part")!.GetType().Name.ShouldBe("TextPart");
        Get(generated.Read("Payload", """{"part":{"type":"ImagePart","url":"https://x.test/a.png"}}"""), "Part")!.GetType().Name.ShouldBe("ImagePart");
        Get(generated.Read("Payload", """{"part":{"type":"TextPart","text":"hi"}}"""), "Part")!.GetType().Name.ShouldBe("PartUnknown");
    }

    [Fact]
    public void Members_that_share_a_base_give_it_to_the_union_so_what_they_share_is_on_the_union()
    {
        var generated = SchemaHarness.Load("""
            Event:
              type: object
              required: [id, type]
              properties:
                id: { type: string }
                type: { type: string }
            Created:
              allOf:
              - $ref: '#/components/schemas/Event'
              - properties:
                  name: { type: string }
            Deleted:
              allOf:
              - $ref: '#/components/schemas/Event'
              - properties:
                  reason: { type: string }
            AnyEvent:
              oneOf:
              - $ref: '#/components/schemas/Created'
              - $ref: '#/components/schemas/Deleted'
              discriminator:
                propertyName: type
                mapping:
                  created: '#/components/schemas/Created'
                  deleted: '#/components/schemas/Deleted'
            Payload:
              type: object
              properties:
                event: { $ref: '#/components/schemas/AnyEvent' }
            """);

        var union = generated.Type("AnyEvent");
        union.BaseType!.Name.ShouldBe("Event");
        union.GetProperty("Id").ShouldNotBeNull();
        generated.Type("Created").BaseType.ShouldBe(union);

        var unknown = Get(generated.Read("Payload", """{"event":{"id":"e1","type":"archived"}}"""), "Event")!;
        unknown.GetType().Name.ShouldBe("AnyEventUnknown");
        Get(unknown, "Id").ShouldBe("e1");
        Get(unknown, "Type").ShouldBe("archived");
        var created = Get(generated.Read("Payload", """{"event":{"id":"e2","type":"created","name":"n"}}"""), "Event")!;
        Get(created, "Name").ShouldBe("n");
    }

    [Fact]
    public void Members_that_derive_from_the_union_itself_inherit_its_properties()
    {
        var generated = SchemaHarness.Load("""
            Shape:
              type: object
              required: [shapeType]
              properties:
                shapeType: { type: string }
                color: { type: string }
              discriminator:
                propertyName: shapeType
                mapping:
                  circle: '#/components/schemas/Circle'
                  square: '#/components/schemas/Square'
            Circle:
              allOf:
              - $ref: '#/components/schemas/Shape'
              - properties:
                  radius: { type: number }
            Square:
              allOf:
              - $ref: '#/components/schemas/Shape'
              - properties:
                  side: { type: number }
            Payload:
              type: object
              properties:
                shape: { $ref: '#/components/schemas/Shape' }
            """);

        generated.Type("Shape").IsAbstract.ShouldBeTrue();
        var circle = Get(generated.Read("Payload", """{"shape":{"shapeType":"circle","color":"red","radius":2.5}}"""), "Shape")!;
        circle.GetType().Name.ShouldBe("Circle");
        Get(circle, "Color").ShouldBe("red");
        Get(circle, "Radius").ShouldBe(2.5);
        var unknown = Get(generated.Read("Payload", """{"shape":{"shapeType":"star","color":"gold"}}"""), "Shape")!;
        unknown.GetType().Name.ShouldBe("ShapeUnknown");
        Get(unknown, "Color").ShouldBe("gold");
    }

    [Fact]
    public void A_record_in_two_unions_derives_from_the_first_and_is_wrapped_in_the_second()
    {
        var generated = SchemaHarness.Load("""
            A:
              type: object
              properties:
                t: { type: string }
                a: { type: string }
            B:
              type: object
              properties:
                t: { type: string }
            First:
              oneOf: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/B' }]
              discriminator: { propertyName: t }
            Second:
              anyOf: [{ $ref: '#/components/schemas/A' }]
              discriminator: { propertyName: t, mapping: { x: '#/components/schemas/A' } }
            Payload:
              type: object
              properties:
                first: { $ref: '#/components/schemas/First' }
                second: { $ref: '#/components/schemas/Second' }
            """);

        generated.Type("A").BaseType!.Name.ShouldBe("First");
        var payload = generated.Read("Payload", """{"first":{"t":"A","a":"1"},"second":{"t":"x","a":"2"}}""");
        Get(payload, "First")!.GetType().Name.ShouldBe("A");
        var second = Get(payload, "Second")!;
        second.GetType().Name.ShouldBe("SecondA");
        Get(second, "Value", "AValue").ShouldBe("2");
        generated.Write("Payload", payload).ShouldBe("""{"first":{"t":"A","a":"1"},"second":{"t":"x","a":"2"}}""");
    }

    [Fact]
    public void Members_of_different_JSON_kinds_are_told_apart_by_kind()
    {
        var generated = SchemaHarness.Load("""
            Customer:
              type: object
              properties:
                id: { type: string }
            Payload:
              type: object
              properties:
                customer:
                  anyOf:
                  - type: string
                  - $ref: '#/components/schemas/Customer'
                  - type: array
                    items: { type: integer }
                  - type: 'null'
            """);

        generated.Type("PayloadCustomer").IsAbstract.ShouldBeTrue();
        var asString = Get(generated.Read("Payload", """{"customer":"cus_1"}"""), "Customer")!;
        asString.GetType().Name.ShouldBe("PayloadCustomerString");
        Get(asString, "Value").ShouldBe("cus_1");
        var asObject = Get(generated.Read("Payload", """{"customer":{"id":"cus_2"}}"""), "Customer")!;
        asObject.GetType().Name.ShouldBe("PayloadCustomerCustomer");
        Get(asObject, "Value", "Id").ShouldBe("cus_2");
        Get(generated.Read("Payload", """{"customer":[1,2]}"""), "Customer")!.GetType().Name.ShouldBe("PayloadCustomerList");
        Get(generated.Read("Payload", """{"customer":null}"""), "Customer").ShouldBeNull();
        generated.ReadError("Payload", """{"customer":true}""").ShouldContain("'customer'");
        generated.Write("Payload", generated.Read("Payload", """{"customer":{"id":"c"}}""")).ShouldBe("""{"customer":{"id":"c"}}""");
        generated.Write("Payload", generated.Read("Payload", """{"customer":"c"}""")).ShouldBe("""{"customer":"c"}""");
    }

    [Fact]
    public void An_inline_object_member_told_apart_by_kind_derives_from_the_union()
    {
        var generated = SchemaHarness.Load("""
            Payload:
              type: object
              properties:
                value:
                  oneOf:
                  - type: integer
                  - type: object
                    properties:
                      amount: { type: integer }
            """);

        var value = Get(generated.Read("Payload", """{"value":{"amount":5}}"""), "Value")!;
        value.GetType().BaseType!.Name.ShouldBe("PayloadValue");
        Get(value, "Amount").ShouldBe(5L);
        Get(Get(generated.Read("Payload", """{"value":5}"""), "Value")!, "Value").ShouldBe(5L);
    }

    [Fact]
    public void A_union_with_null_is_the_other_member_nullable()
    {
        var run = SchemaHarness.Run(SchemaHarness.Spec("""
            Item:
              type: object
              properties:
                x: { type: string }
            Payload:
              type: object
              required: [item, name, count]
              properties:
                item:
                  oneOf:
                  - $ref: '#/components/schemas/Item'
                  - type: 'null'
                name:
                  anyOf: [{ type: string }, { type: 'null' }]
                count:
                  type: [integer, 'null']
            """));

        run.CompilationProblems.ShouldBeEmpty();
        var payload = run.Source(".Models.Payload.g.cs");
        payload.ShouldContain("public required Item? Item { get; init; }");
        payload.ShouldContain("public required string? Name { get; init; }");
        payload.ShouldContain("public required long? Count { get; init; }");
        run.GeneratorDiagnostics.ShouldNotContain(d => d.Id == "WHG008");
    }

    [Fact]
    public void Strings_and_string_enums_are_one_open_enum()
    {
        var generated = SchemaHarness.Load("""
            Letter:
              type: string
              enum: [a, b]
            Digit:
              type: string
              enum: [one, two]
            Payload:
              type: object
              properties:
                knownOrAny:
                  anyOf:
                  - type: string
                  - $ref: '#/components/schemas/Letter'
                either:
                  oneOf:
                  - $ref: '#/components/schemas/Letter'
                  - $ref: '#/components/schemas/Digit'
            """);

        generated.Type("Payload").GetProperty("KnownOrAny")!.PropertyType.ToString().ShouldContain("Letter");
        var either = generated.Type("PayloadEither");
        either.GetProperty("One")!.GetValue(null)!.ToString().ShouldBe("one");
        either.GetProperty("B")!.GetValue(null)!.ToString().ShouldBe("b");
        Get(generated.Read("Payload", """{"either":"zzz"}"""), "Either")!.ToString().ShouldBe("zzz");
    }

    [Fact]
    public void Members_that_cannot_be_told_apart_are_raw_json_with_a_warning()
    {
        var run = SchemaHarness.Run(SchemaHarness.Spec("""
            A:
              type: object
              properties:
                a: { type: string }
            B:
              type: object
              properties:
                b: { type: string }
            Payload:
              type: object
              properties:
                ab:
                  oneOf:
                  - $ref: '#/components/schemas/A'
                  - $ref: '#/components/schemas/B'
            """));

        run.CompilationProblems.ShouldBeEmpty();
        run.GeneratorDiagnostics.ShouldContain(d => d.Id == "WHG008" && d.GetMessage().Contains("oneOf"));
        run.Source(".Models.Payload.g.cs").ShouldContain("global::System.Text.Json.JsonElement? Ab");
    }

    [Fact]
    public void A_union_as_the_event_body_is_what_the_handler_receives()
    {
        var run = SchemaHarness.Run(SchemaHarness.Spec("""
            Cat:
              type: object
              properties:
                kind: { type: string }
            Dog:
              type: object
              properties:
                kind: { type: string }
            Payload:
              oneOf:
              - $ref: '#/components/schemas/Cat'
              - $ref: '#/components/schemas/Dog'
              discriminator:
                propertyName: kind
            """));

        run.CompilationProblems.ShouldBeEmpty();
        run.Source(".Receiver.g.cs").ShouldContain("global::Hooks.Payload payload");
        run.Source(".Webhooks.g.cs").ShouldContain("global::Hooks.HookReceiverJsonContext.ReadPayload");
        var generated = Generated.Load(run);
        generated.Read("Payload", """{"kind":"Dog"}""").GetType().Name.ShouldBe("Dog");
    }

    [Fact]
    public void The_same_inline_union_in_two_places_is_one_type()
    {
        var run = SchemaHarness.Run(SchemaHarness.Spec("""
            A:
              type: object
              properties:
                t: { type: string }
            B:
              type: object
              properties:
                t: { type: string }
            Payload:
              type: object
              properties:
                one:
                  oneOf: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/B' }]
                  discriminator: { propertyName: t }
                two:
                  oneOf: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/B' }]
                  discriminator: { propertyName: t }
            """));

        run.CompilationProblems.ShouldBeEmpty();
        var payload = run.Source(".Models.Payload.g.cs");
        payload.ShouldContain("PayloadOne? One");
        payload.ShouldContain("PayloadOne? Two");
        run.Sources.ShouldNotContain(s => s.HintName.Contains("PayloadTwo"));
    }

    [Fact]
    public void A_member_that_cannot_derive_from_a_union_with_properties_is_wrapped_and_reads_and_writes_one_object()
    {
        var generated = SchemaHarness.Load("""
            Label:
              type: object
              required: [text]
              properties:
                text: { type: string }
            Node:
              type: object
              required: [nodeType, id]
              properties:
                nodeType: { type: string }
                id: { type: string }
              discriminator:
                propertyName: nodeType
                mapping:
                  label: '#/components/schemas/Label'
            Payload:
              type: object
              properties:
                node: { $ref: '#/components/schemas/Node' }
            """);

        var node = Get(generated.Read("Payload", """{"node":{"text":"hi","nodeType":"label","id":"n1"}}"""), "Node")!;
        node.GetType().Name.ShouldBe("NodeLabel");
        Get(node, "Id").ShouldBe("n1");
        Get(node, "Value", "Text").ShouldBe("hi");
        generated.Write("Payload", generated.Read("Payload", """{"node":{"text":"hi","nodeType":"label","id":"n1"}}"""))
            .ShouldBe("""{"node":{"text":"hi","nodeType":"label","id":"n1"}}""");
        generated.ReadError("Payload", """{"node":{"text":"hi","nodeType":"label"}}""").ShouldContain("'node.id'");
    }

    [Fact]
    public void Members_that_allOf_the_union_that_lists_them_derive_from_it_whichever_is_read_first()
    {
        var generated = SchemaHarness.Load("""
            Payload:
              $ref: '#/components/schemas/Cat'
            Cat:
              allOf:
              - $ref: '#/components/schemas/Pet'
              - properties:
                  lives: { type: integer }
            Dog:
              allOf:
              - $ref: '#/components/schemas/Pet'
              - properties:
                  bark: { type: string }
            Pet:
              type: object
              required: [petType]
              properties:
                petType: { type: string }
              oneOf:
              - $ref: '#/components/schemas/Cat'
              - $ref: '#/components/schemas/Dog'
              discriminator:
                propertyName: petType
            """);

        generated.Type("Cat").BaseType!.Name.ShouldBe("Pet");
        generated.Type("Dog").BaseType!.Name.ShouldBe("Pet");
        generated.Type("Pet").IsAbstract.ShouldBeTrue();
        generated.Read("Pet", """{"petType":"Dog","bark":"woof"}""").GetType().Name.ShouldBe("Dog");
        Get(generated.Read("Cat", """{"petType":"Cat","lives":9}"""), "Lives").ShouldBe(9L);
        generated.ReadError("Cat", """{"lives":9}""").ShouldContain("'petType'");
    }
}
