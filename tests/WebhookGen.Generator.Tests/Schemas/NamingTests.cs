using System.Linq;
using Shouldly;
using Xunit;
using static WebhookGen.Generator.Tests.Schemas.Generated;

namespace WebhookGen.Generator.Tests.Schemas;

/// <summary>
/// Every name in a spec becomes a valid, unique C# identifier, while readers and writers keep the wire name exactly.
/// The rules are in docs/naming.md.
/// </summary>
public sealed class NamingTests
{
    [Fact]
    public void Property_names_of_every_kind_become_distinct_identifiers_and_keep_their_wire_names()
    {
        var generated = SchemaHarness.Load("""
            Payload:
              type: object
              properties:
                class: { type: string }
                event: { type: string }
                params: { type: string }
                2fa: { type: boolean }
                a-b: { type: string }
                balancePlatform.transfer.created: { type: string }
                /webhooks/payment: { type: string }
                é: { type: string }
                '': { type: string }
                id: { type: string }
                Id: { type: string }
                ID: { type: string }
                payload: { type: string }
                Payload: { type: string }
                Equals: { type: string }
                GetHashCode: { type: string }
                ToString: { type: string }
                GetType: { type: string }
                EqualityContract: { type: string }
                PrintMembers: { type: string }
                Value: { type: string }
                Type: { type: string }
                String: { type: string }
                Object: { type: string }
                Task: { type: string }
                System: { type: string }
                v1.2: { type: string }
                v12: { type: string }
            """);

        var names = PropertyNames(generated.Type("Payload"));
        names.ShouldBe(
        [
            "Class", "Event", "Params", "_2fa", "AB", "BalancePlatformTransferCreated", "WebhooksPayment", "É", "Empty",
            "Id", "Id2", "Id3", "PayloadValue", "PayloadValue2", "EqualsValue", "GetHashCodeValue", "ToStringValue", "GetTypeValue",
            "EqualityContractValue", "PrintMembersValue", "Value", "Type", "String", "Object", "Task", "System", "V1_2", "V12",
        ]);

        var json = """
            {"class":"1","event":"2","params":"3","2fa":true,"a-b":"4","balancePlatform.transfer.created":"5","/webhooks/payment":"6","é":"7","":"8","id":"9","Id":"10","ID":"11","payload":"12","Payload":"13","Equals":"14","GetHashCode":"15","ToString":"16","GetType":"17","EqualityContract":"18","PrintMembers":"19","Value":"20","Type":"21","String":"22","Object":"23","Task":"24","System":"25","v1.2":"26","v12":"27"}
            """.Trim();
        var read = generated.Read("Payload", json);
        Get(read, "Id").ShouldBe("9");
        Get(read, "Id2").ShouldBe("10");
        Get(read, "Id3").ShouldBe("11");
        Get(read, "Empty").ShouldBe("8");
        Get(read, "ToStringValue").ShouldBe("16");
        read.ToString()!.ShouldContain("Payload {");
        generated.Write("Payload", read).ShouldBe(json.Replace("é", "\\u00E9"));
    }

    [Fact]
    public void Schema_names_of_every_kind_become_distinct_type_names()
    {
        var run = SchemaHarness.Run(SchemaHarness.Spec("""
            '0':
              type: object
              properties:
                a: { type: string }
            Pet:
              type: object
              properties:
                a: { type: string }
            pet:
              type: object
              properties:
                b: { type: string }
            PEt:
              type: object
              properties:
                c: { type: string }
            balancePlatform.transfer.created:
              type: object
              properties:
                a: { type: string }
            /webhooks/payment:
              type: object
              properties:
                a: { type: string }
            String:
              type: object
              properties:
                a: { type: string }
            Object:
              type: string
              enum: [x]
            Task:
              type: object
              properties:
                a: { type: string }
            Type:
              type: object
              properties:
                type: { type: string }
            System:
              type: object
              properties:
                a: { type: string }
            Guid:
              type: object
              properties:
                a: { type: string }
            Payload:
              type: object
              properties:
                zero: { $ref: '#/components/schemas/0' }
                pet1: { $ref: '#/components/schemas/Pet' }
                pet2: { $ref: '#/components/schemas/pet' }
                pet3: { $ref: '#/components/schemas/PEt' }
                created: { $ref: '#/components/schemas/balancePlatform.transfer.created' }
                payment: { $ref: '#/components/schemas/~1webhooks~1payment' }
                string: { $ref: '#/components/schemas/String' }
                object: { $ref: '#/components/schemas/Object' }
                task: { $ref: '#/components/schemas/Task' }
                type: { $ref: '#/components/schemas/Type' }
                system: { $ref: '#/components/schemas/System' }
                guid: { $ref: '#/components/schemas/Guid' }
                realGuid: { type: string, format: uuid }
            """));

        run.CompilationProblems.Select(d => d.ToString()).ShouldBeEmpty();
        var hints = run.Sources.Select(s => s.HintName).ToList();
        foreach (var name in new[] { "_0", "Pet", "Pet2", "PEt3", "BalancePlatformTransferCreated", "WebhooksPayment", "String", "Object", "Task", "Type", "System", "Guid" })
        {
            hints.ShouldContain($"Hooks.HookReceiver.Models.{name}.g.cs");
        }

        var generated = Generated.Load(run);
        var read = generated.Read("Payload", """{"zero":{"a":"0"},"pet2":{"b":"b"},"type":{"type":"t"},"realGuid":"3fa85f64-5717-4562-b3fc-2c963f66afa6"}""");
        Get(read, "Zero", "A").ShouldBe("0");
        Get(read, "Pet2", "B").ShouldBe("b");
        Get(read, "Type", "TypeValue").ShouldBe("t");
        Get(read, "RealGuid").ShouldBeOfType<System.Guid>();
    }

    [Fact]
    public void Type_names_that_are_members_of_the_json_context_get_a_metadata_property_of_another_name()
    {
        var run = SchemaHarness.Run(SchemaHarness.Spec("""
            Default:
              type: object
              properties:
                a: { type: string }
            Options:
              type: object
              properties:
                a: { type: string }
            GetTypeInfo:
              type: object
              properties:
                a: { type: string }
            Create:
              type: object
              properties:
                a: { type: string }
            GeneratedSerializerOptions:
              type: object
              properties:
                a: { type: string }
            Equals:
              type: object
              properties:
                a: { type: string }
            Foo:
              type: object
              properties:
                a: { type: string }
            ReadFoo:
              type: object
              properties:
                a: { type: string }
            WriteFoo:
              type: object
              properties:
                a: { type: string }
            HookReceiverJsonContextItem:
              type: object
              properties:
                a: { type: string }
            Payload:
              type: object
              properties:
                default: { $ref: '#/components/schemas/Default' }
                options: { $ref: '#/components/schemas/Options' }
                getTypeInfo: { $ref: '#/components/schemas/GetTypeInfo' }
                create: { $ref: '#/components/schemas/Create' }
                generatedSerializerOptions: { $ref: '#/components/schemas/GeneratedSerializerOptions' }
                equals: { $ref: '#/components/schemas/Equals' }
                foo: { $ref: '#/components/schemas/Foo' }
                readFoo: { $ref: '#/components/schemas/ReadFoo' }
                writeFoo: { $ref: '#/components/schemas/WriteFoo' }
                item: { $ref: '#/components/schemas/HookReceiverJsonContextItem' }
            """));

        run.CompilationProblems.Select(d => d.ToString()).ShouldBeEmpty();
        var context = run.Source(".JsonContext.g.cs");
        foreach (var (type, property) in new[]
        {
            ("Default", "DefaultTypeInfo"), ("Options", "OptionsTypeInfo"), ("GetTypeInfo", "GetTypeInfoTypeInfo"), ("Create", "CreateTypeInfo"),
            ("GeneratedSerializerOptions", "GeneratedSerializerOptionsTypeInfo"), ("EqualsValue", "EqualsValue"), ("Foo", "Foo"),
            ("ReadFoo", "ReadFooTypeInfo"), ("WriteFoo", "WriteFooTypeInfo"), ("Payload", "Payload"),
        })
        {
            context.ShouldContain($"JsonTypeInfo<{type}> {property} =>");
        }

        var generated = Generated.Load(run);
        var contextType = generated.Type("HookReceiverJsonContext");
        var instance = contextType.GetProperty("Default")!.GetValue(null)!;
        contextType.GetProperty("OptionsTypeInfo")!.GetValue(instance).ShouldNotBeNull();
        Get(generated.Read("Payload", """{"default":{"a":"d"},"readFoo":{"a":"r"}}"""), "ReadFoo", "A").ShouldBe("r");
    }

    [Fact]
    public void Type_names_that_are_using_aliases_of_the_generated_files_get_the_suffix_Value()
    {
        var run = SchemaHarness.Run(SchemaHarness.Spec("""
            WebhookJson:
              type: object
              properties:
                a: { type: string }
            WebhookJsonWriter:
              type: object
              properties:
                a: { type: string }
            JsonTokenType:
              type: string
              enum: [x]
            JsonPropertyName:
              type: object
              properties:
                a: { type: string }
            Payload:
              type: object
              properties:
                json: { $ref: '#/components/schemas/WebhookJson' }
                writer: { $ref: '#/components/schemas/WebhookJsonWriter' }
                token: { $ref: '#/components/schemas/JsonTokenType' }
                name: { $ref: '#/components/schemas/JsonPropertyName' }
            """));

        run.CompilationProblems.Select(d => d.ToString()).ShouldBeEmpty();
        var hints = run.Sources.Select(s => s.HintName).ToList();
        foreach (var name in new[] { "WebhookJsonValue", "WebhookJsonWriterValue", "JsonTokenTypeValue", "JsonPropertyNameValue" })
        {
            hints.ShouldContain($"Hooks.HookReceiver.Models.{name}.g.cs");
        }

        var read = Generated.Load(run).Read("Payload", """{"json":{"a":"j"},"token":"x","name":{"a":"n"}}""");
        Get(read, "Json", "A").ShouldBe("j");
        Get(read, "Name", "A").ShouldBe("n");
    }

    [Fact]
    public void A_namespace_less_receiver_compiles_with_types_named_like_system_types()
    {
        var spec = SchemaHarness.Spec("""
            Task:
              type: object
              properties:
                a: { type: string }
            Payload:
              type: object
              properties:
                task: { $ref: '#/components/schemas/Task' }
                when: { type: string, format: date-time }
            """);
        var receiver = SchemaHarness.ReceiverDeclaration().Replace("namespace Hooks;", string.Empty);
        var first = Infrastructure.GeneratorHarness.Run(receiver, new Infrastructure.InMemoryAdditionalText("/app/hooks.yaml", spec));

        first.CompilationProblems.Where(d => d.Id != "CS8795").Select(d => d.ToString()).ShouldBeEmpty();
    }
}
