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
        writer.WriteLine($"/// <summary>Reads a <see cref=\"{type}\"/>; throws a <see cref=\"global::WebhookGen.Json.WebhookPayloadException\"/> naming the property at fault, or in a tolerant read records drift from the spec.</summary>");
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

        writer.WriteLine($"{KnownTypes.WebhookJson}.StartObject(ref reader, null);");
        foreach (var property in record.AllProperties.Where(p => p.Source != PropertySource.Wire))
        {
            var local = CSharp.Local(property.Name, "Value");
            switch (property.Source)
            {
                case PropertySource.RawJson:
                    writer.WriteLine($"{CSharp.TypeName(property.Type, ns)} {local} = {KnownTypes.WebhookJson}.PeekElement(reader);");
                    break;
                case PropertySource.Discriminator:
                    writer.WriteLine($"string? {local} = {KnownTypes.WebhookJson}.PeekDiscriminator(reader, {CSharp.Utf8Literal(property.WireName)});");
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

        foreach (var property in wire)
        {
            var declared = CSharp.TypeName(property.Type, ns, nullable: property.ReadNullable || !property.Type.IsValueType);
            writer.WriteLine($"{declared} {CSharp.Local(property.Name, "Value")} = default;");
            if (property.ReadRequired)
            {
                writer.WriteLine($"bool {CSharp.Local(property.Name, "Seen")} = false;");
            }
        }

        writer.WriteLine();
        writer.OpenBlock($"while ({KnownTypes.WebhookJson}.NextProperty(ref reader))");
        var keyword = "if";
        foreach (var property in wire)
        {
            writer.OpenBlock($"{keyword} (reader.ValueTextEquals({CSharp.Utf8Literal(property.WireName)}))");
            writer.WriteLine("reader.Read();");
            for (var i = 0; i < hidden.Count; i++)
            {
                // The value of a base property this one hides is read from a copy, as the base's type.
                if (property.Hides && hidden[i].Property.WireName == property.WireName)
                {
                    var copy = "hiddenReader" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    var hiddenRead = JsonEmitter.ReadExpression(hidden[i].Property.Type, ns, copy, CSharp.Literal(property.WireName), depth: 0);
                    writer.WriteLine($"var {copy} = reader;");
                    writer.WriteLine($"{HiddenLocal(i)} = {copy}.TokenType == {KnownTypes.JsonTokenType}.Null ? null : {hiddenRead};");
                }
            }

            var local = CSharp.Local(property.Name, "Value");
            var read = JsonEmitter.ReadExpression(property.Type, ns, "reader", CSharp.Literal(property.WireName), depth: 0);
            writer.WriteLine(property.ReadNullable
                ? $"{local} = reader.TokenType == {KnownTypes.JsonTokenType}.Null ? null : {read};"
                : $"{local} = {read};");
            if (property.ReadRequired)
            {
                writer.WriteLine($"{CSharp.Local(property.Name, "Seen")} = true;");
            }

            writer.CloseBlock();
            keyword = "else if";
        }

        if (wire.Count == 0)
        {
            writer.WriteLine($"{KnownTypes.WebhookJson}.SkipValue(ref reader);");
        }
        else
        {
            writer.OpenBlock("else");
            writer.WriteLine($"{KnownTypes.WebhookJson}.SkipValue(ref reader);");
            writer.CloseBlock();
        }

        writer.CloseBlock();
        foreach (var property in wire.Where(p => p.ReadRequired))
        {
            writer.WriteLine();
            writer.OpenBlock($"if (!{CSharp.Local(property.Name, "Seen")})");
            writer.WriteLine($"{KnownTypes.WebhookJson}.RequiredMissing({CSharp.Literal(property.WireName)});");
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

    /// <summary>Locals of hidden values end with a digit, which no property's local (…Value, …Seen, …Reader) does.</summary>
    private static string HiddenLocal(int index) => "hidden" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
