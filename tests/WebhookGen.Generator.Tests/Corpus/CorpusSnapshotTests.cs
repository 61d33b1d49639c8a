using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Shouldly;
using WebhookGen.Generator.Tests.Infrastructure;
using Xunit;

namespace WebhookGen.Generator.Tests.Corpus;

/// <summary>
/// Every file the generator writes for every spec under <c>specs/</c>, compared with its approved copy in
/// <c>Snapshots/{spec folder}/{file}.approved.cs</c>: one file per generated file, so that a change of the generator is
/// reviewed as a diff of C#. GitHub's 261 webhooks (7.8 MB) are snapshotted with the events the sample chooses.
/// A changed or new file fails with its <c>.received.cs</c> beside the approved one (rename it to approve it); an
/// approved file the generator no longer writes fails too.
/// </summary>
public sealed class CorpusSnapshotTests
{
    private const string ApprovedSuffix = ".approved.cs";

    /// <summary>The events of samples/GitHub.Receiver.</summary>
    private static readonly string[] GitHubEvents = ["ping", "push", "issues.opened", "issues.closed", "pull_request.opened", "pull_request.closed"];

    [Theory]
    [MemberData(nameof(CorpusSpecs.Folders), MemberType = typeof(CorpusSpecs))]
    public void Every_generated_file_matches_its_approved_snapshot(string folder)
    {
        var sources = Generate(folder);
        var snapshots = SnapshotFolder(folder);
        var generated = sources.Select(s => FileStem(s.HintName) + ApprovedSuffix).ToHashSet(StringComparer.Ordinal);
        var mismatches = new List<string>();

        foreach (var source in sources)
        {
            try
            {
                source.SourceText.ToString().ShouldMatchApproved(options => options
                    .SubFolder(Path.Combine("Snapshots", folder))
                    .WithFilenameGenerator((_, _, fileType, _) => $"{FileStem(source.HintName)}.{fileType}.cs")
                    .LocateTestMethodUsingAttribute<TheoryAttribute>()
                    .NoDiff());
            }
            catch (ShouldAssertException)
            {
                mismatches.Add(source.HintName);
            }
        }

        var stale = Directory.Exists(snapshots)
            ? Directory.EnumerateFiles(snapshots, "*" + ApprovedSuffix).Select(Path.GetFileName).OfType<string>().Where(f => !generated.Contains(f)).Order(StringComparer.Ordinal).ToList()
            : [];

        mismatches.ShouldBeEmpty(
            $"{mismatches.Count} of {sources.Count} generated files differ from their approved snapshot in Snapshots/{folder} "
            + "(each has a .received.cs beside it: review it and rename it to .approved.cs to approve it)");
        stale.ShouldBeEmpty($"approved snapshots in Snapshots/{folder} of files the generator no longer writes: delete them");
    }

    private static List<GeneratedSourceResult> Generate(string folder)
    {
        var spec = CorpusSpecs.Load(folder);
        var run = folder == "github"
            ? CorpusReceiver.Run(spec, CorpusReceiver.Declaration(spec.FileName, GitHubEvents))
            : CorpusReceiver.RunDeclarationOnly(spec);
        return run.Sources.OrderBy(s => s.HintName, StringComparer.Ordinal).ToList();
    }

    /// <summary><c>Corpus.CorpusReceiver.Models.Order.g.cs</c> → <c>Corpus.CorpusReceiver.Models.Order</c>.</summary>
    private static string FileStem(string hintName) =>
        hintName.EndsWith(".g.cs", StringComparison.Ordinal) ? hintName[..^".g.cs".Length] : hintName;

    private static string SnapshotFolder(string folder, [CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "Snapshots", folder);
}
