using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using WebhookGen.Generator.Helpers;

namespace WebhookGen.Generator.Reading.References;

/// <summary>
/// Brings what <c>$ref</c>s into other spec files point at into the spec itself, before the OpenAPI reader runs: each
/// target is copied into the spec's components (<c>#/components/schemas</c>, or <c>#/definitions</c> in Swagger 2.0)
/// under its own name, and the reference is rewritten to point there. References inside a copied target are resolved
/// against its own file. The reader then sees one self-contained document.
/// </summary>
internal sealed class ExternalReferenceBundler
{
    private readonly JsonObject _root;
    private readonly IReadOnlyDictionary<string, JsonNode> _documents;
    private readonly Dictionary<(string File, string Fragment), string> _copied = new();
    private readonly HashSet<string> _usedNames = new(StringComparer.Ordinal);
    private readonly bool _swagger2;

    private ExternalReferenceBundler(JsonObject root, IReadOnlyDictionary<string, JsonNode> documents)
    {
        _root = root;
        _documents = documents;
        _swagger2 = root.ContainsKey("swagger");
    }

    /// <summary>The references that point into files not given, as (pointer in the spec, reference).</summary>
    public List<(string Pointer, string Reference)> Unresolved { get; } = new();

    /// <param name="root">The spec, changed in place.</param>
    /// <param name="rootPath">The spec's path, against whose folder its references resolve.</param>
    /// <param name="documents">The other files, read, by absolute '/'-separated path.</param>
    public static ExternalReferenceBundler Bundle(JsonObject root, string rootPath, IReadOnlyDictionary<string, JsonNode> documents)
    {
        var bundler = new ExternalReferenceBundler(root, documents);
        foreach (var existing in bundler.Section(create: false)?.Select(p => p.Key) ?? Enumerable.Empty<string>())
        {
            bundler._usedNames.Add(existing);
        }

        bundler.Rewrite(root, rootPath.Replace('\\', '/'), string.Empty, inRoot: true);
        return bundler;
    }

    private void Rewrite(JsonNode? node, string file, string pointer, bool inRoot)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["$ref"] is JsonValue value && value.TryGetValue<string>(out var reference))
                {
                    var rewritten = Target(reference, file, pointer, inRoot);
                    if (rewritten is { Length: 0 })
                    {
                        // Unresolvable: the value is read as raw JSON (the reader would throw on the relative reference).
                        obj.Remove("$ref");
                    }
                    else if (rewritten is not null)
                    {
                        obj["$ref"] = rewritten;
                    }
                }

                foreach (var property in obj.ToList())
                {
                    if (property.Key != "$ref")
                    {
                        Rewrite(property.Value, file, SpecPointer.Append(pointer, property.Key), inRoot);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Rewrite(array[i], file, pointer + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), inRoot);
                }

                break;
        }
    }

    /// <summary>
    /// The local reference that replaces <paramref name="reference"/>; null to leave it as it is; empty when it points at
    /// nothing that was given.
    /// </summary>
    private string? Target(string reference, string file, string pointer, bool inRoot)
    {
        var hash = reference.IndexOf('#');
        var targetFile = hash < 0 ? reference : reference.Substring(0, hash);
        var fragment = hash < 0 ? string.Empty : reference.Substring(hash + 1);
        if (targetFile.Length == 0)
        {
            // A local reference: in the spec it stays; inside a copied file it means that file.
            if (inRoot)
            {
                return null;
            }

            targetFile = file;
        }
        else if (targetFile.IndexOf("://", StringComparison.Ordinal) >= 0)
        {
            return null;
        }
        else
        {
            targetFile = ExternalReferenceScanner.Resolve(file, targetFile);
        }

        if (_copied.TryGetValue((targetFile, fragment), out var name))
        {
            return LocalReference(name);
        }

        if (!_documents.TryGetValue(targetFile, out var document) || Navigate(document, fragment) is not { } target)
        {
            Unresolved.Add((inRoot ? pointer : string.Empty, inRoot ? reference : reference + " in " + file));
            return string.Empty;
        }

        name = Identifiers.MakeUnique(NameFor(targetFile, fragment), _usedNames);
        _copied[(targetFile, fragment)] = name;
        var copy = target.DeepClone();
        Section(create: true)![name] = copy;
        Rewrite(copy, targetFile, SpecPointer.Append(SectionPointer, name), inRoot: false);
        return LocalReference(name);
    }

    private string SectionPointer => _swagger2 ? "/definitions" : "/components/schemas";

    private string LocalReference(string name) => "#" + SpecPointer.Append(SectionPointer, name);

    private JsonObject? Section(bool create)
    {
        if (_swagger2)
        {
            if (_root["definitions"] is not JsonObject definitions && create)
            {
                definitions = new JsonObject();
                _root["definitions"] = definitions;
            }

            return _root["definitions"] as JsonObject;
        }

        if (_root["components"] is not JsonObject components)
        {
            if (!create)
            {
                return null;
            }

            components = new JsonObject();
            _root["components"] = components;
        }

        if (components["schemas"] is not JsonObject schemas && create)
        {
            schemas = new JsonObject();
            components["schemas"] = schemas;
        }

        return components["schemas"] as JsonObject;
    }

    /// <summary>The component's own name (<c>Pet</c> for <c>…#/components/schemas/Pet</c>), else the file's name.</summary>
    private static string NameFor(string file, string fragment)
    {
        var segments = fragment.Split(['/'], StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length > 0)
        {
            return segments[segments.Length - 1].Replace("~1", "/").Replace("~0", "~");
        }

        var name = file.Substring(file.LastIndexOf('/') + 1);
        var dot = name.IndexOf('.');
        return dot > 0 ? name.Substring(0, dot) : name;
    }

    private static JsonNode? Navigate(JsonNode document, string fragment)
    {
        var node = document;
        foreach (var raw in fragment.Split(['/'], StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = Uri.UnescapeDataString(raw).Replace("~1", "/").Replace("~0", "~");
            node = node switch
            {
                JsonObject obj => obj[segment],
                JsonArray array when int.TryParse(segment, out var index) && index >= 0 && index < array.Count => array[index],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }
}
