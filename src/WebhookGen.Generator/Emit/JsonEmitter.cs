using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using WebhookGen.Generator.Helpers;
using WebhookGen.Generator.Model;

namespace WebhookGen.Generator.Emit;

/// <summary>
/// Emits <c>{Receiver}JsonContext</c>: a reader and a writer per record, written out as code (no reflection), and a
/// <c>JsonSerializerContext</c> that exposes them to <c>JsonSerializer</c>. Trimming and Native AOT safe. Readers of
/// records are in <see cref="RecordReaders"/>, of unions in <see cref="UnionReaders"/>; writers in <see cref="RecordWriters"/>.
/// </summary>
/// <remarks>
/// The context has a metadata property per record, named after the record unless that name is taken by a member the
/// context has (<c>Default</c>, <c>Options</c>, <c>GetTypeInfo</c>, <c>Create</c>, the <c>Read…</c>/<c>Write…</c> methods,
/// the context's own name): then it is <c>{Record}TypeInfo</c>. Readers are always <c>Read{Record}</c>.
/// </remarks>
internal static class JsonEmitter
{
    public static string ContextName(ReceiverDeclaration receiver) => receiver.ClassName + "JsonContext";

    public static string Emit(ReceiverDeclaration receiver, SpecModel spec)
    {
        var ns = receiver.Namespace;
        var name = ContextName(receiver);
        var records = spec.Types.OfType<ObjectTypeModel>().ToList();
        var byName = records.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var infoNames = TypeInfoNames(records, name);
        var writer = CSharp.StartFile(ns);
        JsonContextAliases.Write(writer);

        writer.WriteLine($"/// <summary>");
        writer.WriteLine($"/// JSON metadata for the types of <see cref=\"{receiver.ClassName}\"/>, generated from its spec: no reflection, so");
        writer.WriteLine($"/// trimming and Native AOT safe. Use it as <c>JsonSerializer.Serialize(value, {name}.Default.TypeName)</c>.");
        writer.WriteLine($"/// </summary>");
        writer.WriteLine("/// <remarks>");
        writer.WriteLine("/// Each record has a <c>Read{Record}</c> and a <c>Write{Record}</c> here. A reader matches properties by their wire");
        writer.WriteLine("/// names and throws a <see cref=\"global::WebhookGen.Json.WebhookPayloadException\"/> naming the property at fault, or");
        writer.WriteLine("/// in a tolerant read records the drift from the spec and reads on; a writer writes the spec's property names.");
        writer.WriteLine("/// </remarks>");
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

        // From here on, ns names the types' namespace as this file, declared in it, spells it.
        ns = CSharp.OwnNamespace;
        JsonContextMetadata.Emit(writer, records, infoNames, ns);

        foreach (var record in records)
        {
            writer.WriteLine();
            if (record.IsAbstract)
            {
                UnionReaders.Emit(writer, record, ns);
            }
            else
            {
                RecordReaders.Emit(writer, record, ns);
            }

            writer.WriteLine();
            RecordWriters.Emit(writer, record, ns, records, byName);
        }

        writer.CloseBlock();
        return writer.ToString();
    }

    internal static IEnumerable<string> RecordNames(SpecModel spec) => spec.Types.OfType<ObjectTypeModel>().Select(r => r.Name);

    /// <summary>The receiver's JSON context's metadata property for each record of <paramref name="spec"/>.</summary>
    internal static Dictionary<string, string> TypeInfoNames(ReceiverDeclaration receiver, SpecModel spec) =>
        TypeInfoNames(spec.Types.OfType<ObjectTypeModel>().ToList(), ContextName(receiver));

    /// <summary>Each record's metadata property: its own name unless a member of the context has it (see the remarks).</summary>
    internal static Dictionary<string, string> TypeInfoNames(IReadOnlyList<ObjectTypeModel> records, string contextName)
    {
        var used = new HashSet<string>(Identifiers.JsonContextMembers, StringComparer.Ordinal) { contextName };
        foreach (var record in records)
        {
            used.Add("Read" + record.Name);
            used.Add("Write" + record.Name);
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            names[record.Name] = Identifiers.MakeUnique(used.Contains(record.Name) ? record.Name + "TypeInfo" : record.Name, used);
        }

        return names;
    }

    /// <summary>An expression that reads one value at <paramref name="reader"/>; <paramref name="name"/> is a C# literal or <c>null</c> for items.</summary>
    internal static string ReadExpression(TypeRef type, string? ns, string reader, string name, int depth)
    {
        var json = JsonContextAliases.WebhookJson;
        switch (type.Kind)
        {
            case ValueKind.Json:
                return $"{json}.ReadElement(ref {reader})";
            case ValueKind.Object:
                return name == "null"
                    ? $"Read{type.Name}(ref {reader})"
                    : $"{json}.ReadObject(ref {reader}, {name}, Read{type.Name})";
            case ValueKind.Enum:
            case ValueKind.IntegerEnum:
                // The enum's type is spelled out, as for arrays: nothing to infer through the lambdas.
                var method = type.Kind == ValueKind.Enum ? "ReadEnum" : "ReadIntegerEnum";
                return $"{json}.{method}<{CSharp.QualifiedName(ns, type.Name!)}>(ref {reader}, {name}, static value => new(value), static value => value.IsDefined)";
            case ValueKind.Array:
            case ValueKind.Map:
                var itemReader = "itemReader" + depth.ToString(CultureInfo.InvariantCulture);
                var item = ReadExpression(type.Item!, ns, itemReader, "null", depth + 1);
                if (type.Item!.IsNullable)
                {
                    item = $"{itemReader}.TokenType == {JsonContextAliases.JsonTokenType}.Null ? ({CSharp.TypeName(type.Item, ns)})null : {item}";
                }

                // The item type is spelled out: inferring it from the lambda binds nested lambdas a number of times that
                // grows exponentially with the nesting, and an array of arrays a few dozen deep would never compile.
                var collection = type.Kind == ValueKind.Array ? "ReadArray" : "ReadMap";
                return $"{json}.{collection}<{CSharp.TypeName(type.Item, ns)}>(ref {reader}, {name}, static (ref {KnownTypes.Utf8JsonReader} {itemReader}) => {item})";
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
        ValueKind.UInt16 => "ReadUInt16",
        ValueKind.UInt32 => "ReadUInt32",
        ValueKind.UInt64 => "ReadUInt64",
        ValueKind.Single => "ReadSingle",
        ValueKind.Double => "ReadDouble",
        ValueKind.Decimal => "ReadDecimal",
        ValueKind.Boolean => "ReadBoolean",
        ValueKind.Bytes => "ReadBytes",
        _ => "ReadUri",
    };

    /// <summary>A statement that writes <paramref name="value"/> (never null here) with <paramref name="writer"/>.</summary>
    internal static string WriteStatement(TypeRef type, string value, string writer, string? ns, int depth)
    {
        var helpers = JsonContextAliases.WebhookJsonWriter;
        switch (type.Kind)
        {
            case ValueKind.String:
            case ValueKind.Guid:
            case ValueKind.DateTimeOffset:
                return $"{writer}.WriteStringValue({value});";
            case ValueKind.Enum:
                return $"{writer}.WriteStringValue({value}.Value);";
            case ValueKind.IntegerEnum:
                return $"{writer}.WriteNumberValue({value}.Value);";
            case ValueKind.UInt16:
                return $"{writer}.WriteNumberValue((uint){value});";
            case ValueKind.Int32:
            case ValueKind.Int64:
            case ValueKind.UInt32:
            case ValueKind.UInt64:
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
                var suffix = depth.ToString(CultureInfo.InvariantCulture);
                var itemWriter = "itemWriter" + suffix;
                var item = "item" + suffix;
                var method = type.Kind == ValueKind.Array ? "WriteArray" : "WriteMap";
                string body;
                if (type.Item!.IsNullable)
                {
                    var present = item + "Value";
                    var inner = WriteStatement(type.Item with { IsNullable = false }, present, itemWriter, ns, depth + 1);
                    body = $"{{ if ({item} is {{ }} {present}) {{ {inner} }} else {{ {itemWriter}.WriteNullValue(); }} }}";
                }
                else
                {
                    body = WriteStatement(type.Item, item, itemWriter, ns, depth + 1).TrimEnd(';');
                }

                // The item type is spelled out, as for reading: no inference through nested lambdas.
                return $"{helpers}.{method}<{CSharp.TypeName(type.Item, ns)}>({writer}, {value}, static ({itemWriter}, {item}) => {body});";
        }
    }
}
