using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace WebhookGen.Generator.Diagnostics;

/// <summary>A location as plain data (a <see cref="Location"/> holds a syntax tree, which must not enter the pipeline's model).</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    public static LocationInfo? From(Location? location) =>
        location is null || location.SourceTree is null
            ? null
            : new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);

    /// <summary>A point in a spec file, from its text and a 0-based line and column.</summary>
    public static LocationInfo InText(string filePath, SourceText text, int line, int column)
    {
        if (text.Lines.Count == 0)
        {
            return new LocationInfo(filePath, default, default);
        }

        line = line < 0 ? 0 : line >= text.Lines.Count ? text.Lines.Count - 1 : line;
        var textLine = text.Lines[line];
        column = column < 0 ? 0 : column > textLine.Span.Length ? textLine.Span.Length : column;
        var start = new LinePosition(line, column);
        var end = new LinePosition(line, textLine.Span.Length);
        var span = TextSpan.FromBounds(textLine.Start + column, textLine.End);
        return new LocationInfo(filePath, span, new LinePositionSpan(start, end));
    }
}
