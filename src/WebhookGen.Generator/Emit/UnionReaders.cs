using System;
using System.Collections.Generic;
using System.Linq;
using WebhookGen.Generator.Helpers;
using WebhookGen.Generator.Model;

namespace WebhookGen.Generator.Emit;

/// <summary>
/// Emits the reader of a union (an abstract record). A discriminated union peeks its discriminator from a copy of the
/// reader and hands the object, from its start, to the member's reader; a value it does not know goes to the union's
/// unknown member, never to an exception. A union told apart by JSON kind looks at the current token.
/// </summary>
internal static class UnionReaders
{
    public static void Emit(SourceWriter writer, ObjectTypeModel record, string? ns)
    {
        var type = CSharp.QualifiedName(ns, record.Name);
        var union = record.Union ?? new UnionModel(null, EquatableArray<UnionCaseModel>.Empty, null);
        if (union.DiscriminatorWireName is { } discriminator)
        {
            writer.WriteLine($"/// <summary>Reads a <see cref=\"{type}\"/> as the member its <c>{CSharp.EscapeXml(discriminator)}</c> names.</summary>");
            writer.OpenBlock($"internal static {type} Read{record.Name}(ref {KnownTypes.Utf8JsonReader} reader)");
            writer.WriteLine($"{JsonContextAliases.WebhookJson}.StartObject(ref reader, null);");
            EmitDiscriminatorSwitch(writer, union, discriminator);
            writer.CloseBlock();
            return;
        }

        writer.WriteLine($"/// <summary>Reads a <see cref=\"{type}\"/> as the member that takes the kind of JSON value at the reader.</summary>");
        writer.OpenBlock($"internal static {type} Read{record.Name}(ref {KnownTypes.Utf8JsonReader} reader)");
        EmitShapeSwitch(writer, union);
        writer.CloseBlock();
    }

    private static void EmitDiscriminatorSwitch(SourceWriter writer, UnionModel union, string discriminator)
    {
        var fallback = union.UnknownTypeName is { } unknown
            ? $"return Read{unknown}(ref reader);"
            : $"throw {JsonContextAliases.WebhookJson}.MissingProperty({CSharp.Literal(discriminator)});";
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var cases = union.Cases.Select(c => (c.TypeName, Values: c.Values.Where(seen.Add).ToList())).Where(c => c.Values.Count > 0).ToList();
        if (cases.Count == 0)
        {
            writer.WriteLine(fallback);
            return;
        }

        writer.OpenBlock($"switch ({JsonContextAliases.WebhookJson}.PeekDiscriminator(reader, {CSharp.Utf8Literal(discriminator)}))");
        foreach (var (typeName, values) in cases)
        {
            foreach (var value in values)
            {
                writer.WriteLine($"case {CSharp.Literal(value)}:");
            }

            writer.WriteLine($"    return Read{typeName}(ref reader);");
        }

        writer.WriteLine("default:");
        writer.WriteLine("    " + fallback);
        writer.CloseBlock();
    }

    private static void EmitShapeSwitch(SourceWriter writer, UnionModel union)
    {
        var seen = new HashSet<JsonShape>();
        var cases = union.Cases.Where(c => c.Shape != JsonShape.None && seen.Add(c.Shape)).ToList();
        var expected = cases.Count == 0 ? "a value" : string.Join(" or ", cases.Select(c => Describe(c.Shape)));
        writer.OpenBlock("switch (reader.TokenType)");
        foreach (var @case in cases)
        {
            foreach (var token in Tokens(@case.Shape))
            {
                writer.WriteLine($"case {JsonContextAliases.JsonTokenType}.{token}:");
            }

            writer.WriteLine($"    return Read{@case.TypeName}(ref reader);");
        }

        writer.WriteLine("default:");
        writer.WriteLine($"    throw {JsonContextAliases.WebhookJson}.NoMatchingMember(reader.TokenType, {CSharp.Literal(expected)});");
        writer.CloseBlock();
    }

    private static string[] Tokens(JsonShape shape) => shape switch
    {
        JsonShape.String => ["String"],
        JsonShape.Number => ["Number"],
        JsonShape.Boolean => ["True", "False"],
        JsonShape.Object => ["StartObject"],
        _ => ["StartArray"],
    };

    private static string Describe(JsonShape shape) => shape switch
    {
        JsonShape.String => "a string",
        JsonShape.Number => "a number",
        JsonShape.Boolean => "true or false",
        JsonShape.Object => "an object",
        _ => "an array",
    };
}
