using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Shouldly;
using Xunit;

namespace WebhookGen.Generator.Tests.Corpus;

/// <summary>
/// A receiver generated from every real spec under <c>specs/</c> compiles cleanly with one handler per event.
/// </summary>
public sealed class CorpusTests
{
    /// <summary>How many distinct compiler messages a failure lists; the count of all of them is always given.</summary>
    private const int ProblemsShown = 12;

    public static TheoryData<string> Specs => CorpusSpecs.Folders();

    [Fact]
    public void Every_spec_has_an_expected_event_count_and_every_count_a_spec()
    {
        var folders = CorpusSpecs.AllFolders();

        folders.Where(f => !CorpusExpectations.Events.ContainsKey(f)).ShouldBeEmpty("spec folders without a row in CorpusExpectations");
        CorpusExpectations.Events.Keys.Where(k => !folders.Contains(k)).ShouldBeEmpty("rows in CorpusExpectations without a spec folder");
    }

    [Fact]
    public void The_compile_check_sees_warnings_as_well_as_errors()
    {
        // CorpusBuild takes a receiver's problems from emitting it, once, rather than from a separate GetDiagnostics.
        var compilation = Infrastructure.GeneratorHarness.CreateCompilation("class C { void M() { int unused; } }");
        using var image = new System.IO.MemoryStream();

        var emitted = compilation.Emit(image);

        emitted.Success.ShouldBeTrue();
        emitted.Diagnostics.Select(d => d.Id).ShouldContain("CS0168");
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Receiver_compiles_with_no_error_or_warning_and_one_handler_per_event(string folder)
    {
        CorpusExpectations.Events.TryGetValue(folder, out var expectedEvents).ShouldBeTrue($"specs/{folder} has no row in CorpusExpectations");
        var spec = CorpusSpecs.Load(folder);

        var build = CorpusBuild.Of(folder);

        var failures = new List<string>();
        var generatorErrors = build.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (generatorErrors.Count > 0)
        {
            failures.Add(Summary("generator errors", generatorErrors));
        }

        var problems = build.CompilationProblems;
        if (problems.Count > 0)
        {
            failures.Add(Summary("compilation errors and warnings", problems));
        }

        var handlers = build.Handlers;
        if (handlers != expectedEvents)
        {
            failures.Add($"handlers: expected {expectedEvents} (one per event), generated {handlers}");
        }

        failures.ShouldBeEmpty($"specs/{folder}/{spec.FileName}");
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Generator_is_deterministic_and_never_throws(string folder)
    {
        var spec = CorpusSpecs.Load(folder);

        var first = CorpusReceiver.RunDeclarationOnly(spec);
        var second = CorpusReceiver.RunDeclarationOnly(spec);

        foreach (var run in new[] { first, second })
        {
            run.Result.Results.Select(r => r.Exception?.ToString()).OfType<string>().ShouldBeEmpty("exceptions thrown by the generator");
            // CS8784: the generator failed to initialize; CS8785: it threw while generating.
            run.GeneratorDiagnostics.Where(d => d.Id is "CS8784" or "CS8785").Select(d => d.ToString()).ShouldBeEmpty();
        }

        Snapshot(second).ShouldBe(Snapshot(first));
    }

    private static List<string> Snapshot(Infrastructure.GeneratorRun run) =>
        run.Sources.Select(s => "//// " + s.HintName + "\n" + s.SourceText).ToList();

    /// <summary>The count, then the first distinct messages (by id and text) with one location each.</summary>
    private static string Summary(string what, IReadOnlyList<Diagnostic> diagnostics)
    {
        var distinct = diagnostics
            .GroupBy(d => d.Id + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal)
            .ToList();
        var lines = distinct
            .Take(ProblemsShown)
            .Select(g => $"  {g.Key} (×{g.Count()}, first at {g.First().Location.GetLineSpan()})");
        return $"{what}: {diagnostics.Count} ({distinct.Count} distinct)\n" + string.Join("\n", lines);
    }
}
