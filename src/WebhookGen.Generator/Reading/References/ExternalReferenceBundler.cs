using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using WebhookGen.Generator.Helpers;

namespace WebhookGen.Generator.Reading.References;

/// <summary>
/// Makes the spec one self-contained document before the OpenAPI reader runs. What a <c>$ref</c> into another file
/// points at is copied into the spec's components of the kind the place of the <c>$ref</c> calls for (a schema under
/// <c>components/schemas</c>, a response under <c>components/responses</c>, … or <c>definitions</c>, <c>parameters</c>
/// and <c>responses</c> in Swagger 2.0) under its own name, and the reference is rewritten to point there; a path item
/// is written in place. References inside a copy are resolved against its own file, however deep the chain of files,
/// and each target is copied once, so cycles across files end. A <c>$ref</c> into the inside of a component
/// (<c>#/components/schemas/Tag/properties/x</c>), which the reader cannot follow, gets a component of its own.
/// </summary>
internal sealed class ExternalReferenceBundler
{
    // A reference whose target is only another reference is followed; a longer chain than this is a loop.
    private const int MaxChain = 64;

    private readonly JsonObject _root;
    private readonly string _rootPath;
    private readonly IReadOnlyDictionary<string, JsonNode?> _documents;
    private readonly bool _swagger2;
    private readonly Dictionary<(string File, string Fragment, SpecNodeKind Kind), string> _bundled = new();
    private readonly Dictionary<string, HashSet<string>> _names = new(StringComparer.Ordinal);
    private readonly HashSet<JsonNode> _placed = new(NodeIdentity.Instance);
    private readonly HashSet<(string File, string Fragment)> _inlining = new();

    private ExternalReferenceBundler(JsonObject root, string rootPath, IReadOnlyDictionary<string, JsonNode?> documents)
    {
        _root = root;
        _rootPath = rootPath;
        _documents = documents;
        _swagger2 = root.ContainsKey("swagger");
    }

    /// <summary>The references that point at nothing given, each where it is written.</summary>
    public List<UnresolvedReference> Unresolved { get; } = new();

    /// <summary>Where each component the bundler added (or path item it wrote in place) came from.</summary>
    public List<BundledOrigin> Origins { get; } = new();

    /// <param name="root">The spec, changed in place.</param>
    /// <param name="rootPath">The spec's path, against whose folder its references resolve.</param>
    /// <param name="documents">
    /// The other files, read, by '/'-separated path as <see cref="ExternalReferenceScanner.Resolve"/> gives it; null for a
    /// file that could not be read (which is reported as such, not again for each reference into it).
    /// </param>
    public static ExternalReferenceBundler Bundle(JsonObject root, string rootPath, IReadOnlyDictionary<string, JsonNode?> documents)
    {
        var bundler = new ExternalReferenceBundler(root, rootPath.Replace('\\', '/'), documents);
        bundler.Walk(root, bundler._rootPath, string.Empty, string.Empty, SpecNodeKind.Document);
        return bundler;
    }

    /// <param name="file">The file <paramref name="node"/> comes from.</param>
    /// <param name="filePointer">Where it is in that file.</param>
    /// <param name="pointer">Where it is in the bundled spec.</param>
    private void Walk(JsonNode? node, string file, string filePointer, string pointer, SpecNodeKind kind)
    {
        if (kind == SpecNodeKind.Data)
        {
            return;
        }

        switch (node)
        {
            case JsonObject obj:
                if (obj["$ref"] is JsonValue value && value.TryGetValue<string>(out var reference))
                {
                    Resolve(obj, reference, file, filePointer, pointer, kind, 0);
                }

                if (kind == SpecNodeKind.Schema && obj["discriminator"] is JsonObject { } discriminator && discriminator["mapping"] is JsonObject mapping)
                {
                    ResolveMapping(mapping, file, SpecPointer.Append(filePointer, "discriminator", "mapping"), SpecPointer.Append(pointer, "discriminator", "mapping"));
                }

                foreach (var member in obj.ToList())
                {
                    // What was copied in is walked when it is copied, against its own file.
                    if (member.Key != "$ref" && member.Value is not null && !_placed.Contains(member.Value))
                    {
                        Walk(member.Value, file, SpecPointer.Append(filePointer, member.Key), SpecPointer.Append(pointer, member.Key), SpecGrammar.Member(kind, member.Key));
                    }
                }

                break;
            case JsonArray array:
                var itemKind = SpecGrammar.Item(kind);
                for (var i = 0; i < array.Count; i++)
                {
                    var index = "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    Walk(array[i], file, filePointer + index, pointer + index, itemKind);
                }

                break;
        }
    }

    /// <summary>Rewrites the <c>$ref</c> of <paramref name="obj"/> to a component of the spec, or removes it when it points at nothing given.</summary>
    private void Resolve(JsonObject obj, string reference, string file, string filePointer, string pointer, SpecNodeKind kind, int depth)
    {
        var parsed = SpecReference.Parse(reference);
        if (parsed.IsUrl)
        {
            return;
        }

        var targetFile = parsed.File.Length == 0 ? file : ExternalReferenceScanner.Resolve(file, Uri.UnescapeDataString(parsed.File));
        var segments = parsed.Segments();
        var inRoot = string.Equals(targetFile, _rootPath, StringComparison.Ordinal);
        if (inRoot && (segments.Length == 0 || IsComponent(segments, _swagger2)))
        {
            // The reader resolves a component of the spec itself; from another file, the reference is made local.
            if (depth > 0 || !string.Equals(file, _rootPath, StringComparison.Ordinal))
            {
                obj["$ref"] = "#" + parsed.Fragment;
            }

            return;
        }

        JsonNode? document = _root;
        if (!inRoot && !_documents.TryGetValue(targetFile, out document))
        {
            Unresolve(obj, file, filePointer, reference, "add " + targetFile + " as an AdditionalFiles item");
            return;
        }

        if (document is null)
        {
            obj.Remove("$ref");
            return;
        }

        if (SpecReference.Navigate(document, segments) is not { } target)
        {
            Unresolve(obj, file, filePointer, reference, "nothing is at '#" + Pointer(segments) + "' in " + targetFile);
            return;
        }

        // A target that is only a reference: follow it, so that no component is a mere alias of another.
        if (target is JsonObject { Count: 1 } alias && alias["$ref"] is JsonValue next && next.TryGetValue<string>(out var nextReference))
        {
            if (depth >= MaxChain)
            {
                Unresolve(obj, file, filePointer, reference, "its references lead round in a loop");
                return;
            }

            Resolve(obj, nextReference, targetFile, Pointer(segments), pointer, kind, depth + 1);
            return;
        }

        if (kind == SpecNodeKind.Unknown)
        {
            kind = SpecGrammar.KindOf(segments) ?? SpecNodeKind.Schema;
        }

        if (SpecGrammar.Section(kind, _swagger2) is not { } section)
        {
            Inline(obj, target, targetFile, segments, pointer, kind, (file, filePointer, reference));
            return;
        }

        var key = (targetFile, Pointer(segments), kind);
        if (_bundled.TryGetValue(key, out var local))
        {
            obj["$ref"] = local;
            return;
        }

        var name = Identifiers.MakeUnique(NameFor(targetFile, segments), Names(section));
        var placed = SpecPointer.Append(section, name);
        local = "#" + placed;
        _bundled[key] = local;
        obj["$ref"] = local;

        // Registered and rewritten before the copy is walked, so a reference back to it (a cycle) finds it.
        var copy = target.DeepClone();
        Section(section)[name] = copy;
        _placed.Add(copy);
        if (inRoot && kind == SpecNodeKind.Schema && IsInsideSchemaComponent(segments, _swagger2) && Parent(segments) is JsonObject parent)
        {
            // A member of a schema (not of an allOf, oneOf or anyOf list) is moved, not copied: one type, not two alike.
            parent[segments[segments.Length - 1]] = new JsonObject { ["$ref"] = local };
        }

        Origins.Add(new BundledOrigin(placed, targetFile, Pointer(segments)));
        Walk(copy, targetFile, Pointer(segments), placed, kind);
    }

    /// <summary>
    /// A discriminator's mapping values are references too (<c>cat: './Cat.yaml'</c>): each is resolved as a schema
    /// <c>$ref</c> would be. A bare name (<c>cat: Cat</c>) names a schema of the spec and is left as it is.
    /// </summary>
    private void ResolveMapping(JsonObject mapping, string file, string filePointer, string pointer)
    {
        foreach (var entry in mapping.ToList())
        {
            if (entry.Value is not JsonValue value || !value.TryGetValue<string>(out var reference)
                || (reference.IndexOf('/') < 0 && reference.IndexOf('#') < 0 && !ExternalReferenceScanner.MayBeSpec(reference)))
            {
                continue;
            }

            var stand = new JsonObject { ["$ref"] = reference };
            Resolve(stand, reference, file, SpecPointer.Append(filePointer, entry.Key), SpecPointer.Append(pointer, entry.Key), SpecNodeKind.Schema, 0);
            if (stand["$ref"] is JsonValue resolved && resolved.TryGetValue<string>(out var local) && local != reference)
            {
                mapping[entry.Key] = local;
            }
        }
    }

    /// <summary>Writes what a path item reference (or one Swagger 2.0 has no section for) points at in place of the reference.</summary>
    private void Inline(JsonObject obj, JsonNode target, string targetFile, string[] segments, string pointer, SpecNodeKind kind, (string File, string Pointer, string Reference) at)
    {
        var key = (targetFile, Pointer(segments));
        if (target is not JsonObject source || !_inlining.Add(key))
        {
            Unresolve(obj, at.File, at.Pointer, at.Reference, target is JsonObject ? "it contains itself" : "it is not an object");
            return;
        }

        var copy = (JsonObject)source.DeepClone();
        Walk(copy, targetFile, Pointer(segments), pointer, kind);
        _inlining.Remove(key);
        obj.Remove("$ref");
        foreach (var member in copy.ToList())
        {
            copy.Remove(member.Key);
            if (!obj.ContainsKey(member.Key))
            {
                obj[member.Key] = member.Value;
                if (member.Value is not null)
                {
                    _placed.Add(member.Value);
                }
            }
        }

        Origins.Add(new BundledOrigin(pointer, targetFile, Pointer(segments)));
    }

    private void Unresolve(JsonObject obj, string file, string filePointer, string reference, string why)
    {
        // The value is read as raw JSON: the reader would throw on a reference into a file it does not have.
        obj.Remove("$ref");
        Unresolved.Add(new UnresolvedReference(file, filePointer, reference, why));
    }

    /// <summary>A component's own name (<c>Pet</c> for <c>…#/components/schemas/Pet</c>); the file's name for a whole file; else the path in PascalCase (<c>TagAllOf0</c>).</summary>
    private static string NameFor(string file, string[] segments)
    {
        if (segments.Length == 0)
        {
            var name = file.Substring(file.LastIndexOf('/') + 1);
            var dot = name.IndexOf('.');
            return dot > 0 ? name.Substring(0, dot) : name;
        }

        if (segments.Length == 1 || IsComponent(segments, swagger2: segments[0] != "components"))
        {
            return segments[segments.Length - 1];
        }

        var skip = segments[0] == "components" ? 2 : segments[0] is "definitions" or "parameters" or "responses" ? 1 : 0;
        return Identifiers.ToPascalCase(string.Join("_", segments.Skip(skip).Where(s => s != "properties")));
    }

    /// <summary>Whether the pointer names a component itself (<c>/components/schemas/Pet</c>, or <c>/definitions/Pet</c> in Swagger 2.0).</summary>
    private static bool IsComponent(string[] segments, bool swagger2) =>
        swagger2
            ? segments.Length == 2 && segments[0] is "definitions" or "parameters" or "responses"
            : segments.Length == 3 && segments[0] == "components" && SpecGrammar.KindOf(segments) is not null;

    private static bool IsInsideSchemaComponent(string[] segments, bool swagger2) =>
        swagger2
            ? segments.Length > 2 && segments[0] == "definitions"
            : segments.Length > 3 && segments[0] == "components" && segments[1] == "schemas";

    private JsonNode? Parent(string[] segments) => SpecReference.Navigate(_root, segments.Take(segments.Length - 1).ToList());

    private static string Pointer(string[] segments) =>
        string.Concat(segments.Select(s => "/" + s.Replace("~", "~0").Replace("/", "~1")));

    private HashSet<string> Names(string section)
    {
        if (!_names.TryGetValue(section, out var names))
        {
            names = new HashSet<string>(StringComparer.Ordinal);
            if (SpecReference.Navigate(_root, SpecReference.Parse("#" + section).Segments()) is JsonObject existing)
            {
                names.UnionWith(existing.Select(p => p.Key));
            }

            _names[section] = names;
        }

        return names;
    }

    private JsonObject Section(string section)
    {
        var node = _root;
        foreach (var segment in section.Split(['/'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (node[segment] is not JsonObject child)
            {
                child = new JsonObject();
                node[segment] = child;
            }

            node = child;
        }

        return node;
    }

    /// <summary>Nodes by identity: two equal copies are still two places in the tree.</summary>
    private sealed class NodeIdentity : IEqualityComparer<JsonNode>
    {
        public static readonly NodeIdentity Instance = new();

        public bool Equals(JsonNode? x, JsonNode? y) => ReferenceEquals(x, y);

        public int GetHashCode(JsonNode obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
