using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using WebhookGen.Generator.Model;
using WebhookGen.Generator.Tests.Infrastructure;

namespace WebhookGen.Generator.Tests.Corpus;

/// <summary>
/// A spec's receiver generated with its handlers and compiled once, for the tests that need it compiled: whether it
/// compiles cleanly (<see cref="CorpusTests"/>) and what it does over HTTP (<see cref="CorpusExamplesTests"/>). GitHub's
/// receiver takes seconds to compile; compiling it once per test was a tenth of the generator tests' time. Only what
/// those tests read is kept, not the compilation.
/// </summary>
/// <param name="GeneratorDiagnostics">What the generator reported.</param>
/// <param name="CompilationProblems">Every error and warning of compiling the project with the generated code in it.</param>
/// <param name="Handlers">How many handlers the generated receiver declares.</param>
/// <param name="Model">The receiver's model, as the generator built it.</param>
/// <param name="Image">The compiled assembly; null when it did not compile.</param>
internal sealed record CorpusBuild(
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    IReadOnlyList<Diagnostic> CompilationProblems,
    int Handlers,
    ReceiverModel? Model,
    byte[]? Image)
{
    private static readonly ConcurrentDictionary<string, Lazy<CorpusBuild>> Builds = new(StringComparer.Ordinal);

    public static CorpusBuild Of(string folder) =>
        Builds.GetOrAdd(folder, f => new Lazy<CorpusBuild>(() => Create(CorpusSpecs.Load(f)))).Value;

    /// <summary>
    /// Emitting reports every diagnostic of the compilation, warnings included, as <c>GetDiagnostics</c> does: one pass
    /// over the method bodies answers both questions.
    /// </summary>
    public static CorpusBuild Create(CorpusSpec spec)
    {
        var run = CorpusReceiver.RunWithHandlers(spec);
        using var image = new MemoryStream();
        var emitted = run.Output.Emit(image);
        return new CorpusBuild(
            run.GeneratorDiagnostics,
            emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList(),
            CorpusReceiver.Handlers(run).Count,
            ReceiverModelOf(run),
            emitted.Success ? image.ToArray() : null);
    }

    private static ReceiverModel? ReceiverModelOf(GeneratorRun run) =>
        run.Result.Results.Single().TrackedSteps.TryGetValue(TrackingNames.ReceiverModels, out var steps)
            ? steps.SelectMany(step => step.Outputs)
                .Select(o => o.Value)
                .OfType<ReceiverModel>()
                .SingleOrDefault(m => m.Receiver.ClassName == CorpusReceiver.ClassName)
            : null;
}
