using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using WebhookGen.Benchmarks.Generator.Configuration;
using WebhookGen.Benchmarks.Generator.Roslyn;
using WebhookGen.Benchmarks.Generator.Specs;

namespace WebhookGen.Benchmarks.Generator.Benchmarks;

/// <summary>
/// An IDE keystroke: a driver warmed by one run sees a compilation with an unrelated file edited (or added) and runs
/// again. Each invocation starts from the same warm driver and builds a new compilation, as an edit does, so no
/// compilation-level cache carries over between invocations. The driver tracks its steps, so the setup can prove from
/// them that the spec was not read again; the figure is therefore an upper bound for a build's (untracked) driver.
/// </summary>
[Config(typeof(FastSpecConfig))]
public class NoOpRerunBenchmarks
{
    private ReceiverProject? _project;
    private GeneratorDriver? _warmDriver;
    private SyntaxTree? _editedTree;
    private SyntaxTree? _addedTree;

    [Params(SpecCatalog.GridX, SpecCatalog.OpenAi)]
    public string Spec { get; set; } = SpecCatalog.GridX;

    [GlobalSetup]
    public void SetUp()
    {
        _project = new ReceiverProject(SpecCatalog.Load(Spec), SpecCatalog.FileName(Spec));
        _warmDriver = GeneratorDrivers.Create(_project.Spec, trackSteps: true).RunGenerators(_project.Compilation);
        _editedTree = ReceiverProject.UnrelatedEdit(1);
        _addedTree = ReceiverProject.AddedFile();
        Verify(nameof(RerunAfterEdit), RerunAfterEdit());
        Verify(nameof(RerunAfterAddedFile), RerunAfterAddedFile());
    }

    [Benchmark]
    public GeneratorDriver RerunAfterEdit() =>
        _warmDriver!.RunGenerators(_project!.Compilation.ReplaceSyntaxTree(_project.UnrelatedTree, _editedTree!));

    [Benchmark]
    public GeneratorDriver RerunAfterAddedFile() =>
        _warmDriver!.RunGenerators(_project!.Compilation.AddSyntaxTrees(_addedTree!));

    private void Verify(string rerun, GeneratorDriver driver)
    {
        Console.WriteLine($"// {rerun} on {Spec}, tracked steps of the re-run:{Environment.NewLine}{IncrementalStepReport.Describe(driver)}");
        IncrementalStepReport.ThrowIfReparsed(driver);
        Console.WriteLine($"// {rerun} on {Spec}: no re-parse (Specs all Cached, ReceiverModels Cached/Unchanged)");
    }
}
