using System.Globalization;

namespace WebhookGen.Benchmarks.Generator.Specs;

/// <summary>The specs the benchmarks run on, by the name the <c>Spec</c> parameter takes.</summary>
internal static class SpecCatalog
{
    public const string GridX = "gridx";
    public const string OpenAi = "openai";
    public const string GitHub = "github";
    public const string Synthetic10 = "synthetic-10";
    public const string Synthetic100 = "synthetic-100";
    public const string Synthetic1000 = "synthetic-1000";

    private const string SyntheticPrefix = "synthetic-";

    /// <summary>The spec's text: YAML, or JSON where <see cref="IsJson"/> says so.</summary>
    public static string Load(string name) => name switch
    {
        GridX => ReadCopied("specs/gridx/webhooks.yaml"),
        OpenAi => ReadCopied("specs/openai/openapi.yaml"),
        GitHub => ReadCopied("specs/github/api.github.com.json"),
        _ when SyntheticEventCount(name) is { } count => SyntheticSpec.Create(count),
        _ => throw new ArgumentException("Unknown spec: " + name, nameof(name)),
    };

    /// <summary>Whether the spec is JSON (GitHub's): it is then read as JSON, by the generator and by the floor.</summary>
    public static bool IsJson(string name) => name == GitHub;

    /// <summary>The file name the receiver names and the spec's AdditionalFiles item has: its extension picks the reader.</summary>
    public static string FileName(string name) => IsJson(name) ? "webhooks.json" : "webhooks.yaml";

    /// <summary>How many events a synthetic spec has; null for a real one.</summary>
    public static int? SyntheticEventCount(string name) =>
        name.StartsWith(SyntheticPrefix, StringComparison.Ordinal)
            ? int.Parse(name.AsSpan(SyntheticPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture)
            : null;

    // The csproj copies the real specs beside the benchmark assembly.
    private static string ReadCopied(string relativePath) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, relativePath));
}
