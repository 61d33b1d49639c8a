using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace WebhookGen.Generator.Tests.Corpus;

/// <summary>The specs under <c>specs/</c> (copied beside the tests by the csproj), one folder per spec.</summary>
internal static class CorpusSpecs
{
    private static readonly string[] SpecExtensions = [".yaml", ".yml", ".json"];

    private static readonly ConcurrentDictionary<string, Lazy<CorpusSpec>> Loaded = new(StringComparer.Ordinal);

    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "specs");

    /// <summary>Every spec folder under <c>specs/</c>.</summary>
    public static IReadOnlyList<string> AllFolders() =>
        Directory.GetDirectories(Root).Select(Path.GetFileName).OfType<string>().OrderBy(f => f, StringComparer.Ordinal).ToList();

    /// <summary>The theories' data: every spec folder.</summary>
    public static TheoryData<string> Folders()
    {
        var data = new TheoryData<string>();
        foreach (var folder in AllFolders())
        {
            data.Add(folder);
        }

        return data;
    }

    /// <summary>The spec in <paramref name="folder"/>, read from disk once per test run however many tests use it.</summary>
    public static CorpusSpec Load(string folder) =>
        Loaded.GetOrAdd(folder, f => new Lazy<CorpusSpec>(() => Read(f))).Value;

    private static CorpusSpec Read(string folder)
    {
        var files = Directory.GetFiles(Path.Combine(Root, folder))
            .Where(f => SpecExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .ToList();
        if (files.Count != 1)
        {
            throw new InvalidOperationException($"specs/{folder} must hold exactly one spec (.yaml, .yml or .json); found {files.Count}.");
        }

        return new CorpusSpec(folder, files[0], File.ReadAllText(files[0]));
    }
}

/// <summary>One spec of the corpus: its folder, its full path and its text.</summary>
internal sealed record CorpusSpec(string Folder, string Path, string Text)
{
    public string FileName => System.IO.Path.GetFileName(Path);
}
