using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using WebhookGen.Generator.Helpers;

namespace WebhookGen.Generator.Tests.Fuzz;

/// <summary>Where a node stands in the tree: its parent and its key (in an object) or index (in an array).</summary>
internal sealed record NodeSite(string Pointer, JsonNode? Node, JsonNode Parent, string? Key, int Index)
{
    /// <summary>The key of the parent's own site, e.g. <c>properties</c> for a property's schema.</summary>
    public string? ParentKey { get; init; }

    /// <summary>The key of the grandparent's own site.</summary>
    public string? GrandparentKey { get; init; }

    public bool IsObject => Node is JsonObject;

    public string? StringValue => Node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    public bool IsScalar => Node is null or JsonValue;

    /// <summary>Puts <paramref name="value"/> where the node is.</summary>
    public void Replace(JsonNode? value)
    {
        if (Parent is JsonObject obj)
        {
            obj[Key!] = value;
        }
        else
        {
            ((JsonArray)Parent)[Index] = value;
        }
    }

    /// <summary>Takes the node out of its parent.</summary>
    public void Remove()
    {
        if (Parent is JsonObject obj)
        {
            obj.Remove(Key!);
        }
        else
        {
            ((JsonArray)Parent).RemoveAt(Index);
        }
    }
}

/// <summary>Finding nodes in a spec's tree.</summary>
internal static class FuzzTree
{
    private static readonly HashSet<string> SchemaValuedKeys = new(StringComparer.Ordinal)
    {
        "schema", "items", "additionalProperties", "not", "additionalItems", "contains", "if", "then", "else",
        "propertyNames", "unevaluatedProperties", "unevaluatedItems",
    };

    private static readonly HashSet<string> SchemaMapKeys = new(StringComparer.Ordinal)
    {
        "properties", "patternProperties", "schemas", "definitions", "$defs",
    };

    private static readonly HashSet<string> SchemaListKeys = new(StringComparer.Ordinal)
    {
        "allOf", "oneOf", "anyOf", "prefixItems",
    };

    /// <summary>Every node under the root (not the root itself), parents before children.</summary>
    public static List<NodeSite> Walk(JsonNode root)
    {
        var sites = new List<NodeSite>();
        Walk(root, string.Empty, null, null, sites);
        return sites;
    }

    private static void Walk(JsonNode node, string pointer, string? ownKey, string? parentKey, List<NodeSite> sites)
    {
        if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj)
            {
                var child = SpecPointer.Append(pointer, key);
                sites.Add(new NodeSite(child, value, obj, key, -1) { ParentKey = ownKey, GrandparentKey = parentKey });
                if (value is not null)
                {
                    Walk(value, child, key, ownKey, sites);
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                var child = pointer + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                sites.Add(new NodeSite(child, array[i], array, null, i) { ParentKey = ownKey, GrandparentKey = parentKey });
                if (array[i] is { } item)
                {
                    Walk(item, child, ownKey, parentKey, sites);
                }
            }
        }
    }

    /// <summary>Whether the node stands where a schema is expected (a guess from the keys around it).</summary>
    public static bool IsSchema(NodeSite site) =>
        site.Node is JsonObject
        && (site.Key is { } key
            ? SchemaValuedKeys.Contains(key) || (site.ParentKey is { } parent && SchemaMapKeys.Contains(parent) && site.GrandparentKey is not "properties" and not "x-webhook-signature")
            : site.ParentKey is { } list && SchemaListKeys.Contains(list));

    /// <summary>The schemas that are components (<c>#/components/schemas/X</c>, Swagger <c>#/definitions/X</c>).</summary>
    public static JsonObject ComponentSchemas(JsonNode root, bool create)
    {
        var rootObject = (JsonObject)root;
        if (IsSwagger(root))
        {
            if (rootObject["definitions"] is not JsonObject definitions)
            {
                definitions = [];
                if (create)
                {
                    rootObject["definitions"] = definitions;
                }
            }

            return definitions;
        }

        if (rootObject["components"] is not JsonObject components)
        {
            components = [];
            if (create)
            {
                rootObject["components"] = components;
            }
        }

        if (components["schemas"] is not JsonObject schemas)
        {
            schemas = [];
            if (create)
            {
                components["schemas"] = schemas;
            }
        }

        return schemas;
    }

    public static bool IsSwagger(JsonNode root) => root is JsonObject obj && obj.ContainsKey("swagger");

    /// <summary>The reference to the component schema <paramref name="name"/>.</summary>
    public static string SchemaRef(JsonNode root, string name) =>
        (IsSwagger(root) ? "#/definitions/" : "#/components/schemas/") + Escape(name);

    public static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    public static JsonObject Ref(string target) => new() { ["$ref"] = target };

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    /// <summary>A random item of <paramref name="items"/>, or default when there is none.</summary>
    public static T? PickOrDefault<T>(this Random random, IEnumerable<T> items)
    {
        var list = items as IReadOnlyList<T> ?? items.ToList();
        return list.Count == 0 ? default : list[random.Next(list.Count)];
    }

    /// <summary>A short, one-line rendering of a node for a report.</summary>
    public static string Show(JsonNode? node) => node is null ? "null" : FuzzText.Clip(FuzzDocument.ToJson(node).ReplaceLineEndings(" "), 80);
}
