using System.Globalization;
using Microsoft.CodeAnalysis;

namespace WebhookGen.Benchmarks.Generator.Roslyn;

/// <summary>One line on what a generator run produced: files, characters by kind of file, and diagnostics by id.</summary>
internal static class GeneratedOutputSummary
{
    public static string Describe(GeneratorDriverRunResult result)
    {
        var byKind = result.Results
            .SelectMany(r => r.GeneratedSources)
            .GroupBy(s => Kind(s.HintName))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {g.Count()} files/{g.Sum(s => s.SourceText.Length):N0} chars"));
        var diagnostics = result.Diagnostics
            .GroupBy(d => $"{d.Id} ({d.Severity})")
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} x{g.Count()}"));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{result.GeneratedTrees.Length} files, {result.GeneratedTrees.Sum(t => t.Length):N0} chars [{string.Join("; ", byKind)}]; diagnostics: [{string.Join(", ", diagnostics)}]");
    }

    // Hint names end in .Receiver.g.cs, .Webhooks.g.cs, .JsonContext.g.cs or .Models.<Type>.g.cs.
    private static string Kind(string hintName)
    {
        var parts = hintName.Split('.');
        return parts.Length >= 4 && parts[^4] == "Models" ? "Models" : parts.Length >= 3 ? parts[^3] : hintName;
    }
}
