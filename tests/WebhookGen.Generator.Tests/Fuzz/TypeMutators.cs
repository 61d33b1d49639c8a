using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace WebhookGen.Generator.Tests.Fuzz;

/// <summary>Mutators that give a value another JSON type, take keys away or put a node where another belongs.</summary>
internal static class TypeMutators
{
    /// <summary>The keys whose values matter most to the generator: a mutation there changes what it reads.</summary>
    public static IReadOnlySet<string> Keywords { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "openapi", "swagger", "info", "paths", "webhooks", "x-webhooks", "components", "schemas", "definitions", "servers", "url", "basePath",
        "post", "put", "patch", "get", "requestBody", "content", "application/json", "schema", "responses", "parameters", "callbacks",
        "operationId", "in", "name", "headers", "x-async-responses", "type", "format", "properties", "items", "required", "enum", "const",
        "allOf", "oneOf", "anyOf", "not", "additionalProperties", "discriminator", "propertyName", "mapping", "nullable", "$ref",
        "default", "example", "title", "description", "readOnly", "writeOnly", "x-webhook-signature", "x-webhook-delivery-id",
    };

    public static IReadOnlyList<Mutator> All { get; } =
    [
        new("swap-type", MutatorLevel.Tree, SwapType),
        new("swap-keyword-type", MutatorLevel.Tree, SwapKeywordType),
        new("remove-key", MutatorLevel.Tree, RemoveKey),
        new("remove-keyword", MutatorLevel.Tree, RemoveKeyword),
        new("transplant", MutatorLevel.Tree, Transplant),
        new("empty-container", MutatorLevel.Tree, EmptyContainer),
        new("schema-type", MutatorLevel.Tree, SchemaType),
        new("swap-extension-type", MutatorLevel.Tree, SwapExtensionType),
    ];

    /// <summary>A value of another JSON kind than <paramref name="node"/>: string, number, boolean, null, object or array.</summary>
    public static JsonNode? OtherKind(JsonNode? node, Random random)
    {
        var kind = node switch
        {
            JsonObject => 0,
            JsonArray => 1,
            null => 2,
            _ => 3,
        };
        while (true)
        {
            var choice = random.Next(8);
            JsonNode? value = choice switch
            {
                0 when kind != 0 => random.Chance(0.5) || node is null ? new JsonObject() : new JsonObject { ["value"] = node.DeepClone() },
                1 when kind != 1 => random.Chance(0.5) || node is null ? new JsonArray() : new JsonArray(node.DeepClone()),
                2 when kind != 2 => null,
                3 when kind != 3 => JsonValue.Create(random.Pick(["object", "string", "x", "", "#/components/schemas/X"])),
                4 when kind != 3 => JsonValue.Create(random.Pick([0, 1, -1, 42, int.MaxValue])),
                5 when kind != 3 => JsonValue.Create(random.Pick([0.5, -1.5, 1e300])),
                6 when kind != 3 => JsonValue.Create(random.Chance(0.5)),
                7 when node is JsonValue => JsonValue.Create(node.ToJsonString()),
                7 when node is JsonObject obj && obj.Count > 0 => new JsonArray(obj.Select(p => p.Value?.DeepClone()).ToArray()),
                _ => null,
            };
            if (value is not null || choice == 2 && kind != 2)
            {
                return value;
            }
        }
    }

    private static string? SwapType(FuzzDocument document, Random random)
    {
        var site = random.PickOrDefault(FuzzTree.Walk(document.Tree));
        return site is null ? null : Swap(document, site, random);
    }

    private static string? SwapKeywordType(FuzzDocument document, Random random)
    {
        var site = random.PickOrDefault(FuzzTree.Walk(document.Tree).Where(s => s.Key is { } key && Keywords.Contains(key)).ToList());
        return site is null ? null : Swap(document, site, random);
    }

    private static string? SwapExtensionType(FuzzDocument document, Random random)
    {
        // WebhookGen's own extensions (x-webhook-signature, x-webhook-delivery-id) and the vendor ones it reads (x-webhooks, x-async-responses).
        var site = random.PickOrDefault(FuzzTree.Walk(document.Tree).Where(s => s.Pointer.Contains("/x-webhook", StringComparison.Ordinal) || s.Pointer.Contains("/x-async", StringComparison.Ordinal)).ToList());
        return site is null ? null : Swap(document, site, random);
    }

    private static string Swap(FuzzDocument document, NodeSite site, Random random)
    {
        var before = FuzzTree.Show(site.Node);
        var value = OtherKind(site.Node, random);
        site.Replace(value);
        document.Touch();
        return $"{site.Pointer}: {before} → {FuzzTree.Show(value)}";
    }

    private static string? RemoveKey(FuzzDocument document, Random random)
    {
        var site = random.PickOrDefault(FuzzTree.Walk(document.Tree).Where(s => s.Key is not null).ToList());
        return site is null ? null : Remove(document, site);
    }

    private static string? RemoveKeyword(FuzzDocument document, Random random)
    {
        var site = random.PickOrDefault(FuzzTree.Walk(document.Tree).Where(s => s.Key is { } key && Keywords.Contains(key)).ToList());
        return site is null ? null : Remove(document, site);
    }

    private static string Remove(FuzzDocument document, NodeSite site)
    {
        site.Remove();
        document.Touch();
        return $"removed {site.Pointer}";
    }

    private static string? Transplant(FuzzDocument document, Random random)
    {
        var sites = FuzzTree.Walk(document.Tree).Where(s => s.Node is not null).ToList();
        var target = random.PickOrDefault(sites.Where(s => s.IsObject || random.Chance(0.3)).ToList());
        var donor = random.PickOrDefault(sites.Where(s => s.IsObject).ToList());
        if (target is null || donor is null)
        {
            return null;
        }

        target.Replace(donor.Node!.DeepClone());
        document.Touch();
        return $"{target.Pointer} replaced by a copy of {donor.Pointer}";
    }

    private static string? EmptyContainer(FuzzDocument document, Random random)
    {
        var site = random.PickOrDefault(FuzzTree.Walk(document.Tree).Where(s => s.Node is JsonObject or JsonArray).ToList());
        if (site is null)
        {
            return null;
        }

        site.Replace(site.Node is JsonObject ? new JsonObject() : new JsonArray());
        document.Touch();
        return $"emptied {site.Pointer}";
    }

    private static string? SchemaType(FuzzDocument document, Random random)
    {
        var site = random.PickOrDefault(FuzzTree.Walk(document.Tree).Where(FuzzTree.IsSchema).ToList());
        if (site?.Node is not JsonObject schema)
        {
            return null;
        }

        JsonNode? type = random.Next(14) switch
        {
            0 => "strin",
            1 => "Object",
            2 => "",
            3 => "null",
            4 => new JsonArray("null"),
            5 => new JsonArray(),
            6 => new JsonArray("string", "integer"),
            7 => new JsonArray("object", "null"),
            8 => "array",
            9 => "file",
            10 => 42,
            11 => new JsonArray(new JsonArray("string")),
            12 => schema.ContainsKey("properties") ? "integer" : "object",
            _ => new JsonArray("array", "object", "string", "number", "integer", "boolean", "null"),
        };
        var before = FuzzTree.Show(schema["type"]);
        schema["type"] = type;
        if (random.Chance(0.3))
        {
            schema.Remove("items");
        }

        document.Touch();
        return $"{site.Pointer}/type: {before} → {FuzzTree.Show(type)}";
    }
}
