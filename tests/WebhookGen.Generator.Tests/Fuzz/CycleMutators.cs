using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace WebhookGen.Generator.Tests.Fuzz;

/// <summary>Mutators that make schemas refer to themselves: directly, through allOf, items, properties, unions, or a loop of references.</summary>
internal static class CycleMutators
{
    public static IReadOnlyList<Mutator> All { get; } =
    [
        new("self-ref", MutatorLevel.Tree, SelfRef),
        new("ref-loop", MutatorLevel.Tree, RefLoop),
        new("self-allOf", MutatorLevel.Tree, SelfAllOf),
        new("mutual-allOf", MutatorLevel.Tree, MutualAllOf),
        new("self-items", MutatorLevel.Tree, SelfItems),
        new("self-array", MutatorLevel.Tree, SelfArray),
        new("self-property", MutatorLevel.Tree, SelfProperty),
        new("self-map", MutatorLevel.Tree, SelfMap),
        new("self-union", MutatorLevel.Tree, SelfUnion),
        new("self-pointer", MutatorLevel.Tree, SelfPointer),
        new("ref-chain", MutatorLevel.Tree, RefChain),
    ];

    /// <summary>A component schema (made one from an inline schema when the spec has none), its name and its reference.</summary>
    private static (string Name, JsonObject Schema, string Ref)? Component(FuzzDocument document, Random random)
    {
        var schemas = FuzzTree.ComponentSchemas(document.Tree, create: true);
        var candidates = schemas.Where(p => p.Value is JsonObject).ToList();
        if (candidates.Count > 0)
        {
            // Prefer a schema an event refers to, so that the cycle is read.
            var referred = FuzzTree.Walk(document.Tree).Where(s => s.Key == "$ref").Select(s => s.StringValue).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var used = candidates.Where(p => referred.Contains(FuzzTree.SchemaRef(document.Tree, p.Key))).ToList();
            var (name, schema) = random.Pick(used.Count > 0 && random.Chance(0.8) ? used : candidates);
            return (name, (JsonObject)schema!, FuzzTree.SchemaRef(document.Tree, name));
        }

        var inline = random.PickOrDefault(FuzzTree.Walk(document.Tree).Where(s => FuzzTree.IsSchema(s) && s.Key == "schema").ToList());
        if (inline?.Node is not JsonObject body)
        {
            return null;
        }

        var reference = FuzzTree.SchemaRef(document.Tree, "FuzzInline");
        schemas["FuzzInline"] = body.DeepClone();
        inline.Replace(FuzzTree.Ref(reference));
        return ("FuzzInline", (JsonObject)schemas["FuzzInline"]!, reference);
    }

    private static string? Done(FuzzDocument document, string description)
    {
        document.Touch();
        return description;
    }

    private static string? SelfRef(FuzzDocument document, Random random)
    {
        if (Component(document, random) is not (var name, _, var reference))
        {
            return null;
        }

        FuzzTree.ComponentSchemas(document.Tree, create: true)[name] = FuzzTree.Ref(reference);
        return Done(document, $"{name} is {{$ref: {reference}}}");
    }

    private static string? RefLoop(FuzzDocument document, Random random)
    {
        if (Component(document, random) is not (var name, _, var reference))
        {
            return null;
        }

        // name → FuzzLoop1 → … → FuzzLoopN → name
        var schemas = FuzzTree.ComponentSchemas(document.Tree, create: true);
        var length = random.Next(1, 4);
        var names = Enumerable.Range(1, length).Select(i => "FuzzLoop" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        schemas[name] = FuzzTree.Ref(FuzzTree.SchemaRef(document.Tree, names[0]));
        for (var i = 0; i < length; i++)
        {
            schemas[names[i]] = FuzzTree.Ref(i + 1 < length ? FuzzTree.SchemaRef(document.Tree, names[i + 1]) : reference);
        }

        return Done(document, $"{name} → {string.Join(" → ", names)} → {name}");
    }

    private static string? SelfAllOf(FuzzDocument document, Random random)
    {
        if (Component(document, random) is not (var name, var schema, var reference))
        {
            return null;
        }

        var allOf = schema["allOf"] as JsonArray ?? [];
        schema["allOf"] = allOf;
        allOf.Insert(random.Next(allOf.Count + 1), FuzzTree.Ref(reference));
        return Done(document, $"{name} has allOf: [$ref {name}] among {allOf.Count}");
    }

    private static string? MutualAllOf(FuzzDocument document, Random random)
    {
        if (Component(document, random) is not (var name, var schema, var reference))
        {
            return null;
        }

        var schemas = FuzzTree.ComponentSchemas(document.Tree, create: true);
        schemas["FuzzPeer"] = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["peer"] = new JsonObject { ["type"] = "string" } },
            ["allOf"] = new JsonArray(FuzzTree.Ref(reference)),
        };
        var allOf = schema["allOf"] as JsonArray ?? [];
        schema["allOf"] = allOf;
        allOf.Add(FuzzTree.Ref(FuzzTree.SchemaRef(document.Tree, "FuzzPeer")));
        return Done(document, $"{name} allOf FuzzPeer, FuzzPeer allOf {name}");
    }

    private static string? SelfItems(FuzzDocument document, Random random)
    {
        if (Component(document, random) is not (var name, var schema, var reference))
        {
            return null;
        }

        var properties = schema["properties"] as JsonObject ?? [];
        schema["properties"] = properties;
        properties["fuzzChildren"] = new JsonObject { ["type"] = "array", ["items"] = FuzzTree.Ref(reference) };
        if (random.Chance(0.5))
        {
            schema["required"] = new JsonArray("fuzzChildren");
        }

        return Done(document, $"{name}.fuzzChildren is an array of {name}");
    }

    private static string? SelfArray(FuzzDocument document, Random random)
    {
        if (Component(document, random) is not (var name, _, var reference))
        {
            return null;
        }

        // A type that is an array of itself, or a union of itself and an array of itself.
        JsonObject value = random.Next(3) switch
        {
            0 => new JsonObject { ["type"] = "array", ["items"] = FuzzTree.Ref(reference) },
            1 => new JsonObject { ["items"] = FuzzTree.Ref(reference) },
            _ => new JsonObject { ["oneOf"] = new JsonArray(new JsonObject { ["type"] = "string" }, new JsonObject { ["type"] = "array", ["items"] = FuzzTree.Ref(reference) }) },
        };
        FuzzTree.ComponentSchemas(document.Tree, create: true)[name] = value;
        return Done(document, $"{name} is {FuzzTree.Show(value)}");
    }

    private static string? SelfProperty(FuzzDocument document, Random random)
    {
        if (Component(document, random) is not (var name, var schema, var reference))
        {
            return null;
        }

        var properties = schema["properties"] as JsonObject ?? [];
        schema["properties"] = properties;
        var property = random.Pick(["fuzzSelf", name, "parent"]);
        properties[property] = random.Chance(0.5) ? FuzzTree.Ref(reference) : new JsonObject { ["allOf"] = new JsonArray(FuzzTree.Ref(reference)), ["nullable"] = true };
        if (random.Chance(0.5))
        {
            schema["required"] = new JsonArray(property);
        }

        return Done(document, $"{name}.{property} is {name}");
    }

    private static string? SelfMap(FuzzDocument document, Random random)
    {
        if (Component(document, random) is not (var name, var schema, var reference))
        {
            return null;
        }

        if (random.Chance(0.5))
        {
            schema["additionalProperties"] = FuzzTree.Ref(reference);
        }
        else
        {
            FuzzTree.ComponentSchemas(document.Tree, create: true)[name] = new JsonObject { ["type"] = "object", ["additionalProperties"] = FuzzTree.Ref(reference) };
        }

        return Done(document, $"{name} has additionalProperties: $ref {name}");
    }

    private static string? SelfUnion(FuzzDocument document, Random random)
    {
        if (Component(document, random) is not (var name, var schema, var reference))
        {
            return null;
        }

        var keyword = random.Pick(["oneOf", "anyOf"]);
        schema[keyword] = new JsonArray(FuzzTree.Ref(reference), new JsonObject { ["type"] = random.Pick(["string", "object", "integer"]) });
        if (random.Chance(0.5))
        {
            schema["discriminator"] = new JsonObject { ["propertyName"] = "kind", ["mapping"] = new JsonObject { ["self"] = reference } };
        }

        if (random.Chance(0.3))
        {
            schema["not"] = FuzzTree.Ref(reference);
        }

        return Done(document, $"{name} has {keyword}: [$ref {name}, …]");
    }

    private static string? SelfPointer(FuzzDocument document, Random random)
    {
        // A schema that points at itself, or at its own parent, by a JSON pointer that is not a component's.
        var sites = FuzzTree.Walk(document.Tree).Where(FuzzTree.IsSchema).Where(s => s.Pointer.Length < 400).ToList();
        var site = random.PickOrDefault(sites);
        if (site is null)
        {
            return null;
        }

        var pointer = site.Pointer;
        if (random.Chance(0.5) && pointer.LastIndexOf('/') > 0)
        {
            // An inline schema holding a reference to the schema that holds it.
            var parent = sites.Where(s => pointer.StartsWith(s.Pointer + "/", StringComparison.Ordinal)).Select(s => s.Pointer).DefaultIfEmpty(pointer).Last();
            ((JsonObject)site.Node!)["properties"] = new JsonObject { ["up"] = FuzzTree.Ref("#" + parent) };
            return Done(document, $"{pointer}.up refers to {parent}");
        }

        site.Replace(FuzzTree.Ref("#" + pointer));
        return Done(document, $"{pointer} is {{$ref: #{pointer}}}");
    }

    private static string? RefChain(FuzzDocument document, Random random)
    {
        if (Component(document, random) is not (var name, var schema, _))
        {
            return null;
        }

        // name → FuzzChain1 → … → FuzzChainN → what name was: a long chain, no loop.
        var schemas = FuzzTree.ComponentSchemas(document.Tree, create: true);
        var length = random.Pick([10, 50, 200]);
        var original = schema.DeepClone();
        schemas[name] = FuzzTree.Ref(FuzzTree.SchemaRef(document.Tree, "FuzzChain1"));
        for (var i = 1; i <= length; i++)
        {
            schemas["FuzzChain" + i.ToString(CultureInfo.InvariantCulture)] = i < length
                ? FuzzTree.Ref(FuzzTree.SchemaRef(document.Tree, "FuzzChain" + (i + 1).ToString(CultureInfo.InvariantCulture)))
                : original;
        }

        return Done(document, $"{name} → FuzzChain1 → … → FuzzChain{length} → the old {name}");
    }
}
