using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Shouldly;
using WebhookGen.Generator.Diagnostics;
using WebhookGen.Generator.Tests.Infrastructure;
using Xunit;

namespace WebhookGen.Generator.Tests;

/// <summary>
/// The catalogue of WHG diagnostics agrees with itself: each descriptor has a unique ID, a title, a message and a help
/// link to its section of docs/diagnostics.md; the analyzer release file and the docs list it with the same severity; the
/// docs give an example message (one the descriptor can produce) and the fix; and some test names it.
/// </summary>
public sealed class DiagnosticCatalogueTests
{
    private static readonly List<DiagnosticDescriptor> Descriptors = typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .OrderBy(d => d.Id, StringComparer.Ordinal)
        .ToList();

    // The project's home, as Directory.Build.props declares it for the package.
    private static readonly Lazy<string> RepositoryUrl = new(() => Regex.Match(
        File.ReadAllText(Path.Combine(RepositoryLayout.Root, "Directory.Build.props")), "<RepositoryUrl>([^<]+)</RepositoryUrl>").Groups[1].Value);

    private static readonly Lazy<string> Docs = new(() => File.ReadAllText(Path.Combine(RepositoryLayout.Root, "docs", "diagnostics.md")).Replace("\r\n", "\n", StringComparison.Ordinal));

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in Descriptors)
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    [Fact]
    public void Ids_are_unique_and_numbered_without_gaps()
    {
        Descriptors.Count.ShouldBeGreaterThanOrEqualTo(19);
        Descriptors.Select(d => d.Id).ShouldBeUnique();
        Descriptors.Select(d => d.Id).ShouldBe(Enumerable.Range(1, Descriptors.Count).Select(i => "WHG" + i.ToString("000", CultureInfo.InvariantCulture)));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_descriptor_has_a_title_a_message_a_category_and_a_help_link_to_its_docs_section(string id)
    {
        var descriptor = Descriptor(id);

        descriptor.Title.ToString(CultureInfo.InvariantCulture).ShouldNotBeNullOrWhiteSpace();
        descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture).ShouldNotBeNullOrWhiteSpace();
        descriptor.Category.ShouldBe("WebhookGen");
        descriptor.IsEnabledByDefault.ShouldBeTrue();
        descriptor.DefaultSeverity.ShouldBeOneOf(DiagnosticSeverity.Error, DiagnosticSeverity.Warning, DiagnosticSeverity.Info);
        // Absolute, so that it opens from an IDE's error list: the project's docs, at the section of the ID.
        descriptor.HelpLinkUri.ShouldBe(RepositoryUrl.Value + "/blob/main/docs/diagnostics.md#" + id.ToLowerInvariant());
        new Uri(descriptor.HelpLinkUri).Scheme.ShouldBe("https");
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_analyzer_release_file_lists_it_with_its_severity(string id)
    {
        var descriptor = Descriptor(id);
        var rows = ReleaseRows();

        rows.ShouldContainKey(id, "AnalyzerReleases.Unshipped.md (or Shipped) must list every rule");
        rows[id].Category.ShouldBe(descriptor.Category);
        rows[id].Severity.ShouldBe(descriptor.DefaultSeverity.ToString());
    }

    [Fact]
    public void The_analyzer_release_files_list_no_rule_that_does_not_exist()
    {
        ReleaseRows().Keys.Where(id => Descriptors.All(d => d.Id != id)).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_docs_table_lists_it_with_its_severity_and_title(string id)
    {
        var descriptor = Descriptor(id);
        var row = Docs.Value.Split('\n').SingleOrDefault(l => l.StartsWith($"| [{id}](#{id.ToLowerInvariant()}) |", StringComparison.Ordinal));

        row.ShouldNotBeNull($"docs/diagnostics.md has no table row for {id}");
        var cells = row.Split('|').Select(c => c.Trim()).ToList();
        cells[2].ShouldBe(descriptor.DefaultSeverity.ToString());
        cells[3].Replace("`", string.Empty, StringComparison.Ordinal).ShouldBe(descriptor.Title.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_docs_section_gives_an_example_the_descriptor_produces_and_the_fix(string id)
    {
        var descriptor = Descriptor(id);
        var section = Section(id);

        section.ShouldNotBeNull($"docs/diagnostics.md has no '## {id}' section");
        section.ShouldContain("**Fix:**", Case.Sensitive, $"the {id} section says how to fix it");
        var examples = Regex.Matches(section, "^`(?<message>[^`\n]+)`", RegexOptions.Multiline).Select(m => m.Groups["message"].Value).ToList();
        examples.ShouldNotBeEmpty($"the {id} section opens a paragraph with an example message in backticks");
        var format = MessagePattern(descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture));
        examples.ShouldContain(e => format.IsMatch(e), $"an example of {id} that its message format produces: {format}");
    }

    [Fact]
    public void The_docs_describe_no_diagnostic_that_does_not_exist()
    {
        var documented = Regex.Matches(Docs.Value, "^## (WHG[0-9]+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();

        documented.ShouldBeUnique();
        documented.ShouldBe(Descriptors.Select(d => d.Id), "one section per diagnostic, in order");
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Some_test_expects_it(string id)
    {
        var tests = Path.Combine(RepositoryLayout.Root, "tests", "WebhookGen.Generator.Tests");
        var sources = Directory.EnumerateFiles(tests, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.EndsWith(nameof(DiagnosticCatalogueTests) + ".cs", StringComparison.Ordinal));

        sources.Any(f => File.ReadAllText(f).Contains($"Id.ShouldBe(\"{id}\")", StringComparison.Ordinal)
            || File.ReadAllText(f).Contains($"Id == \"{id}\"", StringComparison.Ordinal)).ShouldBeTrue($"no test expects {id}");
    }

    private static DiagnosticDescriptor Descriptor(string id) => Descriptors.Single(d => d.Id == id);

    /// <summary>The text under <c>## {id}</c>, up to the next heading of that level.</summary>
    private static string? Section(string id)
    {
        var match = Regex.Match(Docs.Value, $"^## {id}\n(?<body>.*?)(?=^## |\\z)", RegexOptions.Multiline | RegexOptions.Singleline);
        return match.Success ? match.Groups["body"].Value : null;
    }

    /// <summary>The message format as a pattern: each <c>{n}</c> stands for some text.</summary>
    private static Regex MessagePattern(string format)
    {
        var parts = Regex.Split(format, "\\{[0-9]+\\}").Select(Regex.Escape);
        return new Regex("^" + string.Join(".+?", parts) + "$", RegexOptions.Singleline);
    }

    private static Dictionary<string, (string Category, string Severity)> ReleaseRows()
    {
        var rows = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var file in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
        {
            foreach (var line in File.ReadAllLines(Path.Combine(RepositoryLayout.Root, "src", "WebhookGen.Generator", file)))
            {
                var cells = line.Split('|').Select(c => c.Trim()).ToArray();
                if (cells.Length >= 3 && Regex.IsMatch(cells[0], "^WHG[0-9]+$"))
                {
                    rows.Add(cells[0], (cells[1], cells[2]));
                }
            }
        }

        return rows;
    }
}
