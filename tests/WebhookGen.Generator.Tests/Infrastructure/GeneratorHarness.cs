using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace WebhookGen.Generator.Tests.Infrastructure;

/// <summary>Runs the generator in-process over C# sources and AdditionalFiles, as the compiler does in a build.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    /// <summary>The generator's own steps (<see cref="TrackingNames"/>); Roslyn tracks its internal ones too.</summary>
    private static readonly HashSet<string> OwnSteps = typeof(TrackingNames)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Select(field => (string)field.GetValue(null)!)
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>The references of an ASP.NET Core app plus the WebhookGen runtime, from the running test host.</summary>
    public static ImmutableArray<MetadataReference> AppReferences => References.Value;

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "ReceiverApp",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{i}.cs")),
            AppReferences,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                // As the SDK does: a net8.0 library (the runtime) referenced from a newer framework is fine.
                specificDiagnosticOptions: [new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]));

    public static GeneratorDriver CreateDriver(params AdditionalText[] additionalTexts) =>
        CSharpGeneratorDriver.Create(
            [new WebhookReceiverGenerator().AsSourceGenerator()],
            additionalTexts,
            ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>
    /// Runs the generator; the result carries the generated sources, its diagnostics and the output compilation. Every
    /// run is made twice: the second over an equal but new compilation (the same source parsed again, as after an edit
    /// that changes nothing), whose every step must find its output unchanged or cached and re-emit no source.
    /// Whatever a test feeds the generator, nothing it models may defeat the incremental pipeline.
    /// </summary>
    public static GeneratorRun Run(string source, params AdditionalText[] additionalTexts) =>
        Run(source, new Dictionary<string, string>(), additionalTexts);

    /// <summary>
    /// As <see cref="Run(string, AdditionalText[])"/>, with the project's MSBuild properties the generator reads, by name
    /// (<c>WebhookGenStrict</c> is seen as <c>build_property.WebhookGenStrict</c>).
    /// </summary>
    public static GeneratorRun Run(string source, IReadOnlyDictionary<string, string> buildProperties, params AdditionalText[] additionalTexts)
    {
        var compilation = CreateCompilation(source);
        var options = new TestAnalyzerConfigOptions(buildProperties.ToDictionary(p => "build_property." + p.Key, p => p.Value, StringComparer.Ordinal));
        var driver = CSharpGeneratorDriver.Create(
                [new WebhookReceiverGenerator().AsSourceGenerator()],
                additionalTexts,
                ParseOptions,
                options,
                new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true))
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        AssertSecondRunCached(driver, CreateCompilation(source));
        return new GeneratorRun(driver, compilation, output, diagnostics);
    }

    /// <summary>
    /// Fails unless running <paramref name="driver"/> again on <paramref name="equivalent"/> (a compilation equal to the
    /// last one) finds every tracked step's output unchanged or cached and re-emits no source. The diagnostics output that
    /// reads the compilation itself (to locate C# diagnostics) runs again by design and is not checked.
    /// </summary>
    public static void AssertSecondRunCached(GeneratorDriver driver, Compilation equivalent)
    {
        var result = driver.RunGenerators(equivalent).GetRunResult().Results.Single();
        if (!result.TrackedSteps.ContainsKey(TrackingNames.Receivers))
        {
            throw new InvalidOperationException("The driver does not track its steps (trackIncrementalGeneratorSteps): nothing to check.");
        }

        var steps = result.TrackedSteps
            .Where(step => OwnSteps.Contains(step.Key))
            .SelectMany(step => step.Value.SelectMany(run => run.Outputs).Select(output => (Step: step.Key, output.Reason)));
        var sources = result.TrackedOutputSteps
            .SelectMany(step => step.Value.SelectMany(run => run.Outputs))
            .Where(output => output.Value is (Model.ReceiverOutput, GeneratorSettings))
            .Select(output => ("source output", output.Reason));
        var rerun = steps.Concat(sources)
            .Where(output => output.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
            .Select(output => $"{output.Item1}: {output.Reason}")
            .Distinct()
            .ToList();
        if (rerun.Count > 0)
        {
            throw new InvalidOperationException("A second generator run over equal inputs re-ran steps: " + string.Join(", ", rerun));
        }
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var runtime = typeof(WebhookGen.WebhookReceiverAttribute).Assembly.Location;
        return platform
            .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal)
                || Path.GetFileName(path).StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
                || Path.GetFileName(path).StartsWith("Microsoft.Extensions", StringComparison.Ordinal)
                || Path.GetFileName(path) is "netstandard.dll" or "mscorlib.dll")
            .Append(runtime)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}

/// <summary>What one generator run produced.</summary>
internal sealed record GeneratorRun(GeneratorDriver Driver, Compilation Input, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    public GeneratorDriverRunResult Result => Driver.GetRunResult();

    public IReadOnlyList<GeneratedSourceResult> Sources =>
        Result.Results.SelectMany(r => r.GeneratedSources).OrderBy(s => s.HintName, StringComparer.Ordinal).ToList();

    public string Source(string hintNameSuffix) =>
        Sources.Single(s => s.HintName.EndsWith(hintNameSuffix, StringComparison.Ordinal)).SourceText.ToString();

    /// <summary>Errors and warnings of compiling the project with the generated code in it.</summary>
    public IReadOnlyList<Diagnostic> CompilationProblems =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
}
