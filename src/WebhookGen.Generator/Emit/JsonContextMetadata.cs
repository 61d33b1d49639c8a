using System.Collections.Generic;
using System.Globalization;
using WebhookGen.Generator.Helpers;
using WebhookGen.Generator.Model;

namespace WebhookGen.Generator.Emit;

/// <summary>
/// The metadata part of <c>{Receiver}JsonContext</c>: one line per record for its property, one for its index and one to
/// create its metadata. Record <c>i</c>'s metadata is created once per context, on first use, into <c>_infos[i]</c>;
/// <c>GetTypeInfo</c> finds <c>i</c> by the type in one dictionary lookup.
/// </summary>
internal static class JsonContextMetadata
{
    public static void Emit(SourceWriter writer, IReadOnlyList<ObjectTypeModel> records, IReadOnlyDictionary<string, string> infoNames, string? ns)
    {
        var info = KnownTypes.JsonTypeInfo;
        var options = KnownTypes.JsonSerializerOptions;
        writer.WriteLine();
        writer.WriteLine($"private readonly {info}?[] _infos = new {info}?[{Number(records.Count)}];");
        writer.WriteLine();
        writer.OpenBlock($"private static readonly global::System.Collections.Generic.Dictionary<global::System.Type, int> _indexes = new({Number(records.Count)})");
        for (var i = 0; i < records.Count; i++)
        {
            writer.WriteLine($"[typeof({CSharp.QualifiedName(ns, records[i].Name)})] = {Number(i)},");
        }

        writer.CloseBlock(";");
        writer.WriteLine();
        writer.WriteLine("// Metadata for each record, created on first use.");
        for (var i = 0; i < records.Count; i++)
        {
            var type = CSharp.QualifiedName(ns, records[i].Name);
            writer.WriteLine($"public {info}<{type}> {infoNames[records[i].Name]} => ({info}<{type}>)(_infos[{Number(i)}] ??= Create({Number(i)}, Options));");
        }

        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc/>");
        writer.WriteLine($"public override {info}? GetTypeInfo(global::System.Type type) =>");
        writer.WriteLine("    _indexes.TryGetValue(type, out var index) ? _infos[index] ??= Create(index, Options) : null;");
        writer.WriteLine();
        writer.WriteLine("// As a resolver of other options (JsonSerializerOptions.TypeInfoResolver), metadata is created for those options.");
        writer.WriteLine($"{info}? {KnownTypes.IJsonTypeInfoResolver}.GetTypeInfo(global::System.Type type, {options} options) =>");
        writer.WriteLine("    _indexes.TryGetValue(type, out var index) ? Create(index, options) : null;");
        writer.WriteLine();
        writer.WriteLine($"private static {info} Create(int index, {options} options) => index switch");
        writer.OpenBrace();
        for (var i = 0; i < records.Count; i++)
        {
            var name = records[i].Name;
            writer.WriteLine($"{Number(i)} => Create<{CSharp.QualifiedName(ns, name)}>(options, Read{name}, Write{name}),");
        }

        writer.WriteLine("_ => throw new global::System.ArgumentOutOfRangeException(nameof(index)),");
        writer.CloseBlock(";");
        writer.WriteLine();
        writer.OpenBlock($"private static {info}<T> Create<T>({options} options, {KnownTypes.PayloadReader}<T> read, global::System.Action<{KnownTypes.Utf8JsonWriter}, T> write)");
        writer.WriteLine($"return {KnownTypes.JsonMetadataServices}.CreateValueInfo<T>(options, new {KnownTypes.WebhookJsonConverter}<T>(read, write));");
        writer.CloseBlock();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
