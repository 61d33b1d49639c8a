using System.Collections.Generic;
using System.Linq;
using WebhookGen.Generator.Helpers;
using WebhookGen.Generator.Model;

namespace WebhookGen.Generator.Emit;

/// <summary>
/// Emits <c>{Receiver}JsonContext</c>: a reader and a writer per record, written out as code (no reflection), and a
/// <c>JsonSerializerContext</c> that exposes them to <c>JsonSerializer</c>. Trimming and Native AOT safe.
/// </summary>
internal static class JsonEmitter
{
    public static string ContextName(ReceiverDeclaration receiver) => receiver.ClassName + "JsonContext";

    public static string Emit(ReceiverDeclaration receiver, SpecModel spec)
    {
        var ns = receiver.Namespace;
        var name = ContextName(receiver);
        var records = spec.Types.OfType<ObjectTypeModel>().ToList();
        var writer = CSharp.StartFile(ns);

        writer.WriteLine($"/// <summary>");
        writer.WriteLine($"/// JSON metadata for the types of <see cref=\"{receiver.ClassName}\"/>, generated from its spec: no reflection, so");
        writer.WriteLine($"/// trimming and Native AOT safe. Use it as <c>JsonSerializer.Serialize(value, {name}.Default.TypeName)</c>.");
        writer.WriteLine($"/// </summary>");
        writer.WriteLine(CSharp.GeneratedCodeAttribute);
        writer.OpenBlock($"{(receiver.IsPublic ? "public" : "internal")} sealed partial class {name} : {KnownTypes.JsonSerializerContext}, {KnownTypes.IJsonTypeInfoResolver}");
        writer.WriteLine($"/// <summary>A context with default options.</summary>");
        writer.WriteLine($"public static {name} Default {{ get; }} = new(new {KnownTypes.JsonSerializerOptions}());");
        writer.WriteLine();
        writer.WriteLine($"/// <summary>A context bound to <paramref name=\"options\"/>.</summary>");
        writer.WriteLine($"public {name}({KnownTypes.JsonSerializerOptions} options)");
        writer.WriteLine("    : base(options)");
        writer.OpenBrace();
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc/>");
        writer.WriteLine($"protected override {KnownTypes.JsonSerializerOptions}? GeneratedSerializerOptions => null;");

        foreach (var record in records)
        {
            var type = CSharp.QualifiedName(ns, record.Name);
            writer.WriteLine();
            writer.WriteLine($"private {KnownTypes.JsonTypeInfo}<{type}>? _{record.Name};");
            writer.WriteLine();
            writer.WriteLine($"/// <summary>Metadata for <see cref=\"{type}\"/>.</summary>");
            writer.WriteLine($"public {KnownTypes.JsonTypeInfo}<{type}> {record.Name} => _{record.Name} ??= Create<{type}>(Options, Read{record.Name}, Write{record.Name});");
        }

        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc/>");
        writer.OpenBlock($"public override {KnownTypes.JsonTypeInfo}? GetTypeInfo(global::System.Type type)");
        foreach (var record in records)
        {
            writer.OpenBlock($"if (type == typeof({CSharp.QualifiedName(ns, record.Name)}))");
            writer.WriteLine($"return {record.Name};");
            writer.CloseBlock();
            writer.WriteLine();
        }

        writer.WriteLine("return null;");
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("// As a resolver of other options (JsonSerializerOptions.TypeInfoResolver), metadata is created for those options.");
        writer.OpenBlock($"{KnownTypes.JsonTypeInfo}? {KnownTypes.IJsonTypeInfoResolver}.GetTypeInfo(global::System.Type type, {KnownTypes.JsonSerializerOptions} options)");
        foreach (var record in records)
        {
            writer.OpenBlock($"if (type == typeof({CSharp.QualifiedName(ns, record.Name)}))");
            writer.WriteLine($"return Create<{CSharp.QualifiedName(ns, record.Name)}>(options, Read{record.Name}, Write{record.Name});");
            writer.CloseBlock();
            writer.WriteLine();
        }

        writer.WriteLine("return null;");
        writer.CloseBlock();
        writer.WriteLine();
        writer.OpenBlock($"private static {KnownTypes.JsonTypeInfo}<T> Create<T>({KnownTypes.JsonSerializerOptions} options, {KnownTypes.PayloadReader}<T> read, global::System.Action<{KnownTypes.Utf8JsonWriter}, T> write)");
        writer.WriteLine($"return {KnownTypes.JsonMetadataServices}.CreateValueInfo<T>(options, new {KnownTypes.WebhookJsonConverter}<T>(read, write));");
        writer.CloseBlock();

        foreach (var record in records)
        {
            writer.WriteLine();
            EmitReader(writer, record, ns);
            writer.WriteLine();
            EmitWriter(writer, record, ns);
        }

        writer.CloseBlock();
        return CSharp.EndFile(writer, ns);
    }

    private static void EmitReader(SourceWriter writer, ObjectTypeModel record, string? ns)
    {
        var type = CSharp.QualifiedName(ns, record.Name);
        var properties = record.AllProperties;
        writer.WriteLine($"/// <summary>Reads a <see cref=\"{type}\"/>; throws a <see cref=\"global::WebhookGen.Json.WebhookPayloadException\"/> naming the property at fault.</summary>");
        writer.OpenBlock($"internal static {type} Read{record.Name}(ref {KnownTypes.Utf8JsonReader} reader)");
        writer.WriteLine($"{KnownTypes.WebhookJson}.StartObject(ref reader, null);");
        foreach (var property in properties)
        {
            var declared = CSharp.TypeName(property.Type, ns, nullable: property.IsNullable || !property.Type.IsValueType);
            writer.WriteLine($"{declared} {CSharp.Local(property.Name, "Value")} = default;");
            if (property.IsRequired)
            {
                writer.WriteLine($"bool {CSharp.Local(property.Name, "Seen")} = false;");
            }
        }

        writer.WriteLine();
        writer.OpenBlock($"while ({KnownTypes.WebhookJson}.NextProperty(ref reader))");
        var keyword = "if";
        foreach (var property in properties)
        {
            writer.OpenBlock($"{keyword} (reader.ValueTextEquals({CSharp.Utf8Literal(property.WireName)}))");
            writer.WriteLine("reader.Read();");
            var local = CSharp.Local(property.Name, "Value");
            var read = ReadExpression(property.Type, ns, "reader", CSharp.Literal(property.WireName), depth: 0);
            writer.WriteLine(property.IsNullable
                ? $"{local} = reader.TokenType == {KnownTypes.JsonTokenType}.Null ? null : {read};"
                : $"{local} = {read};");
            if (property.IsRequired)
            {
                writer.WriteLine($"{CSharp.Local(property.Name, "Seen")} = true;");
            }

            writer.CloseBlock();
            keyword = "else if";
        }

        if (properties.Count == 0)
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
        foreach (var property in properties.Where(p => p.IsRequired))
        {
            writer.WriteLine();
            writer.OpenBlock($"if (!{CSharp.Local(property.Name, "Seen")})");
            writer.WriteLine($"throw {KnownTypes.WebhookJson}.MissingProperty({CSharp.Literal(property.WireName)});");
            writer.CloseBlock();
        }

        writer.WriteLine();
        writer.WriteLine($"return new {type}");
        writer.OpenBrace();
        foreach (var property in properties)
        {
            var bang = !property.IsNullable && !property.Type.IsValueType ? "!" : string.Empty;
            writer.WriteLine($"{property.Name} = {CSharp.Local(property.Name, "Value")}{bang},");
        }

        writer.CloseBlock(";");
        writer.CloseBlock();
    }

    /// <summary>An expression that reads one value at <paramref name="reader"/>; <paramref name="name"/> is a C# literal or <c>null</c> for items.</summary>
    private static string ReadExpression(TypeRef type, string? ns, string reader, string name, int depth)
    {
        var json = KnownTypes.WebhookJson;
        switch (type.Kind)
        {
            case ValueKind.Json:
                return $"{json}.ReadElement(ref {reader})";
            case ValueKind.Object:
                return name == "null"
                    ? $"Read{type.Name}(ref {reader})"
                    : $"{json}.ReadObject(ref {reader}, {name}, Read{type.Name})";
            case ValueKind.Enum:
                return $"new {CSharp.QualifiedName(ns, type.Name!)}({json}.ReadString(ref {reader}, {name}))";
            case ValueKind.Array:
            case ValueKind.Map:
                var itemReader = "itemReader" + depth.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var item = ReadExpression(type.Item!, ns, itemReader, "null", depth + 1);
                var method = type.Kind == ValueKind.Array ? "ReadArray" : "ReadMap";
                return $"{json}.{method}(ref {reader}, {name}, static (ref {KnownTypes.Utf8JsonReader} {itemReader}) => {item})";
            default:
                return $"{json}.{PrimitiveMethod(type.Kind)}(ref {reader}, {name})";
        }
    }

    private static string PrimitiveMethod(ValueKind kind) => kind switch
    {
        ValueKind.String => "ReadString",
        ValueKind.Guid => "ReadGuid",
        ValueKind.DateTimeOffset => "ReadDateTimeOffset",
        ValueKind.Date => "ReadDate",
        ValueKind.Int32 => "ReadInt32",
        ValueKind.Int64 => "ReadInt64",
        ValueKind.Single => "ReadSingle",
        ValueKind.Double => "ReadDouble",
        ValueKind.Decimal => "ReadDecimal",
        ValueKind.Boolean => "ReadBoolean",
        ValueKind.Bytes => "ReadBytes",
        _ => "ReadUri",
    };

    private static void EmitWriter(SourceWriter writer, ObjectTypeModel record, string? ns)
    {
        var type = CSharp.QualifiedName(ns, record.Name);
        writer.WriteLine($"/// <summary>Writes a <see cref=\"{type}\"/> with the spec's property names.</summary>");
        writer.OpenBlock($"internal static void Write{record.Name}({KnownTypes.Utf8JsonWriter} writer, {type} value)");
        writer.WriteLine("writer.WriteStartObject();");
        foreach (var property in record.AllProperties)
        {
            var access = "value." + property.Name;
            var writeName = $"writer.WritePropertyName({CSharp.Utf8Literal(property.WireName)});";
            if (!property.IsNullable)
            {
                writer.WriteLine(writeName);
                writer.WriteLine(WriteStatement(property.Type, access, "writer", 0));
                continue;
            }

            var local = CSharp.Local(property.Name, "Value");
            writer.OpenBlock($"if ({access} is {{ }} {local})");
            writer.WriteLine(writeName);
            writer.WriteLine(WriteStatement(property.Type, local, "writer", 0));
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

        writer.WriteLine("writer.WriteEndObject();");
        writer.CloseBlock();
    }

    private static string WriteStatement(TypeRef type, string value, string writer, int depth)
    {
        var helpers = KnownTypes.WebhookJsonWriter;
        switch (type.Kind)
        {
            case ValueKind.String:
            case ValueKind.Guid:
            case ValueKind.DateTimeOffset:
                return $"{writer}.WriteStringValue({value});";
            case ValueKind.Enum:
                return $"{writer}.WriteStringValue({value}.Value);";
            case ValueKind.Int32:
            case ValueKind.Int64:
            case ValueKind.Single:
            case ValueKind.Double:
            case ValueKind.Decimal:
                return $"{writer}.WriteNumberValue({value});";
            case ValueKind.Boolean:
                return $"{writer}.WriteBooleanValue({value});";
            case ValueKind.Bytes:
                return $"{writer}.WriteBase64StringValue({value});";
            case ValueKind.Date:
                return $"{helpers}.WriteDate({writer}, {value});";
            case ValueKind.Uri:
                return $"{helpers}.WriteUri({writer}, {value});";
            case ValueKind.Json:
                return $"{value}.WriteTo({writer});";
            case ValueKind.Object:
                return $"Write{type.Name}({writer}, {value});";
            default:
                var suffix = depth.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var itemWriter = "itemWriter" + suffix;
                var item = "item" + suffix;
                var method = type.Kind == ValueKind.Array ? "WriteArray" : "WriteMap";
                var inner = WriteStatement(type.Item!, item, itemWriter, depth + 1).TrimEnd(';');
                return $"{helpers}.{method}({writer}, {value}, static ({itemWriter}, {item}) => {inner});";
        }
    }

    internal static IEnumerable<string> RecordNames(SpecModel spec) => spec.Types.OfType<ObjectTypeModel>().Select(r => r.Name);
}
