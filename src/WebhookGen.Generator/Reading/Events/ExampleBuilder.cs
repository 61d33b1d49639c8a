using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;


namespace WebhookGen.Generator.Reading.Events;

/// <summary>
/// A valid sample of an event's payload, as JSON, for the test kit's <c>{Receiver}Examples</c>: every required property,
/// and the optional ones near the top, each from its own <c>example</c> where that is of the right kind and format, else its <c>const</c>, first
/// <c>enum</c> value or <c>default</c>, else a placeholder of its type and format. A value the schema pins the event by
/// (a discriminator) is set to the event's own.
/// </summary>
internal static class ExampleBuilder
{
    /// <summary>How deep a required property is still filled in: deeper than any real payload, bounded for a cycle.</summary>
    private const int MaxDepth = 24;

    /// <summary>How deep an optional property is filled in, so that a large schema gives a sample of reasonable size.</summary>
    private const int OptionalDepth = 4;

    public static string? Build(IOpenApiSchema schema, string? pinnedProperty, string? pinnedValue)
    {
        var node = Value(schema, 0, new HashSet<IOpenApiSchema>());
        if (node is JsonObject obj && pinnedProperty is not null && pinnedValue is not null)
        {
            obj[pinnedProperty] = pinnedValue;
        }

        return node?.ToJsonString();
    }

    private static JsonNode? Value(IOpenApiSchema? schema, int depth, HashSet<IOpenApiSchema> visiting)
    {
        var target = schema is null ? null : SchemaFacts.Target(schema);
        if (target is null || depth > MaxDepth || !visiting.Add(target))
        {
            return null;
        }

        try
        {
            if (target.Const is { } constant)
            {
                return JsonValue.Create(constant);
            }

            if (target.Enum?.FirstOrDefault(v => !SchemaFacts.IsNull(v)) is { } first)
            {
                return first.DeepClone();
            }

            var type = SchemaFacts.NonNullType(target);
            var hasProperties = target.Properties is { Count: > 0 } || target.AllOf is { Count: > 0 };

            // A oneOf/anyOf beside the schema's own properties only constrains them (which are required); else it is the value.
            if (!hasProperties && (target.OneOf ?? target.AnyOf) is { Count: > 0 } alternatives)
            {
                // The first alternative that is not null (anyOf: [null, $ref]): a placeholder of no type reads as a string.
                return Value(alternatives.FirstOrDefault(a => !SchemaFacts.IsNullSchema(a)) ?? alternatives[0], depth + 1, visiting);
            }

            if (type.HasFlag(JsonSchemaType.Object) || hasProperties)
            {
                var obj = new JsonObject();
                AddProperties(target, obj, depth, visiting);
                return obj;
            }

            if (type.HasFlag(JsonSchemaType.Array))
            {
                var item = Value(target.Items, depth + 1, visiting);
                return item is null ? new JsonArray() : new JsonArray(item);
            }

            return Scalar(target, type);
        }
        finally
        {
            visiting.Remove(target);
        }
    }

    /// <summary>
    /// The properties as the generated record reads them. An <c>allOf</c> with exactly one <c>$ref</c> is the base: its
    /// properties first, each replaced by the schema's own declaration of it (which the record hides it with). The schema
    /// and its other parts are flattened in order: the first declaration wins, unless a later one pins a string (a
    /// <c>const</c> or a one-value enum).
    /// </summary>
    private static void AddProperties(IOpenApiSchema schema, JsonObject obj, int depth, HashSet<IOpenApiSchema> visiting)
    {
        var parts = schema.AllOf ?? new List<IOpenApiSchema>();
        var references = parts.Where(p => p is OpenApiSchemaReference).ToList();
        var baseSchema = references.Count == 1 ? references[0] : null;
        if (baseSchema is not null && SchemaFacts.Target(baseSchema) is { } target && visiting.Add(target))
        {
            AddProperties(target, obj, depth, visiting);
            visiting.Remove(target);
        }

        Flatten(schema, baseSchema, obj, depth, visiting, new HashSet<string>(StringComparer.Ordinal));
    }

    private static void Flatten(IOpenApiSchema schema, IOpenApiSchema? baseSchema, JsonObject obj, int depth, HashSet<IOpenApiSchema> visiting, HashSet<string> declared)
    {
        foreach (var property in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            var required = schema.Required?.Contains(property.Key) == true;
            var pins = property.Value is not null && SchemaFacts.SingleStringValue(property.Value) is not null;
            if ((declared.Add(property.Key) || pins) && (required || depth < OptionalDepth) && Value(property.Value, depth + 1, visiting) is { } value)
            {
                obj[property.Key] = value;
            }
        }

        foreach (var part in schema.AllOf ?? Enumerable.Empty<IOpenApiSchema>())
        {
            if (!ReferenceEquals(part, baseSchema) && SchemaFacts.Target(part) is { } target && visiting.Add(target))
            {
                Flatten(target, null, obj, depth, visiting, declared);
                visiting.Remove(target);
            }
        }
    }

    private static JsonNode? Scalar(IOpenApiSchema schema, JsonSchemaType type)
    {
#pragma warning disable CS0618 // An OpenAPI 3.0 / Swagger 2.0 `example` is read into Example only.
        var candidates = new[] { schema.Example, schema.Examples?.FirstOrDefault(), schema.Default };
#pragma warning restore CS0618
        if (type.HasFlag(JsonSchemaType.String) || type == 0)
        {
            var format = schema.Format ?? string.Empty;
            var given = candidates.Select(Text).FirstOrDefault(t => t is not null && Fits(t, format));
            return JsonValue.Create(given ?? Placeholder(format));
        }

        if (type.HasFlag(JsonSchemaType.Integer))
        {
            var given = candidates.FirstOrDefault(n => n is JsonValue v && v.GetValueKind() == JsonValueKind.Number && long.TryParse(v.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _));
            return given?.DeepClone() ?? JsonValue.Create(0);
        }

        if (type.HasFlag(JsonSchemaType.Number))
        {
            var given = candidates.FirstOrDefault(n => n is JsonValue v && v.GetValueKind() == JsonValueKind.Number);
            return given?.DeepClone() ?? JsonValue.Create(0);
        }

        if (type.HasFlag(JsonSchemaType.Boolean))
        {
            var given = candidates.FirstOrDefault(n => n is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False);
            return given?.DeepClone() ?? JsonValue.Create(false);
        }

        return null;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>Whether an example string reads as the format's type.</summary>
    private static bool Fits(string text, string format) => format switch
    {
        "uuid" => Guid.TryParse(text, out _),
        "date-time" => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "date" => DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "uri" => Uri.TryCreate(text, UriKind.Absolute, out _),
        "byte" => text.Length % 4 == 0 && text.All(c => char.IsLetterOrDigit(c) || c is '+' or '/' or '='),
        _ => true,
    };

    private static string Placeholder(string format) => format switch
    {
        "uuid" => "3fa85f64-5717-4562-b3fc-2c963f66afa6",
        "date-time" => "2024-01-01T00:00:00Z",
        "date" => "2024-01-01",
        "time" => "00:00:00",
        "uri" => "https://example.com/",
        "email" => "user@example.com",
        "byte" => "AAAA",
        _ => "string",
    };
}
