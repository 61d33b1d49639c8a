using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Shouldly;
using Xunit;
using static WebhookGen.Generator.Tests.Schemas.Generated;

namespace WebhookGen.Generator.Tests.Schemas;

/// <summary>Nullability, <c>const</c>, enums, arrays, maps and formats.</summary>
public sealed class ValueTypeTests
{
    [Fact]
    public void Nullable_is_read_from_a_type_array_and_from_3_0_nullable()
    {
        var spec31 = SchemaHarness.Run(SchemaHarness.Spec("""
            Payload:
              type: object
              required: [a, b]
              properties:
                a: { type: [string, 'null'] }
                b: { type: string }
            """));
        var spec30 = SchemaHarness.Run(SchemaHarness.Spec(
            """
            Payload:
              type: object
              required: [a, b]
              properties:
                a: { type: string, nullable: true }
                b: { type: string }
            """,
            version: "3.0.3"));

        foreach (var run in new[] { spec31, spec30 })
        {
            run.CompilationProblems.ShouldBeEmpty();
            var payload = run.Source(".Models.Payload.g.cs");
            payload.ShouldContain("public required string? A { get; init; }");
            payload.ShouldContain("public required string B { get; init; }");
        }

        var generated = Generated.Load(spec30);
        Get(generated.Read("Payload", """{"a":null,"b":"x"}"""), "A").ShouldBeNull();
        generated.ReadError("Payload", """{"a":"x","b":null}""").ShouldContain("'b'");
    }

    [Fact]
    public void A_string_const_is_an_open_enum_of_one_value()
    {
        var generated = SchemaHarness.Load("""
            Payload:
              type: object
              required: [type]
              properties:
                type: { const: invoice.paid }
                version: { type: string, const: '2' }
                count: { const: 3 }
            """);

        var type = generated.Type("PayloadType");
        type.IsValueType.ShouldBeTrue();
        type.GetProperty("InvoicePaid")!.GetValue(null)!.ToString().ShouldBe("invoice.paid");
        generated.Type("PayloadVersion").GetProperty("_2").ShouldNotBeNull();
        generated.Type("Payload").GetProperty("Count")!.PropertyType.ShouldBe(typeof(JsonElement?));
        var read = generated.Read("Payload", """{"type":"invoice.voided","count":3}""");
        Get(read, "Type")!.ToString().ShouldBe("invoice.voided");
        Get(Get(read, "Type")!, "IsDefined").ShouldBe(false);
    }

    [Fact]
    public void String_enum_values_that_are_not_identifiers_get_valid_distinct_names_and_keep_their_value()
    {
        var generated = SchemaHarness.Load("""
            Payload:
              type: object
              properties:
                v:
                  type: string
                  enum: ['2.0', 'a-b', '', 'é', 'on', 'ON', 'class', 'Value', 'ToString', 'Payload', '-1', '+1', '*', '1', null]
            """);

        var type = generated.Type("PayloadV");
        var members = type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .ToDictionary(p => p.Name, p => p.GetValue(null)!.ToString());
        members.ShouldBe(new Dictionary<string, string?>
        {
            ["_2_0"] = "2.0",
            ["AB"] = "a-b",
            ["Empty"] = "",
            ["É"] = "é",
            ["On"] = "on",
            ["On2"] = "ON",
            ["Class"] = "class",
            ["ValueValue"] = "Value",
            ["ToStringValue"] = "ToString",
            ["Payload"] = "Payload",
            ["Minus1"] = "-1",
            ["Plus1"] = "+1",
            ["Asterisk"] = "*",
            ["_1"] = "1",
        }, ignoreOrder: true);
        type.GetNestedType("Values")!.GetField("On2")!.GetValue(null).ShouldBe("ON");
        Get(generated.Read("Payload", """{"v":"ON"}"""), "V")!.ToString().ShouldBe("ON");
    }

    [Fact]
    public void An_integer_enum_is_an_open_enum_over_long_that_keeps_unknown_values()
    {
        var generated = SchemaHarness.Load("""
            Priority:
              type: integer
              enum: [1, 2, -1]
              x-enum-varnames: [Low, High, Unset]
            Code:
              type: integer
              enum: [200, 404]
            Payload:
              type: object
              required: [priority]
              properties:
                priority: { $ref: '#/components/schemas/Priority' }
                codes:
                  type: array
                  items: { $ref: '#/components/schemas/Code' }
            """);

        var priority = generated.Type("Priority");
        priority.GetProperty("Value")!.PropertyType.ShouldBe(typeof(long));
        priority.GetNestedType("Values")!.GetField("Unset")!.GetValue(null).ShouldBe(-1L);
        generated.Type("Code").GetProperty("_404").ShouldNotBeNull();
        var read = generated.Read("Payload", """{"priority":7,"codes":[404,500]}""");
        Get(Get(read, "Priority")!, "Value").ShouldBe(7L);
        Get(Get(read, "Priority")!, "IsDefined").ShouldBe(false);
        ((IEnumerable)Get(read, "Codes")!).Cast<object>().Select(c => Get(c, "IsDefined")).ShouldBe([true, false]);
        generated.Write("Payload", read).ShouldBe("""{"priority":7,"codes":[404,500]}""");
        generated.ReadError("Payload", """{"priority":"high"}""").ShouldContain("'priority'");
    }

    [Fact]
    public void Arrays_of_primitives_objects_arrays_and_nullable_items_read_and_write()
    {
        var generated = SchemaHarness.Load("""
            Point:
              type: object
              properties:
                x: { type: integer, format: int32 }
            Payload:
              type: object
              properties:
                names: { type: array, items: { type: string } }
                points: { type: array, items: { $ref: '#/components/schemas/Point' } }
                grid: { type: array, items: { type: array, items: { type: number } } }
                maybe: { type: array, items: { type: [integer, 'null'] } }
                inline:
                  type: array
                  items:
                    type: object
                    properties:
                      y: { type: boolean }
            """);

        var json = """{"names":["a","b"],"points":[{"x":1}],"grid":[[1.5],[]],"maybe":[1,null],"inline":[{"y":true}]}""";
        var read = generated.Read("Payload", json);
        generated.Type("PayloadInlineItem").ShouldNotBeNull();
        ((IEnumerable)Get(read, "Maybe")!).Cast<object?>().ShouldBe([1L, null]);
        generated.Write("Payload", read).ShouldBe(json);
        generated.ReadError("Payload", """{"points":[{"x":1},{"x":"2"}]}""").ShouldContain("'points[1].x'");
        generated.ReadError("Payload", """{"names":["a",null]}""").ShouldContain("'names[1]'");
    }

    [Fact]
    public void Maps_are_read_from_additional_properties_with_a_schema_or_true()
    {
        var run = SchemaHarness.Run(SchemaHarness.Spec("""
            Payload:
              type: object
              properties:
                counts:
                  type: object
                  additionalProperties: { type: integer }
                anything:
                  type: object
                  additionalProperties: true
                free:
                  type: object
                objects:
                  type: object
                  additionalProperties:
                    type: object
                    properties:
                      z: { type: string }
            """));

        run.CompilationProblems.ShouldBeEmpty();
        var payload = run.Source(".Models.Payload.g.cs");
        payload.ShouldContain("IReadOnlyDictionary<string, long>? Counts");
        payload.ShouldContain("IReadOnlyDictionary<string, global::System.Text.Json.JsonElement>? Anything");
        payload.ShouldContain("IReadOnlyDictionary<string, global::System.Text.Json.JsonElement>? Free");
        payload.ShouldContain("IReadOnlyDictionary<string, PayloadObjectsValue>? Objects");
        var generated = Generated.Load(run);
        var json = """{"counts":{"a":1},"anything":{"b":[true],"c":null},"objects":{"k":{"z":"v"}}}""";
        generated.Write("Payload", generated.Read("Payload", json)).ShouldBe(json);
    }

    [Fact]
    public void Formats_map_to_their_dotnet_types_and_unknown_ones_to_the_base_type()
    {
        var run = SchemaHarness.Run(SchemaHarness.Spec("""
            Payload:
              type: object
              required: [uuid, dateTime, date, time, byte, binary, int32, int64, float, double, decimal, uri, email, uint16, uint32, uint64, odd, oddNumber]
              properties:
                uuid: { type: string, format: uuid }
                dateTime: { type: string, format: date-time }
                date: { type: string, format: date }
                time: { type: string, format: time }
                byte: { type: string, format: byte }
                binary: { type: string, format: binary }
                int32: { type: integer, format: int32 }
                int64: { type: integer, format: int64 }
                float: { type: number, format: float }
                double: { type: number, format: double }
                decimal: { type: number, format: decimal }
                uri: { type: string, format: uri }
                email: { type: string, format: email }
                uint16: { type: integer, format: uint16 }
                uint32: { type: integer, format: uint32 }
                uint64: { type: integer, format: uint64 }
                odd: { type: string, format: x-odd }
                oddNumber: { type: integer, format: x-odd }
            """));

        run.CompilationProblems.ShouldBeEmpty();
        var generated = Generated.Load(run);
        var types = generated.Type("Payload").GetProperties().ToDictionary(p => p.Name, p => p.PropertyType);
        types["Uuid"].ShouldBe(typeof(Guid));
        types["DateTime"].ShouldBe(typeof(DateTimeOffset));
        types["Date"].ShouldBe(typeof(DateOnly));
        types["Time"].ShouldBe(typeof(string));
        types["Byte"].ShouldBe(typeof(byte[]));
        types["Binary"].ShouldBe(typeof(string));
        types["Int32"].ShouldBe(typeof(int));
        types["Int64"].ShouldBe(typeof(long));
        types["Float"].ShouldBe(typeof(float));
        types["Double"].ShouldBe(typeof(double));
        types["Decimal"].ShouldBe(typeof(decimal));
        types["Uri"].ShouldBe(typeof(Uri));
        types["Email"].ShouldBe(typeof(string));
        types["Uint16"].ShouldBe(typeof(ushort));
        types["Uint32"].ShouldBe(typeof(uint));
        types["Uint64"].ShouldBe(typeof(ulong));
        types["Odd"].ShouldBe(typeof(string));
        types["OddNumber"].ShouldBe(typeof(long));

        var json = """{"uuid":"3fa85f64-5717-4562-b3fc-2c963f66afa6","dateTime":"2024-05-01T12:00:00+02:00","date":"2024-05-01","time":"12:00:00Z","byte":"AQI=","binary":"raw","int32":1,"int64":9007199254740993,"float":1.5,"double":2.5,"decimal":0.1,"uri":"https://x.test/a","email":"a@x.test","uint16":65535,"uint32":4294967295,"uint64":18446744073709551615,"odd":"o","oddNumber":2}""";
        generated.Write("Payload", generated.Read("Payload", json)).ShouldBe(json);
        generated.ReadError("Payload", json.Replace("65535", "65536")).ShouldContain("'uint16'");
        generated.ReadError("Payload", json.Replace("\"uint32\":4294967295", "\"uint32\":-1")).ShouldContain("'uint32'");
    }
}
