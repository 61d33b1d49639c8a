using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using WebhookGen.Generator.Diagnostics;
using WebhookGen.Generator.Reading.References;

namespace WebhookGen.Generator.Reading;

/// <summary>
/// The spec being read: its text, where each node stands in it, and the diagnostics found so far. A spec spread over
/// several files is read as one document (<see cref="References.ExternalReferenceBundler"/>); a pointer into what was
/// brought in from another file is located in that file.
/// </summary>
internal sealed class SpecReadContext(string filePath, SourceText text, SourcePositionMap positions)
{
    private readonly Dictionary<string, (string Path, SourceText Text, SourcePositionMap Positions)> _files = new(StringComparer.Ordinal);
    private readonly List<BundledOrigin> _origins = new();

    public string FilePath { get; } = filePath;

    public List<DiagnosticInfo> Diagnostics { get; } = new();

    /// <summary>Another file of the spec, read, so that locations in it can be given.</summary>
    public void AddFile(string path, SourceText fileText, SourcePositionMap filePositions) => _files[path.Replace('\\', '/')] = (path, fileText, filePositions);

    /// <summary>Where a part of the bundled spec came from.</summary>
    public void AddOrigin(BundledOrigin origin) => _origins.Add(origin);

    /// <summary>The location of the node at <paramref name="pointer"/> (RFC 6901, no leading '#'), or of its nearest ancestor.</summary>
    public LocationInfo Locate(string pointer)
    {
        var (path, fileText, filePositions, filePointer) = Find(pointer);
        var position = filePositions.GetPositionOrNearest(filePointer);
        return LocationInfo.InText(path, fileText, position.Line, position.Column);
    }

    /// <summary>The location of the node at <paramref name="pointer"/> in one of the spec's files, <paramref name="path"/>.</summary>
    public LocationInfo LocateIn(string path, string pointer) =>
        _files.TryGetValue(path.Replace('\\', '/'), out var file)
            ? InText(file.Path, file.Text, file.Positions.GetPositionOrNearest(pointer))
            : InText(FilePath, text, positions.GetPositionOrNearest(pointer));

    /// <summary>Whether a node stands at <paramref name="pointer"/> in the spec.</summary>
    public bool Exists(string pointer)
    {
        var found = Find(pointer);
        return found.Positions.TryGetPosition(found.Pointer, out _);
    }

    /// <summary>The location of the key of the member at <paramref name="pointer"/> (a property's name rather than its schema).</summary>
    public LocationInfo LocateKey(string pointer)
    {
        var found = Find(pointer);
        return found.Positions.TryGetKeyPosition(found.Pointer, out var position) ? InText(found.Path, found.Text, position) : Locate(pointer);
    }

    private static LocationInfo InText(string path, SourceText fileText, SourcePosition position) =>
        LocationInfo.InText(path, fileText, position.Line, position.Column);

    /// <summary>The file a pointer into the bundled spec lands in, and the pointer there: by the longest origin that contains it.</summary>
    private (string Path, SourceText Text, SourcePositionMap Positions, string Pointer) Find(string pointer)
    {
        BundledOrigin? best = null;
        foreach (var origin in _origins)
        {
            if ((best is null || origin.Pointer.Length > best.Pointer.Length)
                && pointer.StartsWith(origin.Pointer, StringComparison.Ordinal)
                && (pointer.Length == origin.Pointer.Length || pointer[origin.Pointer.Length] == '/'))
            {
                best = origin;
            }
        }

        if (best is null)
        {
            return (FilePath, text, positions, pointer);
        }

        var inFile = best.FilePointer + pointer.Substring(best.Pointer.Length);
        return _files.TryGetValue(best.File, out var file)
            ? (file.Path, file.Text, file.Positions, inFile)
            : (FilePath, text, positions, inFile);
    }

    /// <summary>Locates the member <paramref name="alias"/> of the object at <paramref name="parentPointer"/> where its member <paramref name="name"/> is written.</summary>
    public void Alias(string parentPointer, string name, string alias) => positions.AddAlias(parentPointer, name, alias);

    public void Report(DiagnosticDescriptor descriptor, string pointer, params string[] arguments) =>
        Diagnostics.Add(DiagnosticInfo.Create(descriptor, Locate(pointer), arguments));

    /// <summary>
    /// WHG020 when <paramref name="identifier"/>, the C# name of <paramref name="specName"/>, had to change beyond
    /// PascalCasing (see <see cref="Helpers.Identifiers.WhyRenamed"/>); once per place in the spec, however many
    /// generated types share it (a schema flattened into several records).
    /// </summary>
    /// <param name="what">What was named, capitalised: "Property", "Enum value", "Event", "Schema".</param>
    /// <param name="atKey">Whether the name is the key at <paramref name="pointer"/> rather than the value there.</param>
    public void ReportRenamed(string what, string pointer, string? specName, string preferred, string identifier, bool atKey)
    {
        if (Helpers.Identifiers.WhyRenamed(specName, preferred, identifier) is not { } reason || !_renamed.Add((pointer, identifier)))
        {
            return;
        }

        var location = atKey ? LocateKey(pointer) : Locate(pointer);
        Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NameChanged, location, what, specName ?? preferred, identifier, reason));
    }

    private readonly HashSet<(string Pointer, string Identifier)> _renamed = new();
}
