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

    public void Report(DiagnosticDescriptor descriptor, string pointer, params string[] arguments) =>
        Diagnostics.Add(DiagnosticInfo.Create(descriptor, Locate(pointer), arguments));
}
