using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using WebhookGen.Generator.Diagnostics;
using WebhookGen.Generator.Helpers;

namespace WebhookGen.Generator.Reading.Quirks;

/// <summary>
/// Reads invalid-but-real spec quirks as their authors meant them, before the OpenAPI reader sees the document, instead
/// of letting the reader turn each into a WHG011 and lose what it describes (or fail altogether): a path key without its
/// leading <c>/</c>, a capitalised <c>type</c>, <c>required: true</c> on a property, a numeric <c>exclusiveMinimum</c> in
/// 3.0, and in 3.1 <c>nullable</c> or a schema's <c>examples</c> that is not a list; and, after the reader, operations
/// without <c>responses</c>. Each quirk is one WHG023 per spec, at its first place, with the count.
/// </summary>
internal static class LenientReader
{
    /// <summary>The JSON Schema types.</summary>
    internal static readonly HashSet<string> Types = new(StringComparer.Ordinal) { "string", "number", "integer", "boolean", "object", "array", "null" };

    public static void Repair(JsonObject root, SpecReadContext context)
    {
        var found = new Found();
        var version = (root["openapi"] as JsonValue)?.ToString() ?? string.Empty;
        var openApi30OrSwagger = root.ContainsKey("swagger") || version.StartsWith("3.0", StringComparison.Ordinal);
        var dialect = root.ContainsKey("swagger") ? "a Swagger 2.0 document" : "an OpenAPI 3.0 document";
        PathKeys(root, context, found);
        SchemaVisitor.Walk(root, (schema, pointer, owner, property) =>
        {
            TypeCase(schema, pointer, found);
            RequiredFlag(schema, pointer, owner, property, found);
            if (openApi30OrSwagger)
            {
                ExclusiveBound(schema, pointer, "exclusiveMinimum", "minimum", dialect, found);
                ExclusiveBound(schema, pointer, "exclusiveMaximum", "maximum", dialect, found);
            }
            else if (!root.ContainsKey("swagger"))
            {
                Nullable(schema, pointer, found);
                ExamplesList(schema, pointer, found);
            }
        });

        foreach (var quirk in found.Quirks)
        {
            var count = quirk.Count == 1 ? "1 place" : quirk.Count.ToString(CultureInfo.InvariantCulture) + " places, the first here";
            context.Diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.QuirkReadLeniently,
                quirk.AtKey ? context.LocateKey(quirk.Pointer) : context.Locate(quirk.Pointer),
                quirk.Written,
                quirk.ReadAs,
                count));
        }
    }

    /// <summary>
    /// Operations without <c>responses</c> (Clerk's 45 <c>x-webhooks</c>): the field is required, but a receiver's answer
    /// does not depend on it. One WHG023 at the first, with the count, instead of a WHG011 each.
    /// </summary>
    public static void ReportWithoutResponses(IReadOnlyList<string> pointers, SpecReadContext context)
    {
        if (pointers.Count == 0)
        {
            return;
        }

        var count = pointers.Count == 1 ? "1 place" : pointers.Count.ToString(CultureInfo.InvariantCulture) + " places, the first here";
        context.Diagnostics.Add(DiagnosticInfo.Create(
            DiagnosticDescriptors.QuirkReadLeniently,
            context.Locate(pointers[0]),
            "An operation without 'responses'",
            "one that a receiver answers with its default status",
            count));
    }

    /// <summary><c>events/created:</c> under <c>paths</c> is <c>/events/created</c>.</summary>
    private static void PathKeys(JsonObject root, SpecReadContext context, Found found)
    {
        if (root["paths"] is not JsonObject paths)
        {
            return;
        }

        var entries = paths.ToList();
        if (entries.All(p => p.Key.StartsWith("/", StringComparison.Ordinal) || p.Key.StartsWith("x-", StringComparison.Ordinal)))
        {
            return;
        }

        // Rebuilt in the spec's order, which is the events' order.
        paths.Clear();
        foreach (var path in entries)
        {
            var key = path.Key;
            if (!key.StartsWith("/", StringComparison.Ordinal) && !key.StartsWith("x-", StringComparison.Ordinal) && !entries.Any(p => p.Key == "/" + path.Key))
            {
                key = "/" + path.Key;
                found.Add("path-key", SpecPointer.Append("/paths", path.Key), atKey: true, $"A path key without its leading '/' ('{path.Key}')", $"'{key}'");
                context.Alias("/paths", path.Key, key);
            }

            paths[key] = path.Value;
        }
    }

    /// <summary><c>type: String</c> is <c>type: string</c>.</summary>
    private static void TypeCase(JsonObject schema, string pointer, Found found)
    {
        switch (schema["type"])
        {
            case JsonValue value when Lowered(value) is { } lowered:
                found.Add("type-case", pointer + "/type", atKey: false, $"The type '{value}'", $"'{lowered}'");
                schema["type"] = lowered;
                break;
            case JsonArray list when list.OfType<JsonValue>().Any(v => Lowered(v) is not null):
                for (var i = 0; i < list.Count; i++)
                {
                    if (list[i] is JsonValue item && Lowered(item) is { } lowered)
                    {
                        found.Add("type-case", pointer + "/type/" + i.ToString(CultureInfo.InvariantCulture), atKey: false, $"The type '{item}'", $"'{lowered}'");
                        list[i] = lowered;
                    }
                }

                break;
        }
    }

    private static string? Lowered(JsonValue value) =>
        value.TryGetValue<string>(out var text) && !Types.Contains(text) && Types.Contains(text.ToLowerInvariant()) ? text.ToLowerInvariant() : null;

    /// <summary><c>required: true</c> on a property (JSON Schema draft 3) is the property's name in its object's <c>required</c>.</summary>
    private static void RequiredFlag(JsonObject schema, string pointer, JsonObject? owner, string? property, Found found)
    {
        if (owner is null || property is null || schema["required"] is not JsonValue flag || !flag.TryGetValue<bool>(out var required))
        {
            return;
        }

        found.Add("required-flag", pointer + "/required", atKey: true, $"'required: {(required ? "true" : "false")}' on the property '{property}'", required ? $"'{property}' listed in its object's 'required'" : "not required");
        schema.Remove("required");
        if (!required)
        {
            return;
        }

        if (owner["required"] is not JsonArray list)
        {
            list = new JsonArray();
            owner["required"] = list;
        }

        if (!list.OfType<JsonValue>().Any(v => v.TryGetValue<string>(out var name) && name == property))
        {
            list.Add(property);
        }
    }

    /// <summary>
    /// <c>exclusiveMinimum: 0</c> (a number, as in OpenAPI 3.1) in a 3.0 or Swagger 2.0 document, where the keyword is a
    /// flag on <c>minimum</c>, is <c>minimum: 0</c> with <c>exclusiveMinimum: true</c>. The reader would fail on it.
    /// </summary>
    private static void ExclusiveBound(JsonObject schema, string pointer, string exclusive, string inclusive, string dialect, Found found)
    {
        if (schema[exclusive] is not JsonValue bound || bound.GetValueKind() != JsonValueKind.Number)
        {
            return;
        }

        found.Add("exclusive-" + inclusive, pointer + "/" + exclusive, atKey: true, $"'{exclusive}: {bound.ToJsonString()}' (a number, as OpenAPI 3.1 writes it) in {dialect}", $"'{inclusive}: {bound.ToJsonString()}' and '{exclusive}: true'");
        schema[inclusive] = bound.DeepClone();
        schema[exclusive] = true;
    }

    /// <summary><c>nullable: true</c> in an OpenAPI 3.1 document, where it means nothing, is <c>'null'</c> added to the type.</summary>
    private static void Nullable(JsonObject schema, string pointer, Found found)
    {
        if (schema["nullable"] is not JsonValue flag || !flag.TryGetValue<bool>(out var nullable))
        {
            return;
        }

        switch (schema["type"])
        {
            case JsonValue type when type.TryGetValue<string>(out var name):
                found.Add("nullable", pointer + "/nullable", atKey: true, "'nullable' (an OpenAPI 3.0 keyword) in an OpenAPI 3.1 document", "'null' added to the schema's type");
                schema.Remove("nullable");
                if (nullable && name != "null")
                {
                    schema["type"] = new JsonArray(name, "null");
                }

                break;
            case JsonArray types:
                found.Add("nullable", pointer + "/nullable", atKey: true, "'nullable' (an OpenAPI 3.0 keyword) in an OpenAPI 3.1 document", "'null' added to the schema's type");
                schema.Remove("nullable");
                if (nullable && !types.OfType<JsonValue>().Any(v => v.ToString() == "null"))
                {
                    types.Add("null");
                }

                break;
        }
    }

    /// <summary><c>examples: 42</c> on a schema in OpenAPI 3.1, where it is a list of examples, is <c>examples: [42]</c>.</summary>
    private static void ExamplesList(JsonObject schema, string pointer, Found found)
    {
        if (!schema.ContainsKey("examples") || schema["examples"] is JsonArray)
        {
            return;
        }

        found.Add("examples", pointer + "/examples", atKey: true, "A schema's 'examples' that is not a list", "a list of that one example");
        var example = schema["examples"];
        schema["examples"] = new JsonArray(example?.DeepClone());
    }

    /// <summary>The quirks found, each once, with where it is first and how often.</summary>
    private sealed class Found
    {
        private readonly Dictionary<string, Quirk> _byKind = new(StringComparer.Ordinal);

        public List<Quirk> Quirks { get; } = new();

        public void Add(string kind, string pointer, bool atKey, string written, string readAs)
        {
            if (_byKind.TryGetValue(kind, out var quirk))
            {
                quirk.Count++;
                return;
            }

            quirk = new Quirk(pointer, atKey, written, readAs);
            _byKind[kind] = quirk;
            Quirks.Add(quirk);
        }
    }

    private sealed class Quirk(string pointer, bool atKey, string written, string readAs)
    {
        public string Pointer { get; } = pointer;

        public bool AtKey { get; } = atKey;

        public string Written { get; } = written;

        public string ReadAs { get; } = readAs;

        public int Count { get; set; } = 1;
    }
}
