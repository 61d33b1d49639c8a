using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using WebhookGen.Generator.Diagnostics;

namespace WebhookGen.Generator.Reading;

/// <summary>The spec being read: its text, where each node stands in it, and the diagnostics found so far.</summary>
internal sealed class SpecReadContext(string filePath, SourceText text, SourcePositionMap positions)
{
    public string FilePath { get; } = filePath;

    public List<DiagnosticInfo> Diagnostics { get; } = new();

    /// <summary>The location of the node at <paramref name="pointer"/> (RFC 6901, no leading '#'), or of its nearest ancestor.</summary>
    public LocationInfo Locate(string pointer)
    {
        var position = positions.GetPositionOrNearest(pointer);
        return LocationInfo.InText(FilePath, text, position.Line, position.Column);
    }

    /// <summary>Whether a node stands at <paramref name="pointer"/> in the spec.</summary>
    public bool Exists(string pointer) => positions.TryGetPosition(pointer, out _);

    /// <summary>The location of the key of the member at <paramref name="pointer"/> (a property's name rather than its schema).</summary>
    public LocationInfo LocateKey(string pointer) =>
        positions.TryGetKeyPosition(pointer, out var position) ? LocationInfo.InText(FilePath, text, position.Line, position.Column) : Locate(pointer);

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
