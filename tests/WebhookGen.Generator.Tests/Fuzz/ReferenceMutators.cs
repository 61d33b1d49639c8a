using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace WebhookGen.Generator.Tests.Fuzz;

/// <summary>Mutators that break <c>$ref</c>s: to nothing, to another file, to the wrong kind of thing, malformed.</summary>
internal static class ReferenceMutators
{
    public static IReadOnlyList<Mutator> All { get; } =
    [
        new("ref-missing", MutatorLevel.Tree, Missing),
        new("ref-external", MutatorLevel.Tree, External),
        new("ref-malformed", MutatorLevel.Tree, Malformed),
        new("ref-not-a-string", MutatorLevel.Tree, NotAString),
        new("ref-wrong-kind", MutatorLevel.Tree, WrongKind),
        new("ref-siblings", MutatorLevel.Tree, Siblings),
        new("ref-missing-component", MutatorLevel.Tree, MissingComponent),
        new("mapping-broken", MutatorLevel.Tree, MappingBroken),
    ];

    /// <summary>The <c>$ref</c> values in the tree; when there are none, a schema is made into one.</summary>
    private static NodeSite? RefSite(FuzzDocument document, Random random)
    {
        var sites = FuzzTree.Walk(document.Tree);
        var refs = sites.Where(s => s.Key == "$ref").ToList();
        if (refs.Count > 0 && random.Chance(0.85))
        {
            return random.Pick(refs);
        }

        var schema = random.PickOrDefault(sites.Where(FuzzTree.IsSchema).ToList());
        if (schema?.Node is not JsonObject obj)
        {
            return null;
        }

        obj["$ref"] = "#/";
        return new NodeSite(schema.Pointer + "/$ref", obj["$ref"], obj, "$ref", -1);
    }

    private static string Set(FuzzDocument document, NodeSite site, JsonNode? value)
    {
        var before = FuzzTree.Show(site.Node);
        site.Replace(value);
        document.Touch();
        return $"{site.Pointer}: {before} → {FuzzTree.Show(value)}";
    }

    private static string? Missing(FuzzDocument document, Random random)
    {
        var site = RefSite(document, random);
        if (site is null)
        {
            return null;
        }

        var current = site.StringValue ?? string.Empty;
        var target = random.Next(3) switch
        {
            0 => FuzzTree.SchemaRef(document.Tree, "FuzzMissing"),
            1 => current + "X",
            _ => current.Contains('/', StringComparison.Ordinal) ? current[..(current.LastIndexOf('/') + 1)] : "#/nowhere",
        };
        return Set(document, site, target);
    }

    private static string? External(FuzzDocument document, Random random)
    {
        var site = RefSite(document, random);
        if (site is null)
        {
            return null;
        }

        var fileName = "hooks" + document.Extension;
        var target = random.Pick<string>(
        [
            "other.yaml#/components/schemas/Foo", "./other.json", "common.yaml", "../shared/defs.yaml#/Pet",
            "https://example.test/spec.yaml#/components/schemas/Foo", "http://localhost:1/x.json", "file:///etc/passwd",
            "//host/x.yaml", "urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66", "C:\\specs\\a.yaml#/x", "\\\\server\\share\\a.yaml",
            fileName + "#/components/schemas/Foo", fileName, "./" + fileName + FuzzTree.SchemaRef(document.Tree, "FuzzMissing"),
            "other.yaml#", "other.yaml#/", "other.yaml#/components/schemas/Foo#/x", "%2e%2e/a.yaml", "a.yaml?x=1#/y",
        ]);
        return Set(document, site, target);
    }

    private static string? Malformed(FuzzDocument document, Random random)
    {
        var site = RefSite(document, random);
        if (site is null)
        {
            return null;
        }

        var schemas = FuzzTree.ComponentSchemas(document.Tree, create: false);
        var some = schemas.Select(p => p.Key).FirstOrDefault() ?? "X";
        var prefix = FuzzTree.SchemaRef(document.Tree, string.Empty);
        var target = random.Next(24) switch
        {
            0 => string.Empty,
            1 => "#",
            2 => "#/",
            3 => prefix.TrimStart('#') + some,
            4 => prefix.Replace("#/", "#", StringComparison.Ordinal) + some,
            5 => prefix.Replace("/", "//", StringComparison.Ordinal) + some,
            6 => prefix + some + "/",
            7 => prefix + "%ZZ",
            8 => prefix + some + "~",
            9 => prefix + some + "~2",
            10 => "#/~",
            11 => "# " + prefix.TrimStart('#'),
            12 => prefix + some + "#/y",
            13 => prefix + FuzzTree.Escape(some) + "/properties/" + (schemas[some] is JsonObject { } s && s["properties"] is JsonObject p && p.Count > 0 ? FuzzTree.Escape(p.First().Key) : "x"),
            14 => prefix + FuzzTree.Escape(some) + "/allOf/0",
            15 => prefix + FuzzTree.Escape(some) + "/allOf/99",
            16 => prefix + FuzzTree.Escape(some) + "/allOf/-1",
            17 => "#/info/title",
            18 => "#/openapi",
            19 => random.Pick(["#/paths", "#/components", "#/definitions", "#/webhooks"]),
            20 => prefix.TrimEnd('/'),
            21 => document.Raw("\"#/\\ud800\""),
            22 => "#/" + string.Concat(Enumerable.Repeat("a/", 2000)),
            _ => random.Pick(["\u0000", "#\u0000", " ", "#/components/schemas/" + new string('x', 5000), "#/components/schemas/é🎉"]),
        };
        return Set(document, site, target);
    }

    private static string? NotAString(FuzzDocument document, Random random)
    {
        var site = RefSite(document, random);
        if (site is null)
        {
            return null;
        }

        JsonNode? value = random.Next(6) switch
        {
            0 => 42,
            1 => null,
            2 => new JsonObject(),
            3 => new JsonArray("#/components/schemas/X"),
            4 => true,
            _ => new JsonObject { ["$ref"] = site.Node?.DeepClone() },
        };
        return Set(document, site, value);
    }

    private static string? WrongKind(FuzzDocument document, Random random)
    {
        var site = RefSite(document, random);
        if (site is null)
        {
            return null;
        }

        // Somewhere that exists but is not what a $ref in that place expects.
        var sites = FuzzTree.Walk(document.Tree);
        var target = random.PickOrDefault(sites.Where(s => s.Node is JsonObject && !FuzzTree.IsSchema(s) && s.Pointer.Length < 400).ToList());
        return target is null ? null : Set(document, site, "#" + target.Pointer);
    }

    private static string? Siblings(FuzzDocument document, Random random)
    {
        var site = random.PickOrDefault(FuzzTree.Walk(document.Tree).Where(s => s.Key == "$ref").ToList());
        if (site?.Parent is not JsonObject holder)
        {
            return null;
        }

        var (key, value) = random.Pick<(string, JsonNode?)>(
        [
            ("type", "string"), ("type", "integer"), ("nullable", true), ("description", "a sibling"), ("properties", new JsonObject { ["extra"] = new JsonObject { ["type"] = "string" } }),
            ("allOf", new JsonArray(new JsonObject { ["type"] = "object" })), ("enum", new JsonArray("a", "b")), ("items", new JsonObject { ["type"] = "string" }),
            ("$ref", holder["$ref"]?.DeepClone()), ("required", new JsonArray("missing")), ("oneOf", new JsonArray(new JsonObject { ["type"] = "string" }, new JsonObject { ["type"] = "integer" })),
        ]);
        var name = key == "$ref" ? "x-ref" : key;
        holder[name] = value;
        document.Touch();
        return $"{site.Pointer}: sibling {name}: {FuzzTree.Show(value)}";
    }

    private static string? MissingComponent(FuzzDocument document, Random random)
    {
        // Parameters, responses, bodies, headers and path items can be references too.
        var sites = FuzzTree.Walk(document.Tree);
        var site = random.PickOrDefault(sites.Where(s => s.Node is JsonObject && (s.ParentKey is "parameters" or "responses" or "headers" or "webhooks" or "x-webhooks" or "callbacks" || s.Key is "requestBody" || s.ParentKey is "paths" && random.Chance(0.3))).ToList());
        if (site is null)
        {
            return null;
        }

        var kind = site.Key == "requestBody" ? "requestBodies" : site.ParentKey switch
        {
            "parameters" => "parameters",
            "responses" => "responses",
            "headers" => "headers",
            _ => "pathItems",
        };
        var target = random.Chance(0.7) ? $"#/components/{kind}/FuzzMissing" : "#/components/" + random.Pick(["requestBodies", "parameters", "responses", "headers", "pathItems", "schemas", "callbacks"]) + "/" + random.Pick(["FuzzMissing", "", "~1"]);
        return Set(document, site, FuzzTree.Ref(target));
    }

    private static string? MappingBroken(FuzzDocument document, Random random)
    {
        var sites = FuzzTree.Walk(document.Tree);
        var mapping = random.PickOrDefault(sites.Where(s => s.ParentKey == "mapping").ToList());
        if (mapping is null)
        {
            // Give a schema a discriminator whose mapping points nowhere.
            var schema = random.PickOrDefault(sites.Where(FuzzTree.IsSchema).ToList());
            if (schema?.Node is not JsonObject obj)
            {
                return null;
            }

            obj["discriminator"] = new JsonObject
            {
                ["propertyName"] = random.Pick(["type", "kind", "", "missing"]),
                ["mapping"] = new JsonObject { ["a"] = FuzzTree.SchemaRef(document.Tree, "FuzzMissing"), ["b"] = "NotAName" },
            };
            document.Touch();
            return $"{schema.Pointer}: a discriminator mapping to missing schemas";
        }

        JsonNode? value = random.Next(7) switch
        {
            0 => FuzzTree.SchemaRef(document.Tree, "FuzzMissing"),
            1 => "NotAName",
            2 => "#/",
            3 => 7,
            4 => null,
            5 => new JsonArray(),
            _ => "other.yaml#/components/schemas/X",
        };
        return Set(document, mapping, value);
    }
}
