using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Shouldly;

namespace WebhookGen.Generator.Tests.Infrastructure;

/// <summary>Where a diagnostic points, checked against the text it is about.</summary>
internal static class DiagnosticAssertions
{
    /// <summary>
    /// The diagnostic is in <paramref name="path"/> at the first occurrence of <paramref name="marker"/> in
    /// <paramref name="text"/> (after the first line that contains <paramref name="after"/>, if given): that line, that column.
    /// </summary>
    public static void ShouldPointAt(Diagnostic diagnostic, string path, string text, string marker, string? after = null)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var from = after is null ? 0 : Array.FindIndex(lines, l => l.Contains(after, StringComparison.Ordinal));
        from.ShouldBeGreaterThanOrEqualTo(0, $"'{after}' is not in the text");
        var line = Array.FindIndex(lines, from, l => l.Contains(marker, StringComparison.Ordinal));
        line.ShouldBeGreaterThanOrEqualTo(0, $"'{marker}' is not in the text");

        var span = diagnostic.Location.GetLineSpan();
        var actual = span.StartLinePosition.Line < lines.Length ? lines[span.StartLinePosition.Line] : "(past the end)";
        span.Path.ShouldBe(path, diagnostic.ToString());
        span.StartLinePosition.ShouldBe(
            new LinePosition(line, lines[line].IndexOf(marker, StringComparison.Ordinal)),
            $"{diagnostic}\nexpected at '{marker}' in: {lines[line]}\nbut is at column {span.StartLinePosition.Character} of: {actual}");
    }
}
