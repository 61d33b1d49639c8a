using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using WebhookGen.Generator.Helpers;
using WebhookGen.Generator.Model;

namespace WebhookGen.Generator.Emit;

/// <summary>
/// Emits the reader of a concrete record: one pass over the object's properties, matched by exact wire name. Values
/// that are not properties of the payload (a union member's wrapped value, an unknown member's JSON and discriminator)
/// are read first from copies of the reader, which is a struct: <c>var copy = reader;</c> leaves it where it is.
/// </summary>
internal static class RecordReaders
{
    public static void Emit(SourceWriter writer, ObjectTypeModel record, string? ns)
    {
        var type = CSharp.QualifiedName(ns, record.Name);
        var wire = record.AllProperties.Where(p => p.Source == PropertySource.Wire).ToList();
        var wrapped = record.AllProperties.FirstOrDefault(p => p.Source == PropertySource.WrappedValue);
        writer.OpenBlock($"internal static {type} Read{record.Name}(ref {KnownTypes.Utf8JsonReader} reader)");
        if (wrapped is not null && wire.Count == 0)
        {
            // A wrapper of a union member: the value is the member itself.
            writer.WriteLine($"return new {type}");
            writer.OpenBrace();
            writer.WriteLine($"{wrapped.Name} = {JsonEmitter.ReadExpression(wrapped.Type, ns, "reader", "null", depth: 0)},");
            writer.CloseBlock(";");
            writer.CloseBlock();
            return;
        }

        writer.WriteLine($"{JsonContextAliases.WebhookJson}.StartObject(ref reader, null);");
        foreach (var property in record.AllProperties.Where(p => p.Source != PropertySource.Wire))
        {
            var local = CSharp.Local(property.Name, "Value");
            switch (property.Source)
            {
                case PropertySource.RawJson:
                    writer.WriteLine($"{CSharp.TypeName(property.Type, ns)} {local} = {JsonContextAliases.WebhookJson}.PeekElement(reader);");
                    break;
                case PropertySource.Discriminator:
                    writer.WriteLine($"string? {local} = {JsonContextAliases.WebhookJson}.PeekDiscriminator(reader, {CSharp.Utf8Literal(property.WireName)});");
                    break;
                default:
                    var copy = CSharp.Local(property.Name, "Reader");
                    writer.WriteLine($"var {copy} = reader;");
                    writer.WriteLine($"{CSharp.TypeName(property.Type, ns)} {local} = {JsonEmitter.ReadExpression(property.Type, ns, copy, "null", depth: 0)};");
                    break;
            }
        }

        var hidden = record.HiddenProperties;
        for (var i = 0; i < hidden.Count; i++)
        {
            writer.WriteLine($"{CSharp.TypeName(hidden[i].Property.Type, ns, nullable: true)} {HiddenLocal(i)} = default;");
        }

        var required = wire.Where(p => p.ReadRequired).ToList();
        foreach (var property in wire)
        {
            var declared = CSharp.TypeName(property.Type, ns, nullable: property.ReadNullable || !property.Type.IsValueType);
            writer.WriteLine($"{declared} {CSharp.Local(property.Name, "Value")} = default;");
        }

        for (var group = 0; group < SeenGroups(required.Count); group++)
        {
            writer.WriteLine($"ulong {SeenLocal(group)} = 0;");
        }

        writer.WriteLine();
        writer.OpenBlock($"while ({JsonContextAliases.WebhookJson}.NextProperty(ref reader))");

        // One flat `if` per property, each ending in `continue`, rather than an `else if` chain: a chain of GitHub's 90
        // properties nests 90 deep, and the compiler's flow analysis of it costs about a fifth of the whole build.
        foreach (var property in wire)
        {
            var statements = new List<string> { "reader.Read();" };
            for (var i = 0; i < hidden.Count; i++)
            {
                // The value of a base property this one hides is read from a copy, as the base's type.
                if (property.Hides && hidden[i].Property.WireName == property.WireName)
                {
                    var copy = "hiddenReader" + i.ToString(CultureInfo.InvariantCulture);
                    var hiddenRead = JsonEmitter.ReadExpression(hidden[i].Property.Type, ns, copy, CSharp.Literal(property.WireName), depth: 0);
                    statements.Add($"var {copy} = reader;");
                    statements.Add($"{HiddenLocal(i)} = {copy}.TokenType == {JsonContextAliases.JsonTokenType}.Null ? null : {hiddenRead};");
                }
            }

            var local = CSharp.Local(property.Name, "Value");
            var read = JsonEmitter.ReadExpression(property.Type, ns, "reader", CSharp.Literal(property.WireName), depth: 0);
            statements.Add(property.ReadNullable
                ? $"{local} = reader.TokenType == {JsonContextAliases.JsonTokenType}.Null ? null : {read};"
                : $"{local} = {read};");
            var bit = required.IndexOf(property);
            if (bit >= 0)
            {
                statements.Add($"{SeenLocal(bit / 64)} |= 1UL << {(bit % 64).ToString(CultureInfo.InvariantCulture)};");
            }

            statements.Add("continue;");

            // One line per property: on a spec of GitHub's size the readers are most of the generated code.
            var condition = $"if (reader.ValueTextEquals({CSharp.Utf8Literal(property.WireName)}))";
            if (statements.Count <= 4)
            {
                writer.WriteLine($"{condition} {{ {string.Join(" ", statements)} }}");
            }
            else
            {
                writer.OpenBlock(condition);
                statements.ForEach(statement => writer.WriteLine(statement));
                writer.CloseBlock();
            }
        }

        if (wire.Count > 0)
        {
            writer.WriteLine();
        }

        writer.WriteLine($"{JsonContextAliases.WebhookJson}.SkipValue(ref reader);");
        writer.CloseBlock();
        for (var group = 0; group < SeenGroups(required.Count); group++)
        {
            var names = required.Skip(group * 64).Take(64).ToList();
            var all = names.Count == 64 ? ulong.MaxValue : (1UL << names.Count) - 1;
            writer.WriteLine();
            writer.OpenBlock($"if ({SeenLocal(group)} != 0x{all.ToString("X", CultureInfo.InvariantCulture)})");
            writer.WriteLine($"{JsonContextAliases.WebhookJson}.RequiredMissing({SeenLocal(group)}, {string.Join(", ", names.Select(p => CSharp.Literal(p.WireName)))});");
            writer.CloseBlock();
        }

        writer.WriteLine();
        writer.WriteLine(hidden.Count == 0 ? $"return new {type}" : $"var result = new {type}");
        writer.OpenBrace();
        foreach (var property in record.AllProperties)
        {
            var bang = property.Source == PropertySource.Wire && !property.IsNullable && !property.Type.IsValueType ? "!" : string.Empty;
            writer.WriteLine($"{property.Name} = {CSharp.Local(property.Name, "Value")}{bang},");
        }

        writer.CloseBlock(";");
        if (hidden.Count > 0)
        {
            // A hidden base property can only be set through the base type: a with-expression on the record as its base.
            foreach (var group in hidden.Select((h, i) => (Hidden: h, Index: i)).GroupBy(h => h.Hidden.DeclaringType))
            {
                var assignments = string.Join(", ", group.Select(h => $"{h.Hidden.Property.Name} = {HiddenLocal(h.Index)}"));
                writer.WriteLine($"result = ({type})(({CSharp.QualifiedName(ns, group.Key)})result with {{ {assignments} }});");
            }

            writer.WriteLine("return result;");
        }

        writer.CloseBlock();
    }

    /// <summary>Locals of hidden values end with a digit, which no property's local (…Value, …Reader) does.</summary>
    private static string HiddenLocal(int index) => "hidden" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// One bit per required property records that it was read, 64 to a local: <c>seen</c>, then <c>seen1</c>, … No
    /// property's local can be one of them (theirs end with <c>Value</c> or <c>Reader</c>).
    /// </summary>
    private static string SeenLocal(int group) => group == 0 ? "seen" : "seen" + group.ToString(CultureInfo.InvariantCulture);

    private static int SeenGroups(int required) => (required + 63) / 64;
}
