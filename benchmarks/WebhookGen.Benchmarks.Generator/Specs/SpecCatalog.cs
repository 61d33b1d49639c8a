using System.Globalization;

namespace WebhookGen.Benchmarks.Generator.Specs;

/// <summary>The specs the benchmarks run on, by the name the <c>Spec</c> parameter takes.</summary>
internal static class SpecCatalog
{
    public const string GridX = "gridx";
    public const string OpenAi = "openai";
    public const string Synthetic10 = "synthetic-10";
    public const string Synthetic100 = "synthetic-100";
    public const string Synthetic1000 = "synthetic-1000";

    private const string SyntheticPrefix = "synthetic-";

    /// <summary>The spec's YAML text.</summary>
    public static string Load(string name) => name switch
    {
        GridX => ReadCopied("specs/gridx/webhooks.yaml"),
        OpenAi => ReadCopied("specs/openai/openapi.yaml"),
        _ when SyntheticEventCount(name) is { } count => SyntheticSpec.Create(count),
        _ => throw new ArgumentException("Unknown spec: " + name, nameof(name)),
    };

    /// <summary>How many events a synthetic spec has; null for a real one.</summary>
    public static int? SyntheticEventCount(string name) =>
        name.StartsWith(SyntheticPrefix, StringComparison.Ordinal)
            ? int.Parse(name.AsSpan(SyntheticPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture)
            : null;

    // The csproj copies the real specs beside the benchmark assembly.
    private static string ReadCopied(string relativePath) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, relativePath));
}
