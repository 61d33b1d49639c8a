using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using WebhookGen.Generator.Helpers;

namespace WebhookGen.Generator.Reading.Quirks;

/// <summary>
/// Visits every schema object of a document (as a JSON tree, before the OpenAPI reader sees it): the component schemas
/// (<c>definitions</c> in Swagger 2.0), every <c>schema</c> of a parameter, header or media type, and the schemas inside
/// those. Examples, defaults, enums and extensions are values, not schemas, and are not entered.
/// </summary>
internal static class SchemaVisitor
{
    /// <summary>A schema, where it stands, and the property it describes (its owner and name) if it is one.</summary>
    public delegate void Visit(JsonObject schema, string pointer, JsonObject? owner, string? property);

    /// <summary>Keys whose values are data, never schemas or OpenAPI objects.</summary>
    private static readonly HashSet<string> Values = new(StringComparer.Ordinal) { "example", "examples", "default", "enum", "const" };

    /// <summary>A schema's keys whose value is one schema.</summary>
    private static readonly HashSet<string> OneSchema = new(StringComparer.Ordinal)
    {
        "items", "additionalProperties", "not", "contains", "if", "then", "else", "additionalItems", "propertyNames",
        "unevaluatedProperties", "unevaluatedItems",
    };

    /// <summary>A schema's keys whose value is a list of schemas.</summary>
    private static readonly HashSet<string> ListOfSchemas = new(StringComparer.Ordinal) { "allOf", "anyOf", "oneOf", "prefixItems" };

    /// <summary>A schema's keys whose value maps names to schemas.</summary>
    private static readonly HashSet<string> MapOfSchemas = new(StringComparer.Ordinal) { "properties", "patternProperties", "$defs", "definitions", "dependentSchemas" };

    public static void Walk(JsonObject root, Visit visit)
    {
        foreach (var member in root)
        {
            var pointer = SpecPointer.Append(string.Empty, member.Key);
            if (member.Key == "definitions" && member.Value is JsonObject definitions)
            {
                Map(definitions, pointer, visit);
            }
            else if (!IsValue(member.Key))
            {
                Other(member.Value, pointer, member.Key, visit);
            }
        }
    }

    /// <summary>A node that is not a schema: its <c>schema</c> and <c>schemas</c> members are.</summary>
    private static void Other(JsonNode? node, string pointer, string key, Visit visit)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var member in obj)
                {
                    var child = SpecPointer.Append(pointer, member.Key);
                    if (member.Key == "schema" && member.Value is JsonObject schema)
                    {
                        Schema(schema, child, null, null, visit);
                    }
                    else if (member.Key == "schemas" && key == "components" && member.Value is JsonObject schemas)
                    {
                        Map(schemas, child, visit);
                    }
                    else if (!IsValue(member.Key))
                    {
                        Other(member.Value, child, member.Key, visit);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Other(array[i], SpecPointer.Append(pointer, i.ToString(CultureInfo.InvariantCulture)), key, visit);
                }

                break;
        }
    }

    private static void Map(JsonObject schemas, string pointer, Visit visit)
    {
        foreach (var member in schemas.ToList())
        {
            if (member.Value is JsonObject schema)
            {
                Schema(schema, SpecPointer.Append(pointer, member.Key), null, null, visit);
            }
        }
    }

    private static void Schema(JsonObject schema, string pointer, JsonObject? owner, string? property, Visit visit)
    {
        visit(schema, pointer, owner, property);
        foreach (var member in schema.ToList())
        {
            var child = SpecPointer.Append(pointer, member.Key);
            if (OneSchema.Contains(member.Key) && member.Value is JsonObject one)
            {
                Schema(one, child, null, null, visit);
            }
            else if ((ListOfSchemas.Contains(member.Key) || member.Key == "items") && member.Value is JsonArray list)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    if (list[i] is JsonObject item)
                    {
                        Schema(item, SpecPointer.Append(child, i.ToString(CultureInfo.InvariantCulture)), null, null, visit);
                    }
                }
            }
            else if (MapOfSchemas.Contains(member.Key) && member.Value is JsonObject map)
            {
                foreach (var entry in map.ToList())
                {
                    if (entry.Value is JsonObject entrySchema)
                    {
                        Schema(entrySchema, SpecPointer.Append(child, entry.Key), member.Key == "properties" ? schema : null, member.Key == "properties" ? entry.Key : null, visit);
                    }
                }
            }
        }
    }

    /// <summary>Data, or an extension other than the two that describe events the way <c>webhooks</c> does.</summary>
    private static bool IsValue(string key) =>
        Values.Contains(key) || (key.StartsWith("x-", StringComparison.Ordinal) && key is not ("x-webhooks" or "x-async-responses"));
}
