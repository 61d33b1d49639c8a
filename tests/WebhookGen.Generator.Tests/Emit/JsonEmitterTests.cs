using System;
using System.Linq;
using Shouldly;
using WebhookGen.Generator.Diagnostics;
using WebhookGen.Generator.Emit;
using WebhookGen.Generator.Helpers;
using WebhookGen.Generator.Model;
using Xunit;

namespace WebhookGen.Generator.Tests.Emit;

/// <summary>
/// The JSON context emitter on a spec model written by hand (one record, no event): the reader, the writer and the
/// metadata lookup it writes for a record.
/// </summary>
public sealed class JsonEmitterTests
{
    private static readonly ReceiverDeclaration Receiver = new("Shop", "ShopReceiver", IsPublic: true, "spec.yaml", Location: null, Error: null);

    private static readonly ObjectTypeModel Order = Record("Order",
        new PropertyModel("id", "Id", new TypeRef(ValueKind.String), IsRequired: true, IsNullable: false, null),
        new PropertyModel("total_cents", "TotalCents", new TypeRef(ValueKind.Int64), IsRequired: false, IsNullable: true, null));

    [Fact]
    public void A_reader_reads_each_wire_name_on_one_line_and_checks_the_required_ones_with_one_mask()
    {
        Method(Emit(Order), "internal static Order ReadOrder(").ShouldBe("""
                internal static Order ReadOrder(ref global::System.Text.Json.Utf8JsonReader reader)
                {
                    WebhookJson.StartObject(ref reader, null);
                    string? idValue = default;
                    long? totalCentsValue = default;
                    ulong seen = 0;

                    while (WebhookJson.NextProperty(ref reader))
                    {
                        if (reader.ValueTextEquals("id"u8)) { reader.Read(); idValue = WebhookJson.ReadString(ref reader, "id"); seen |= 1UL << 0; continue; }
                        if (reader.ValueTextEquals("total_cents"u8)) { reader.Read(); totalCentsValue = reader.TokenType == JsonTokenType.Null ? null : WebhookJson.ReadInt64(ref reader, "total_cents"); continue; }

                        WebhookJson.SkipValue(ref reader);
                    }

                    if (seen != 0x1)
                    {
                        WebhookJson.RequiredMissing(seen, "id");
                    }

                    return new Order
                    {
                        Id = idValue!,
                        TotalCents = totalCentsValue,
                    };
                }
            """.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void A_writer_writes_each_property_under_its_wire_name()
    {
        Method(Emit(Order), "internal static void WriteOrder(").ShouldBe("""
                internal static void WriteOrder(global::System.Text.Json.Utf8JsonWriter writer, Order value)
                {
                    writer.WriteStartObject();
                    WebhookJsonWriter.WriteProperty(writer, "id"u8, value.Id);
                    WebhookJsonWriter.WriteProperty(writer, "total_cents"u8, value.TotalCents);
                    writer.WriteEndObject();
                }
            """.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void The_context_finds_each_record_s_metadata_by_its_index()
    {
        var line = Record("Line", new PropertyModel("sku", "Sku", new TypeRef(ValueKind.String), IsRequired: true, IsNullable: false, null));
        var text = Emit(Order, line);

        text.ShouldContain("public sealed partial class ShopReceiverJsonContext : global::System.Text.Json.Serialization.JsonSerializerContext");
        text.ShouldContain("[typeof(Order)] = 0,\n        [typeof(Line)] = 1,\n");
        text.ShouldContain("0 => Create<Order>(options, ReadOrder, WriteOrder),\n        1 => Create<Line>(options, ReadLine, WriteLine),\n");
        text.ShouldContain("public global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<Line> Line => ");
    }

    [Fact]
    public void Required_members_past_64_are_counted_in_more_masks()
    {
        var wide = Record("Wide", Enumerable.Range(0, 70)
            .Select(i => new PropertyModel("p" + i, "P" + i, new TypeRef(ValueKind.Boolean), IsRequired: true, IsNullable: false, null))
            .ToArray());

        var reader = Method(Emit(wide), "internal static Wide ReadWide(");

        // 64 bits to a mask (seen, then seen1): no required member goes missing unreported for lack of a bit.
        reader.ShouldContain("if (reader.ValueTextEquals(\"p63\"u8)) { reader.Read(); p63Value = WebhookJson.ReadBoolean(ref reader, \"p63\"); seen |= 1UL << 63; continue; }");
        reader.ShouldContain("if (reader.ValueTextEquals(\"p64\"u8)) { reader.Read(); p64Value = WebhookJson.ReadBoolean(ref reader, \"p64\"); seen1 |= 1UL << 0; continue; }");
        reader.ShouldContain("WebhookJson.RequiredMissing(seen, \"p0\", ");
        reader.ShouldContain("WebhookJson.RequiredMissing(seen1, \"p64\", \"p65\", \"p66\", \"p67\", \"p68\", \"p69\");");
        reader.ShouldNotContain("1UL << 64");
    }

    private static string Emit(params ObjectTypeModel[] records) =>
        JsonEmitter.Emit(Receiver, new SpecModel(
            "/app/spec.yaml", Title: null, "/hooks", Signature: null, 401, DeliveryIdHeader: null,
            EquatableArray<EventModel>.Empty, EquatableArray<RouteModel>.Empty, new EquatableArray<TypeModel>(records), EquatableArray<DiagnosticInfo>.Empty));

    /// <summary>The method whose declaration starts with <paramref name="start"/>, up to its closing brace, as written.</summary>
    private static string Method(string text, string start)
    {
        var from = text.IndexOf("    " + start, StringComparison.Ordinal);
        from.ShouldBeGreaterThanOrEqualTo(0, $"no '{start}' in:\n{text}");
        var end = text.IndexOf("\n    }\n", from, StringComparison.Ordinal);
        return text[from..(end + "\n    }".Length)];
    }

    private static ObjectTypeModel Record(string name, params PropertyModel[] properties)
    {
        var all = new EquatableArray<PropertyModel>(properties);
        return new ObjectTypeModel(name, Description: null, "/components/schemas/" + name, BaseTypeName: null, IsBaseType: false, all, all);
    }
}
