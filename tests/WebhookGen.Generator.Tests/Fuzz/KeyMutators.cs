using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace WebhookGen.Generator.Tests.Fuzz;

/// <summary>Mutators that rename keys to names C# cannot take as they are, make names collide, or repeat keys.</summary>
internal static class KeyMutators
{
    public static IReadOnlyList<Mutator> All { get; } =
    [
        new("odd-property-name", MutatorLevel.Tree, OddPropertyName),
        new("odd-schema-name", MutatorLevel.Tree, OddSchemaName),
        new("colliding-names", MutatorLevel.Tree, CollidingNames),
        new("odd-operation-id", MutatorLevel.Tree, OddOperationId),
        new("odd-discriminator", MutatorLevel.Tree, OddDiscriminator),
        new("odd-header-name", MutatorLevel.Tree, OddHeaderName),
        new("odd-required", MutatorLevel.Tree, OddRequired),
        new("duplicate-key", MutatorLevel.Text, DuplicateKey),
    ];

    /// <summary>Renames <paramref name="key"/> in <paramref name="obj"/> to <paramref name="name"/>, keeping the order of the keys.</summary>
    public static void Rename(JsonObject obj, string key, string name)
    {
        var entries = obj.Select(p => (Key: p.Key == key ? name : p.Key, Value: p.Value)).ToList();
        obj.Clear();
        foreach (var (k, v) in entries)
        {
            obj[k] = v?.DeepClone();
        }
    }

    private static string OddName(Random random, string current) => random.Next(4) switch
    {
        0 => current + random.Pick(OddValues.Names),
        _ => random.Pick(OddValues.Names),
    };

    private static string? OddPropertyName(FuzzDocument document, Random random)
    {
        var site = random.PickOrDefault(FuzzTree.Walk(document.Tree).Where(s => s.ParentKey == "properties" && s.Key is not null).ToList());
        if (site is null)
        {
            return null;
        }

        var holder = (JsonObject)site.Parent;
        var name = OddName(random, site.Key!);
        Rename(holder, site.Key!, name);
        document.Touch();
        return $"{site.Pointer} renamed '{FuzzText.Clip(name, 40)}'";
    }

    private static string? OddSchemaName(FuzzDocument document, Random random)
    {
        var schemas = FuzzTree.ComponentSchemas(document.Tree, create: false);
        if (schemas.Count == 0)
        {
            return null;
        }

        var old = random.Pick(schemas.Select(p => p.Key).ToList());
        var name = OddName(random, old);
        Rename(schemas, old, name);

        // References follow the rename (most of the time), so the schema is still used.
        var follow = random.Chance(0.8);
        if (follow)
        {
            var from = FuzzTree.SchemaRef(document.Tree, old);
            var to = FuzzTree.SchemaRef(document.Tree, name);
            foreach (var site in FuzzTree.Walk(document.Tree).Where(s => s.Key == "$ref" && s.StringValue == from || s.ParentKey == "mapping" && (s.StringValue == from || s.StringValue == old)).ToList())
            {
                site.Replace(site.StringValue == old ? name : to);
            }
        }

        document.Touch();
        return $"component schema '{FuzzText.Clip(old, 40)}' renamed '{FuzzText.Clip(name, 40)}'" + (follow ? ", references too" : ", references left");
    }

    private static string? CollidingNames(FuzzDocument document, Random random)
    {
        // Keys that differ only in case or punctuation become the same C# name.
        var holders = FuzzTree.Walk(document.Tree).Where(s => s.Key is "properties" or "schemas" or "definitions" or "webhooks" or "x-webhooks" && s.Node is JsonObject { Count: > 0 }).ToList();
        var holder = random.PickOrDefault(holders);
        if (holder?.Node is not JsonObject obj)
        {
            return null;
        }

        var (key, value) = random.Pick(obj.ToList());
        var variants = new[] { key.ToUpperInvariant(), key.ToLowerInvariant(), key + "_", "_" + key, key.Replace('_', '-'), key + " ", "@" + key, key + "1", char.ToUpperInvariant(key.FirstOrDefault('x')) + key.Substring(Math.Min(1, key.Length)) }
            .Where(v => v != key && !obj.ContainsKey(v))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(_ => random.Next())
            .Take(random.Next(1, 4))
            .ToList();
        foreach (var variant in variants)
        {
            obj[variant] = value?.DeepClone();
        }

        document.Touch();
        return $"{holder.Pointer}: '{FuzzText.Clip(key, 40)}' copied as {string.Join(", ", variants.Select(v => "'" + FuzzText.Clip(v, 40) + "'"))}";
    }

    private static string? OddOperationId(FuzzDocument document, Random random)
    {
        var sites = FuzzTree.Walk(document.Tree);
        var site = random.PickOrDefault(sites.Where(s => s.Key == "operationId").ToList());
        if (site is null)
        {
            var operation = random.PickOrDefault(sites.Where(s => s.Key is "post" or "put" or "patch" && s.Node is JsonObject).ToList());
            if (operation?.Node is not JsonObject obj)
            {
                return null;
            }

            obj["operationId"] = "x";
            site = new NodeSite(operation.Pointer + "/operationId", obj["operationId"], obj, "operationId", -1);
        }

        // The same id twice is a collision too.
        var other = sites.Where(s => s.Key == "operationId" && s.Pointer != site.Pointer).Select(s => s.StringValue).OfType<string>().FirstOrDefault();
        var name = other is not null && random.Chance(0.2) ? other : OddName(random, site.StringValue ?? string.Empty);
        site.Replace(name);
        document.Touch();
        return $"{site.Pointer}: '{FuzzText.Clip(name, 40)}'";
    }

    private static string? OddDiscriminator(FuzzDocument document, Random random)
    {
        var sites = FuzzTree.Walk(document.Tree);
        var site = random.PickOrDefault(sites.Where(s => s.Key == "discriminator" && s.Node is JsonObject).ToList());
        if (site?.Node is not JsonObject discriminator)
        {
            return null;
        }

        if (random.Chance(0.5) || discriminator["mapping"] is not JsonObject { Count: > 0 } mapping)
        {
            var name = random.Pick(OddValues.Names);
            discriminator["propertyName"] = name;
            document.Touch();
            return $"{site.Pointer}/propertyName: '{FuzzText.Clip(name, 40)}'";
        }

        var key = random.Pick(mapping.Select(p => p.Key).ToList());
        var value = random.Pick(OddValues.Strings);
        if (random.Chance(0.5))
        {
            // Two mapping values for one schema, or two that become one name.
            mapping[value] = mapping[key]?.DeepClone();
        }
        else
        {
            Rename(mapping, key, value);
        }

        document.Touch();
        return $"{site.Pointer}/mapping: '{FuzzText.Clip(key, 40)}' → '{FuzzText.Clip(value, 40)}'";
    }

    private static string? OddHeaderName(FuzzDocument document, Random random)
    {
        var sites = FuzzTree.Walk(document.Tree);
        var site = random.PickOrDefault(sites.Where(s => s.Key == "name" && s.Parent is JsonObject p && p["in"]?.ToString() == "header").ToList());
        if (site is null)
        {
            return null;
        }

        var name = random.Next(3) switch
        {
            0 => random.Pick(["X-Signature", "X-Hub-Signature-256", "webhook-signature", "Stripe-Signature", "X-Signature-HMAC", "signature", "HMAC"]) + random.Pick(["", " ", "\u0000", "é", "\"", "\n"]),
            1 => random.Pick(OddValues.Strings),
            _ => random.Pick(OddValues.Names),
        };
        site.Replace(name);
        document.Touch();
        return $"{site.Pointer}: '{FuzzText.Clip(name, 40)}'";
    }

    private static string? OddRequired(FuzzDocument document, Random random)
    {
        var schema = random.PickOrDefault(FuzzTree.Walk(document.Tree).Where(FuzzTree.IsSchema).ToList());
        if (schema?.Node is not JsonObject obj)
        {
            return null;
        }

        var properties = (obj["properties"] as JsonObject)?.Select(p => p.Key).ToList() ?? [];
        JsonNode? required = random.Next(6) switch
        {
            0 => new JsonArray("missing", "missing"),
            1 => new JsonArray([.. properties.Select(p => (JsonNode?)p), .. properties.Select(p => (JsonNode?)p)]),
            2 => true,
            3 => new JsonArray(1, null, new JsonObject()),
            4 => properties.Count > 0 ? properties[0] : "x",
            _ => new JsonArray(random.Pick(OddValues.Names)),
        };
        obj["required"] = required;
        document.Touch();
        return $"{schema.Pointer}/required: {FuzzTree.Show(required)}";
    }

    private static string? DuplicateKey(FuzzDocument document, Random random)
    {
        // A key written twice in one object, with another value: the text must say it, no tree can hold it.
        var lines = document.Text.Split('\n').ToList();
        var candidates = Enumerable.Range(0, lines.Count).Where(i => lines[i].Contains(':', StringComparison.Ordinal) && !lines[i].TrimStart().StartsWith('-') && !lines[i].TrimEnd().EndsWith('{') && !lines[i].TrimEnd().EndsWith('[')).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var i = random.Pick(candidates);
        var line = lines[i];
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        var value = document.Format == SpecFormat.Json
            ? random.Pick([" 1,", " \"dup\",", " null,", " {},", " [],"])
            : random.Pick([" 1", " dup", " ~", " {}", " []", " [a, b]"]);
        var duplicate = string.Concat(line.AsSpan(0, colon + 1), value);
        lines.Insert(random.Chance(0.5) ? i : i + 1, duplicate);
        document.SetText(string.Join('\n', lines));
        return $"duplicated the key of line {i + 1} '{FuzzText.Clip(line.Trim(), 60)}' as '{FuzzText.Clip(duplicate.Trim(), 60)}'";
    }
}
