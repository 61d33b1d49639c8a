using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using WebhookGen.Generator.Reading;
using WebhookGen.Generator.Tests.Corpus;

namespace WebhookGen.Generator.Tests.Fuzz;

/// <summary>A spec of <c>specs/</c> as the fuzzer starts from it: its text and its tree, read once.</summary>
internal sealed class FuzzSeed
{
    /// <summary>Above this size a seed is always cut down to a few events (see <see cref="FuzzSlicer"/>) before it is mutated.</summary>
    private const int LargeText = 40_000;

    private readonly Lazy<JsonObject> _tree;

    private FuzzSeed(CorpusSpec spec)
    {
        Folder = spec.Folder;
        FileName = spec.FileName;
        Text = spec.Text;
        Format = spec.FileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? SpecFormat.Json : SpecFormat.Yaml;
        _tree = new Lazy<JsonObject>(() => Read(spec), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Every spec under <c>specs/</c>, YAML and JSON, in folder order.</summary>
    public static IReadOnlyList<FuzzSeed> All { get; } = CorpusSpecs.AllFolders().Select(f => new FuzzSeed(CorpusSpecs.Load(f))).ToList();

    public string Folder { get; }

    public string FileName { get; }

    public string Text { get; }

    public SpecFormat Format { get; }

    public bool IsLarge => Text.Length > LargeText;

    /// <summary>The spec's tree, as the generator's own reader makes it. Never changed: mutators work on a copy.</summary>
    public JsonObject Tree => _tree.Value;

    public override string ToString() => $"specs/{Folder}/{FileName}";

    private static JsonObject Read(CorpusSpec spec)
    {
        var read = SpecTextReader.Read(spec.Path, spec.Text, CancellationToken.None);
        return read.Root as JsonObject ?? throw new InvalidOperationException($"{spec.Path} does not read as a JSON object: {read.Error}");
    }
}

/// <summary>
/// Cuts a spec down to a few of its events and what they refer to, so that a mutation of a 3 MB spec costs what one of
/// a small spec does and the generated code stays small enough to compile thousands of times.
/// </summary>
internal static class FuzzSlicer
{
    /// <summary>The most component schemas a slice keeps: enough for the structure around an event, few enough to compile fast.</summary>
    private const int MaxSchemas = 8;

    /// <summary>The most properties a schema of a slice keeps (vendors' catch-all schemas have hundreds).</summary>
    private const int MaxProperties = 12;

    private static readonly string[] EventContainers = ["webhooks", "x-webhooks", "paths"];

    private static readonly HashSet<string> PrunedComponentKinds = new(StringComparer.Ordinal)
    {
        "schemas", "parameters", "responses", "requestBodies", "headers", "examples", "callbacks", "pathItems", "links",
    };

    /// <summary>The container the spec's events are in: <c>webhooks</c>, else <c>x-webhooks</c>, else <c>paths</c>.</summary>
    public static string? EventContainer(JsonObject root) =>
        EventContainers.FirstOrDefault(c => root[c] is JsonObject { Count: > 0 });

    /// <summary>
    /// A copy of <paramref name="root"/> with at most <paramref name="maxEvents"/> entries of the container its events
    /// are in, and of the rest (a provider's API under <c>paths</c>, the components) only what those refer to.
    /// </summary>
    public static JsonObject? Slice(JsonObject root, Random random, int maxEvents, out string description)
    {
        description = string.Empty;
        var container = EventContainer(root);
        if (container is null || root[container] is not JsonObject entries)
        {
            return null;
        }

        var keys = entries.Select(e => e.Key).ToList();
        var keep = keys.OrderBy(_ => random.Next()).Take(random.Next(1, maxEvents + 1)).ToHashSet(StringComparer.Ordinal);
        var sliced = new JsonObject();
        foreach (var (key, value) in root)
        {
            if (key == container)
            {
                sliced[key] = new JsonObject(entries.Where(e => keep.Contains(e.Key)).Select(e => KeyValuePair.Create(e.Key, e.Value?.DeepClone())));
            }
            else if (EventContainers.Contains(key) || key is "definitions" or "parameters" or "responses" || (key == "components" && value is JsonObject))
            {
                // Other event containers (a provider's API under paths) and components come back only as referred to.
                if (key == "components")
                {
                    sliced[key] = new JsonObject(((JsonObject)value!).Where(c => !PrunedComponentKinds.Contains(c.Key)).Select(c => KeyValuePair.Create(c.Key, c.Value?.DeepClone())));
                }
            }
            else
            {
                sliced[key] = value?.DeepClone();
            }
        }

        var cut = AddReferenced(root, sliced, MaxSchemas);
        var trimmed = TrimWideSchemas(sliced, random);
        description = $"{keep.Count} of {keys.Count} {container}" + (cut > 0 ? $", {cut} schemas cut" : string.Empty) + (trimmed > 0 ? $", {trimmed} wide schemas trimmed" : string.Empty);
        return sliced;
    }

    /// <summary>Keeps at most <see cref="MaxProperties"/> properties of each schema (its required ones first); returns how many schemas lost some.</summary>
    private static int TrimWideSchemas(JsonObject sliced, Random random)
    {
        var trimmed = 0;
        foreach (var site in FuzzTree.Walk(sliced).Where(s => s.Key == "properties" && s.Node is JsonObject { Count: > MaxProperties } && s.Parent is JsonObject).ToList())
        {
            var properties = (JsonObject)site.Node!;
            var schema = (JsonObject)site.Parent;
            var required = (schema["required"] as JsonArray)?.Select(r => r?.ToString()).OfType<string>().ToHashSet(StringComparer.Ordinal) ?? [];
            var keep = properties.Select(p => p.Key).OrderBy(k => required.Contains(k) ? 0 : 1).ThenBy(_ => random.Next()).Take(MaxProperties).ToHashSet(StringComparer.Ordinal);
            foreach (var key in properties.Select(p => p.Key).Where(k => !keep.Contains(k)).ToList())
            {
                properties.Remove(key);
            }

            if (schema["required"] is JsonArray list)
            {
                schema["required"] = new JsonArray([.. list.Where(r => r is not null && keep.Contains(r.ToString())).Select(r => r!.DeepClone())]);
            }

            trimmed++;
        }

        return trimmed;
    }

    /// <summary>
    /// Copies into <paramref name="sliced"/> every entry of <paramref name="root"/> it refers to, nearest first, until
    /// nothing is missing; past <paramref name="maxSchemas"/> schemas, a reference to another becomes a plain object.
    /// </summary>
    /// <returns>How many schemas were cut.</returns>
    private static int AddReferenced(JsonObject root, JsonObject sliced, int maxSchemas)
    {
        var pending = new Queue<JsonNode>([sliced]);
        var swagger = FuzzTree.IsSwagger(root);
        var schemas = 0;
        var cut = new HashSet<string>(StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            foreach (var target in References(pending.Dequeue(), swagger))
            {
                var segments = Entry(target);
                if (segments is null)
                {
                    continue;
                }

                var from = Navigate(root, segments);
                var parent = Ensure(sliced, segments.Take(segments.Count - 1));
                var last = segments[^1];
                if (from is null || parent is null || parent.ContainsKey(last))
                {
                    continue;
                }

                var isSchema = segments[0] == "definitions" || segments[1] == "schemas";
                if (isSchema && ++schemas > maxSchemas)
                {
                    cut.Add(string.Join('/', segments));
                    continue;
                }

                var copy = from.DeepClone();
                parent[last] = copy;
                pending.Enqueue(copy);
            }
        }

        // What refers to a schema cut refers to an object of any shape instead; a mapping to one is dropped.
        var sites = FuzzTree.Walk(sliced);
        foreach (var site in sites.Where(s => s.Key == "$ref" && s.StringValue is { } r && IsCut(r.TrimStart('#'))).ToList())
        {
            var holder = (JsonObject)site.Parent;
            holder.Clear();
            holder["type"] = "object";
            holder["description"] = "cut by the fuzzer";
        }

        foreach (var site in sites.Where(s => s.ParentKey == "mapping" && s.StringValue is { } m && IsCut(Mapped(m, swagger))).ToList())
        {
            site.Remove();
        }

        return cut.Count;

        bool IsCut(string target) => Entry(target) is { } entry && cut.Contains(string.Join('/', entry));
    }

    /// <summary>The segments of the entry a local target is in: <c>components/{kind}/{name}</c>, or <c>{top}/{name}</c>.</summary>
    private static List<string>? Entry(string target)
    {
        var segments = target.Split('/').Skip(1).Select(Unescape).ToList();
        var depth = segments.FirstOrDefault() == "components" ? 3 : 2;
        return segments.Count < depth ? null : segments.Take(depth).ToList();
    }

    private static string Mapped(string value, bool swagger) =>
        value.StartsWith("#/", StringComparison.Ordinal) ? value.Substring(1) : (swagger ? "/definitions/" : "/components/schemas/") + FuzzTree.Escape(value);

    /// <summary>The local targets a node refers to: <c>$ref</c>s and discriminator mappings (values may be bare names).</summary>
    private static IEnumerable<string> References(JsonNode node, bool swagger)
    {
        foreach (var site in FuzzTree.Walk(node).Prepend(new NodeSite(string.Empty, node, node, null, -1)))
        {
            if (site.Key is "$ref" or "$recursiveRef" or "$dynamicRef" && site.StringValue is { } reference && reference.StartsWith("#/", StringComparison.Ordinal))
            {
                yield return reference.Substring(1);
            }
            else if (site.ParentKey == "mapping" && site.StringValue is { } mapped)
            {
                yield return Mapped(mapped, swagger);
            }
        }
    }

    private static JsonNode? Navigate(JsonNode node, IEnumerable<string> segments)
    {
        JsonNode? current = node;
        foreach (var segment in segments)
        {
            current = current is JsonObject obj && obj.TryGetPropertyValue(segment, out var next) ? next : null;
        }

        return current;
    }

    private static JsonObject? Ensure(JsonObject node, IEnumerable<string> segments)
    {
        var current = node;
        foreach (var segment in segments)
        {
            if (!current.TryGetPropertyValue(segment, out var next) || next is null)
            {
                next = new JsonObject();
                current[segment] = next;
            }

            if (next is not JsonObject obj)
            {
                return null;
            }

            current = obj;
        }

        return current;
    }

    private static string Unescape(string segment) =>
        Uri.UnescapeDataString(segment).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
}
