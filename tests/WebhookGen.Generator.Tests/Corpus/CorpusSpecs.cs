using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using WebhookGen.Generator.Tests.Infrastructure;
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
        var directory = Path.Combine(Root, folder);
        var top = SpecFiles(directory, SearchOption.TopDirectoryOnly);
        if (top.Count == 1 && SpecFiles(directory, SearchOption.AllDirectories).Count == 1)
        {
            return new CorpusSpec(folder, top[0], File.ReadAllText(top[0]), []);
        }

        // A spec spread over files, in its source's own layout: the entry is the one file no other file refers to.
        var files = SpecFiles(directory, SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText, StringComparer.Ordinal);
        var entries = files.Keys.Where(f => !files.Any(other => other.Key != f && RefersTo(other.Value, f))).ToList();
        if (files.Count == 0 || entries.Count != 1)
        {
            throw new InvalidOperationException(
                $"specs/{folder} must hold one spec (.yaml, .yml or .json) at its top, or the files of one spec of which exactly one "
                + $"is referred to by no other; found {files.Count} files and {entries.Count} such entries.");
        }

        var others = files.Where(f => f.Key != entries[0]).Select(f => new CorpusFile(f.Key, f.Value)).ToList();
        return new CorpusSpec(folder, entries[0], files[entries[0]], others);
    }

    private static List<string> SpecFiles(string directory, SearchOption search) =>
        Directory.GetFiles(directory, "*", search)
            .Where(f => SpecExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();

    /// <summary>Whether <paramref name="text"/> has a <c>$ref</c> into the file at <paramref name="path"/>, by its name.</summary>
    private static bool RefersTo(string text, string path) => text.Contains(Path.GetFileName(path) + "#", StringComparison.Ordinal);
}

/// <summary>
/// One spec of the corpus: its folder, its full path and its text; for a spec spread over files, the files its
/// <c>$ref</c>s point into, which the generator gets as AdditionalFiles beside it.
/// </summary>
internal sealed record CorpusSpec(string Folder, string Path, string Text, IReadOnlyList<CorpusFile> Others)
{
    /// <summary>A spec in one file.</summary>
    public CorpusSpec(string folder, string path, string text)
        : this(folder, path, text, System.Array.Empty<CorpusFile>())
    {
    }

    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>The spec and the files it refers to, as the compiler hands them to the generator.</summary>
    public AdditionalText[] AdditionalTexts() =>
        Others.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).Prepend(new InMemoryAdditionalText(Path, Text)).ToArray();
}

/// <summary>A file of a spec spread over files, other than the spec's entry.</summary>
internal sealed record CorpusFile(string Path, string Text);
