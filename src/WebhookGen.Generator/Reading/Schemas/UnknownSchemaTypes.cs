using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using WebhookGen.Generator.Diagnostics;
using WebhookGen.Generator.Reading.Quirks;

namespace WebhookGen.Generator.Reading.Schemas;

/// <summary>
/// A schema <c>type</c> that is no JSON Schema type (<c>type: strin</c>, <c>type: int</c>) is one WHG027 at that value,
/// and the value is taken out before the OpenAPI reader sees the document: the reader would add a WHG011 of its own for
/// the same mistake. The schema, left without a type, is read as raw JSON, as the diagnostic says. Runs after
/// <see cref="LenientReader"/>, which has already read a capitalised type (<c>String</c>) as meant.
/// </summary>
internal static class UnknownSchemaTypes
{
    public static void Remove(JsonObject root, SpecReadContext context)
    {
        // Swagger 2.0 has one more: a file, for uploads; a receiver reads it as raw JSON like any value it cannot type.
        var swagger = root.ContainsKey("swagger");
        bool IsUnknown(JsonValue value) => value.TryGetValue<string>(out var text) && !LenientReader.Types.Contains(text) && !(swagger && text == "file");

        SchemaVisitor.Walk(root, (schema, pointer, _, _) =>
        {
            switch (schema["type"])
            {
                case JsonValue value when IsUnknown(value):
                    Report(context, pointer + "/type", value);
                    schema.Remove("type");
                    break;
                case JsonArray list when list.Any(item => item is JsonValue value && IsUnknown(value)):
                    var unknown = Enumerable.Range(0, list.Count).Where(i => list[i] is JsonValue item && IsUnknown(item)).ToList();
                    foreach (var i in unknown)
                    {
                        Report(context, pointer + "/type/" + i.ToString(CultureInfo.InvariantCulture), (JsonValue)list[i]!);
                    }

                    foreach (var i in Enumerable.Reverse(unknown))
                    {
                        list.RemoveAt(i);
                    }

                    if (list.Count == 0)
                    {
                        schema.Remove("type");
                    }

                    break;
            }
        });
    }

    private static void Report(SpecReadContext context, string pointer, JsonValue value) =>
        context.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownSchemaType, context.Locate(pointer), value.ToString()));
}
