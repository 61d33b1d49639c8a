using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace WebhookGen.Generator.Tests.Fuzz;

/// <summary>Mutators that replace values with odd scalars and strings that are hard to carry into C#.</summary>
internal static class ScalarMutators
{
    /// <summary>Where a string ends up in generated code: names, literals, doc comments, routes, headers.</summary>
    private static readonly HashSet<string> StringKeys = new(StringComparer.Ordinal)
    {
        "description", "summary", "title", "operationId", "name", "propertyName", "url", "basePath", "format", "pattern", "const",
        "default", "example", "header", "in", "type", "scheme", "contentSeparator", "encoding", "algorithm", "secretEncoding",
    };

    private static readonly HashSet<string> NumberKeys = new(StringComparer.Ordinal)
    {
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems", "multipleOf",
        "default", "example", "const", "tolerance", "toleranceSeconds", "minProperties", "maxProperties",
    };

    public static IReadOnlyList<Mutator> All { get; } =
    [
        new("odd-scalar", MutatorLevel.Tree, OddScalar),
        new("odd-string", MutatorLevel.Tree, OddString),
        new("odd-number", MutatorLevel.Tree, OddNumber),
        new("odd-format", MutatorLevel.Tree, OddFormat),
        new("odd-enum", MutatorLevel.Tree, OddEnum),
        new("odd-default", MutatorLevel.Tree, OddDefault),
        new("odd-route", MutatorLevel.Tree, OddRoute),
        new("odd-version", MutatorLevel.Tree, OddVersion),
    ];

    private static string Set(FuzzDocument document, NodeSite site, JsonNode? value, string? shown = null)
    {
        var before = FuzzTree.Show(site.Node);
        site.Replace(value);
        document.Touch();
        return $"{site.Pointer}: {before} → {shown ?? FuzzTree.Show(value)}";
    }

    private static string? OddScalar(FuzzDocument document, Random random)
    {
        var sites = FuzzTree.Walk(document.Tree).Where(s => s.IsScalar).ToList();
        var preferred = sites.Where(s => s.Key is { } key && TypeMutators.Keywords.Contains(key)).ToList();
        var site = random.PickOrDefault(preferred.Count > 0 && random.Chance(0.7) ? preferred : sites);
        if (site is null)
        {
            return null;
        }

        var raw = random.Pick(document.Format == SpecFormat.Yaml ? OddValues.YamlScalars : OddValues.JsonScalars);
        return Set(document, site, document.Raw(raw), "raw " + FuzzText.Clip(raw, 40));
    }

    private static string? OddString(FuzzDocument document, Random random)
    {
        var sites = FuzzTree.Walk(document.Tree).Where(s => s.StringValue is not null).ToList();
        var preferred = sites.Where(s => s.Key is { } key && StringKeys.Contains(key) || s.ParentKey is "enum" or "required" or "mapping").ToList();
        var site = random.PickOrDefault(preferred.Count > 0 && random.Chance(0.8) ? preferred : sites);
        if (site is null)
        {
            return null;
        }

        var value = random.Next(5) switch
        {
            0 => site.StringValue + random.Pick(OddValues.Strings),
            1 => random.Pick(OddValues.Strings) + site.StringValue,
            _ => random.Pick(OddValues.Strings),
        };
        return Set(document, site, value);
    }

    private static string? OddNumber(FuzzDocument document, Random random)
    {
        var sites = FuzzTree.Walk(document.Tree).ToList();
        var site = random.PickOrDefault(sites.Where(s => s.Key is { } key && NumberKeys.Contains(key)).ToList());
        if (site is null)
        {
            // Add a bound to a schema.
            var schema = random.PickOrDefault(sites.Where(FuzzTree.IsSchema).ToList());
            if (schema?.Node is not JsonObject obj)
            {
                return null;
            }

            var key = random.Pick(NumberKeys.Order(StringComparer.Ordinal).ToList());
            obj[key] = 0;
            site = new NodeSite(schema.Pointer + "/" + key, obj[key], obj, key, -1);
        }

        var raw = random.Pick(["-0", "1e999", "-1e999", "9223372036854775808", "-9223372036854775809", "1.5", "-1", "0", "2147483648", "1E-400", "0.1", "12345678901234567890.5"]);
        return Set(document, site, document.Raw(raw), "raw " + raw);
    }

    private static string? OddFormat(FuzzDocument document, Random random)
    {
        var schema = random.PickOrDefault(FuzzTree.Walk(document.Tree).Where(FuzzTree.IsSchema).Where(s => ((JsonObject)s.Node!).ContainsKey("type") || random.Chance(0.2)).ToList());
        if (schema?.Node is not JsonObject obj)
        {
            return null;
        }

        JsonNode? format = random.Pick<JsonNode?>(
        [
            "int32", "int64", "uuid", "date-time", "date", "byte", "binary", "decimal", "float", "double", "uri", "time", "email", "",
            " ", "INT32", "Int32", "int8", "uint64", "uint16", "unknown-format", "date-time ", "uuid\u0000", 42, null, new JsonArray("uuid"),
        ]);
        var site = new NodeSite(schema.Pointer + "/format", obj["format"], obj, "format", -1);
        return Set(document, site, format);
    }

    private static string? OddEnum(FuzzDocument document, Random random)
    {
        var sites = FuzzTree.Walk(document.Tree);
        var site = random.PickOrDefault(sites.Where(s => s.Key == "enum").ToList());
        if (site is null)
        {
            var schema = random.PickOrDefault(sites.Where(FuzzTree.IsSchema).ToList());
            if (schema?.Node is not JsonObject obj)
            {
                return null;
            }

            obj["type"] ??= "string";
            obj["enum"] = new JsonArray("a");
            site = new NodeSite(schema.Pointer + "/enum", obj["enum"], obj, "enum", -1);
        }

        var values = random.Next(6) switch
        {
            0 => new JsonArray("class", "Class", "CLASS", "@class", "_class"),
            1 => new JsonArray("", " ", "1", "1a", "-", "_", "__"),
            2 => new JsonArray("a-b", "a_b", "a.b", "aB", "AB", "a b"),
            3 => new JsonArray("Value", "IsDefined", "Unknown", "Equals", "ToString", "GetHashCode", "op_Equality"),
            4 => new JsonArray(1, "1", null, true, new JsonObject(), new JsonArray(), 1.5),
            _ => new JsonArray([.. Enumerable.Range(0, 3).Select(_ => (JsonNode?)random.Pick(OddValues.Strings))]),
        };
        if (site.Node is JsonArray existing && random.Chance(0.5))
        {
            foreach (var value in existing)
            {
                values.Add(value?.DeepClone());
            }
        }

        return Set(document, site, values);
    }

    private static string? OddDefault(FuzzDocument document, Random random)
    {
        var schema = random.PickOrDefault(FuzzTree.Walk(document.Tree).Where(FuzzTree.IsSchema).ToList());
        if (schema?.Node is not JsonObject obj)
        {
            return null;
        }

        var key = random.Pick(["default", "const", "example", "examples", "x-default"]);
        JsonNode? value = random.Next(6) switch
        {
            0 => new JsonObject { ["a"] = 1 },
            1 => new JsonArray(1, 2),
            2 => "not a number",
            3 => 42,
            4 => null,
            _ => random.Pick(OddValues.Strings),
        };
        var site = new NodeSite(schema.Pointer + "/" + key, obj[key], obj, key, -1);
        return Set(document, site, value);
    }

    private static string? OddVersion(FuzzDocument document, Random random)
    {
        var root = (JsonObject)document.Tree;
        var key = root.ContainsKey("swagger") ? "swagger" : "openapi";
        var before = FuzzTree.Show(root[key]);
        JsonNode? version = random.Pick<JsonNode?>(
        [
            "3.0", "3.0.4", "3.1.1", "3.2.0", "4.0.0", "2.0", "1.2", "3.0.0-rc0", "3.1.0 ", "v3", "", "3", 3.1, 3, 2.0, null, true, new JsonArray("3.1.0"),
        ]);
        root[key] = version;
        if (random.Chance(0.2))
        {
            // Both fields, each saying another version.
            root[key == "swagger" ? "openapi" : "swagger"] = key == "swagger" ? "3.1.0" : "2.0";
        }

        document.Touch();
        return $"/{key}: {before} → {FuzzTree.Show(version)}";
    }

    private static string? OddRoute(FuzzDocument document, Random random)
    {
        // Path keys, webhook names and server URLs become routes and names.
        var sites = FuzzTree.Walk(document.Tree);
        var route = random.PickOrDefault(sites.Where(s => s.ParentKey is "paths" or "webhooks" or "x-webhooks" || s.GrandparentKey == "callbacks" || s.Key is "url" or "basePath").ToList());
        if (route is null)
        {
            return null;
        }

        var odd = random.Pick(
        [
            "", "/", "//", "/{id}", "/{}", "/{a}/{a}", "/a b", "/é", "/🎉", "/a?b=c", "/a#b", "/a%20b", "/..", "/{$request.body#/url}", "{$request.body#/url}",
            "https://", "http://[::1]:80/x", "ftp://x/y", "/a\"b", "/a\\b", "/*", "/**", "/{**rest}", "/{id:int}", "/a{", "/a}", "~", "x-" + new string('a', 300),
        ]);
        if (route.Key is "url" or "basePath")
        {
            return Set(document, route, odd);
        }

        // Renaming the key keeps the entry.
        var parent = (JsonObject)route.Parent;
        var value = route.Node?.DeepClone();
        parent.Remove(route.Key!);
        parent[odd] = value;
        document.Touch();
        return $"{route.Pointer} renamed '{FuzzText.Clip(odd, 40)}'";
    }
}
