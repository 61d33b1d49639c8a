using System;
using System.Collections.Generic;
using System.Linq;
using WebhookGen.Generator.Helpers;
using WebhookGen.Generator.Model;

namespace WebhookGen.Generator.Emit;

/// <summary>
/// Emits the writer of a record with the spec's property names. A union's writer hands the value to its member's writer
/// (most derived first); a member writes its own properties, and the union's discriminator when it does not declare it;
/// an unknown member writes its JSON as it came.
/// </summary>
internal static class RecordWriters
{
    /// <param name="all">Every record, in the spec's order.</param>
    /// <param name="records">The same, by name.</param>
    public static void Emit(SourceWriter writer, ObjectTypeModel record, string? ns, IReadOnlyList<ObjectTypeModel> all, IReadOnlyDictionary<string, ObjectTypeModel> records)
    {
        var type = CSharp.QualifiedName(ns, record.Name);
        writer.OpenBlock($"internal static void Write{record.Name}({KnownTypes.Utf8JsonWriter} writer, {type} value)");
        switch (record.Role)
        {
            case RecordRole.Union:
                EmitDispatch(writer, record, ns, all, records);
                break;
            case RecordRole.Unknown:
                var json = record.AllProperties.First(p => p.Source == PropertySource.RawJson);
                writer.WriteLine($"value.{json.Name}.WriteTo(writer);");
                break;
            case RecordRole.Wrapper:
                EmitWrapper(writer, record, ns, records);
                break;
            default:
                writer.WriteLine("writer.WriteStartObject();");
                WriteDiscriminator(writer, record);
                WriteProperties(writer, record.AllProperties, "value.", ns, new HashSet<string>(StringComparer.Ordinal));
                writer.WriteLine("writer.WriteEndObject();");
                break;
        }

        writer.CloseBlock();
    }

    private static void EmitDispatch(SourceWriter writer, ObjectTypeModel union, string? ns, IReadOnlyList<ObjectTypeModel> all, IReadOnlyDictionary<string, ObjectTypeModel> records)
    {
        // Every record of the union, most derived first (else in the spec's order), so that none is taken for its base.
        var members = all
            .Select(r => (Record: r, Depth: DepthBelow(r, union.Name, records)))
            .Where(m => m.Depth > 0)
            .OrderByDescending(m => m.Depth)
            .Select(m => m.Record)
            .ToList();
        writer.OpenBlock("switch (value)");
        for (var i = 0; i < members.Count; i++)
        {
            var local = "case" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            writer.WriteLine($"case {CSharp.QualifiedName(ns, members[i].Name)} {local}:");
            writer.WriteLine($"    Write{members[i].Name}(writer, {local});");
            writer.WriteLine("    break;");
        }

        writer.WriteLine("default:");
        writer.WriteLine($"    throw new global::System.ArgumentException(\"A {union.Name} of a type the spec does not describe cannot be written: \" + value.GetType(), nameof(value));");
        writer.CloseBlock();
    }

    /// <summary>How many bases up <paramref name="record"/> meets <paramref name="ancestor"/>; 0 when it does not derive from it.</summary>
    private static int DepthBelow(ObjectTypeModel record, string ancestor, IReadOnlyDictionary<string, ObjectTypeModel> records)
    {
        var depth = 0;
        for (var current = record; current?.BaseTypeName is { } baseName && depth < records.Count; current = records.TryGetValue(baseName, out var next) ? next : null)
        {
            depth++;
            if (baseName == ancestor)
            {
                return depth;
            }
        }

        return 0;
    }

    private static void EmitWrapper(SourceWriter writer, ObjectTypeModel record, string? ns, IReadOnlyDictionary<string, ObjectTypeModel> records)
    {
        var wrapped = record.AllProperties.First(p => p.Source == PropertySource.WrappedValue);
        var own = record.AllProperties.Where(p => p.Source == PropertySource.Wire).ToList();
        var access = "value." + wrapped.Name;
        if (wrapped.Type.Kind != ValueKind.Object || !records.TryGetValue(wrapped.Type.Name!, out var member) || member.IsAbstract
            || (own.Count == 0 && record.DiscriminatorWireName is null))
        {
            writer.WriteLine(JsonEmitter.WriteStatement(wrapped.Type, access, "writer", ns, 0));
            return;
        }

        // One object: the member's properties, the discriminator if neither declares it, and the union's own properties.
        writer.WriteLine("writer.WriteStartObject();");
        WriteDiscriminator(writer, record);
        var locals = new HashSet<string>(StringComparer.Ordinal);
        WriteProperties(writer, member.AllProperties, access + ".", ns, locals);
        var memberWireNames = new HashSet<string>(member.AllProperties.Select(p => p.WireName), StringComparer.Ordinal);
        WriteProperties(writer, own.Where(p => !memberWireNames.Contains(p.WireName)), "value.", ns, locals);
        writer.WriteLine("writer.WriteEndObject();");
    }

    private static void WriteDiscriminator(SourceWriter writer, ObjectTypeModel record)
    {
        if (record.DiscriminatorWireName is { } name && record.DiscriminatorValue is { } value)
        {
            writer.WriteLine($"writer.WritePropertyName({CSharp.Utf8Literal(name)});");
            writer.WriteLine($"writer.WriteStringValue({CSharp.Literal(value)});");
        }
    }

    /// <summary>Writes the payload properties among <paramref name="properties"/>, read from <paramref name="access"/> (<c>value.</c>).</summary>
    private static void WriteProperties(SourceWriter writer, IEnumerable<PropertyModel> properties, string access, string? ns, HashSet<string> locals)
    {
        foreach (var property in properties.Where(p => p.Source == PropertySource.Wire))
        {
            var member = access + property.Name;
            if (PropertyCall(property, member) is { } call)
            {
                writer.WriteLine(call);
                continue;
            }

            var writeName = $"writer.WritePropertyName({CSharp.Utf8Literal(property.WireName)});";
            if (!property.IsNullable)
            {
                writer.WriteLine(writeName);
                writer.WriteLine(JsonEmitter.WriteStatement(property.Type, member, "writer", ns, 0));
                continue;
            }

            var local = Identifiers.MakeUnique(CSharp.Local(property.Name, "Value"), locals);
            writer.OpenBlock($"if ({member} is {{ }} {local})");
            writer.WriteLine(writeName);
            writer.WriteLine(JsonEmitter.WriteStatement(property.Type, local, "writer", ns, 0));
            writer.CloseBlock();
            if (property.IsRequired)
            {
                // Required but nullable: the property is always present, null when there is no value.
                writer.OpenBlock("else");
                writer.WriteLine(writeName);
                writer.WriteLine("writer.WriteNullValue();");
                writer.CloseBlock();
            }
        }
    }

    /// <summary>
    /// One call that writes the property (<c>WebhookJsonWriter.WriteProperty</c>): for a value of one JSON token, an enum or
    /// a record; null for an array or a map, written out here.
    /// </summary>
    private static string? PropertyCall(PropertyModel property, string member)
    {
        var optional = property.IsNullable ? "?" : string.Empty;
        var value = property.Type.Kind switch
        {
            ValueKind.Array or ValueKind.Map => null,
            ValueKind.Enum or ValueKind.IntegerEnum => member + optional + ".Value",
            ValueKind.Object => member + ", Write" + property.Type.Name,
            _ => member,
        };
        if (value is null)
        {
            return null;
        }

        var writeNull = property.IsNullable && property.IsRequired ? ", writeNull: true" : string.Empty;
        return $"{JsonContextAliases.WebhookJsonWriter}.WriteProperty(writer, {CSharp.Utf8Literal(property.WireName)}, {value}{writeNull});";
    }
}
