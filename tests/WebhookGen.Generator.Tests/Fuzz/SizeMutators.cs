using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace WebhookGen.Generator.Tests.Fuzz;

/// <summary>Mutators that make a document big: huge strings, many members, deep nesting.</summary>
internal static class SizeMutators
{
    public static IReadOnlyList<Mutator> All { get; } =
    [
        new("huge-description", MutatorLevel.Tree, HugeDescription),
        new("huge-name", MutatorLevel.Tree, HugeName),
        new("huge-enum", MutatorLevel.Tree, HugeEnum),
        new("many-properties", MutatorLevel.Tree, ManyProperties),
        new("deep-schema", MutatorLevel.Tree, DeepSchema),
        new("deep-array", MutatorLevel.Tree, DeepArray),
        new("deep-inline-names", MutatorLevel.Tree, DeepInlineNames),
        new("wide-composition", MutatorLevel.Tree, WideComposition),
        new("deep-json", MutatorLevel.Tree, DeepJson),
    ];

    private static string Of(string unit, int length)
    {
        var text = new StringBuilder(length + unit.Length);
        while (text.Length < length)
        {
            text.Append(unit);
        }

        return text.ToString();
    }

    /// <summary>A schema the events are likely to read: one an event's body refers to, or any.</summary>
    private static NodeSite? Schema(FuzzDocument document, Random random)
    {
        var schemas = FuzzTree.Walk(document.Tree).Where(FuzzTree.IsSchema).ToList();
        return random.PickOrDefault(schemas);
    }

    private static string? HugeDescription(FuzzDocument document, Random random)
    {
        var sites = FuzzTree.Walk(document.Tree).Where(s => s.Node is JsonObject && (FuzzTree.IsSchema(s) || s.Key is "post" or "info" or "put")).ToList();
        var site = random.PickOrDefault(sites);
        if (site?.Node is not JsonObject obj)
        {
            return null;
        }

        var unit = random.Pick(["lorem ipsum ", "line\n", "<tag> & */ \"quoted\" ", "é🎉\u202E ", "\\u0000 {{0}} "]);
        var length = random.Chance(0.25) ? 1 << 20 : 1 << 16;
        var key = random.Pick(["description", "summary", "title"]);
        obj[key] = Of(unit, length);
        document.Touch();
        return $"{site.Pointer}/{key}: {length} chars of '{FuzzText.Clip(unit, 30)}'";
    }

    private static string? HugeName(FuzzDocument document, Random random)
    {
        var site = random.PickOrDefault(FuzzTree.Walk(document.Tree).Where(s => s.ParentKey is "properties" or "schemas" or "definitions" or "webhooks" or "x-webhooks" || s.Key == "operationId").ToList());
        if (site is null)
        {
            return null;
        }

        var name = Of(random.Pick(["a", "Ab", "a_", "é", "a-"]), random.Pick([513, 1024, 20_000]));
        if (site.Key == "operationId")
        {
            site.Replace(name);
        }
        else
        {
            KeyMutators.Rename((JsonObject)site.Parent, site.Key!, name);
        }

        document.Touch();
        return $"{site.Pointer} renamed to a name of {name.Length} chars";
    }

    private static string? HugeEnum(FuzzDocument document, Random random)
    {
        if (Schema(document, random) is not { Node: JsonObject obj } site)
        {
            return null;
        }

        var count = random.Pick([200, 3000]);
        obj["type"] = random.Chance(0.8) ? "string" : "integer";
        obj["enum"] = new JsonArray([.. Enumerable.Range(0, count).Select(i => (JsonNode?)(obj["type"]!.ToString() == "string" ? "value_" + (i % (count - 10)).ToString(CultureInfo.InvariantCulture) : i))]);
        obj.Remove("properties");
        document.Touch();
        return $"{site.Pointer}: an enum of {count} values (some twice)";
    }

    private static string? ManyProperties(FuzzDocument document, Random random)
    {
        if (Schema(document, random) is not { Node: JsonObject obj } site)
        {
            return null;
        }

        var count = random.Pick([100, 600]);
        var properties = new JsonObject();
        for (var i = 0; i < count; i++)
        {
            properties["p" + i.ToString(CultureInfo.InvariantCulture)] = new JsonObject { ["type"] = random.Pick(["string", "integer", "boolean", "number"]) };
        }

        obj["type"] = "object";
        obj["properties"] = properties;
        obj["required"] = new JsonArray([.. Enumerable.Range(0, count).Where(i => i % 3 == 0).Select(i => (JsonNode?)("p" + i.ToString(CultureInfo.InvariantCulture)))]);
        document.Touch();
        return $"{site.Pointer}: {count} properties";
    }

    private static string? DeepSchema(FuzzDocument document, Random random)
    {
        if (Schema(document, random) is not { Node: JsonObject obj } site)
        {
            return null;
        }

        // Each level is two levels of the tree (properties, then the name); the readers stop at 256.
        var levels = random.Pick([20, 60, 110, 200]);
        JsonNode inner = new JsonObject { ["type"] = "string" };
        for (var i = 0; i < levels; i++)
        {
            inner = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["n"] = inner } };
        }

        obj["properties"] = new JsonObject { ["deep"] = inner };
        document.Touch();
        return $"{site.Pointer}.deep: objects nested {levels} deep";
    }

    private static string? DeepArray(FuzzDocument document, Random random)
    {
        if (Schema(document, random) is not { Node: JsonObject obj } site)
        {
            return null;
        }

        var levels = random.Pick([10, 40, 100]);
        JsonNode inner = new JsonObject { ["type"] = "integer" };
        for (var i = 0; i < levels; i++)
        {
            inner = new JsonObject { ["type"] = "array", ["items"] = inner };
        }

        obj["properties"] = new JsonObject { ["deep"] = inner };
        document.Touch();
        return $"{site.Pointer}.deep: arrays nested {levels} deep";
    }

    private static string? DeepInlineNames(FuzzDocument document, Random random)
    {
        if (Schema(document, random) is not { Node: JsonObject obj } site)
        {
            return null;
        }

        // Inline objects are named from where they stand; long names nested deep make very long type names.
        var levels = random.Pick([15, 40, 80]);
        var name = random.Pick(["segment", "averyveryverylongpropertyname", "x"]);
        JsonNode inner = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["leaf"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("a", "b") } } };
        for (var i = 0; i < levels; i++)
        {
            inner = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { [name] = inner } };
        }

        obj["type"] = "object";
        obj["properties"] = new JsonObject { [name] = inner };
        document.Touch();
        return $"{site.Pointer}: inline objects named '{name}' nested {levels} deep";
    }

    private static string? WideComposition(FuzzDocument document, Random random)
    {
        if (Schema(document, random) is not { Node: JsonObject obj } site)
        {
            return null;
        }

        var keyword = random.Pick(["allOf", "oneOf", "anyOf"]);
        var count = random.Pick([50, 300]);
        obj[keyword] = new JsonArray([.. Enumerable.Range(0, count).Select(i => (JsonNode?)new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["m" + (i % 7).ToString(CultureInfo.InvariantCulture)] = new JsonObject { ["type"] = random.Pick(["string", "integer"]) } },
        })]);
        document.Touch();
        return $"{site.Pointer}: {keyword} of {count} inline objects";
    }

    private static string? DeepJson(FuzzDocument document, Random random)
    {
        // Nesting at and around the readers' limit, in a place nothing reads (an extension).
        var depth = random.Pick([250, 256, 257, 1000, 10_000]);
        var raw = document.Format == SpecFormat.Json
            ? new string('[', depth) + new string(']', depth)
            : new string('[', depth) + new string(']', depth);
        ((JsonObject)document.Tree)["x-fuzz-deep"] = document.Raw(raw);
        document.Touch();
        return $"x-fuzz-deep: arrays nested {depth} deep";
    }
}
