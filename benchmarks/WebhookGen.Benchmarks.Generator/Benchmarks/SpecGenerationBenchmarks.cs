using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using WebhookGen.Benchmarks.Generator.Floor;
using WebhookGen.Benchmarks.Generator.Peers;
using WebhookGen.Benchmarks.Generator.Roslyn;
using WebhookGen.Benchmarks.Generator.Specs;
using WebhookGen.Generator.Reading;

namespace WebhookGen.Benchmarks.Generator.Benchmarks;

/// <summary>
/// One spec, five ways: the floor (the OpenAPI library reading it, YAML or JSON as the generator would), a cold WebhookGen generation, NSwag's DTO generation,
/// and two slices of WebhookGen's own read stage that show where the time above the floor goes.
/// Everything but the work measured is prepared in the setups.
/// </summary>
public abstract class SpecGenerationBenchmarks
{
    private string _text = string.Empty;
    private SourceText _sourceText = SourceText.From(string.Empty);
    private string _libraryReadableText = string.Empty;
    private string _json = string.Empty;
    private ReceiverProject? _project;

    /// <summary>A name from <see cref="SpecCatalog"/>.</summary>
    public abstract string Spec { get; set; }

    [GlobalSetup(Targets = [nameof(OpenApiFloor), nameof(ReadStageText), nameof(ReadStageModel)])]
    public void SetUpReading()
    {
        _text = SpecCatalog.Load(Spec);
        _sourceText = SourceText.From(_text);
        _libraryReadableText = LibraryReadableText();
    }

    [GlobalSetup(Target = nameof(WebhookGenCold))]
    public void SetUpGenerator()
    {
        _project = new ReceiverProject(SpecCatalog.Load(Spec), SpecCatalog.FileName(Spec));
        var result = WebhookGenCold().GetRunResult();
        Console.WriteLine($"// WebhookGen on {Spec}: {GeneratedOutputSummary.Describe(result)}");
        if (result.GeneratedTrees.IsEmpty || result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new InvalidOperationException($"WebhookGen generated nothing for {Spec}: there would be nothing to measure.");
        }
    }

    [GlobalSetup(Target = nameof(NSwagDtos))]
    public void SetUpNSwag()
    {
        // NSwag reads JSON only: a YAML spec is converted here, outside the timing.
        _json = SpecCatalog.IsJson(Spec) ? SpecCatalog.Load(Spec) : YamlToJsonNode.Read(LibraryReadableText())!.ToJsonString();
        try
        {
            string code = NSwagDtoGenerator.Generate(_json);
            Console.WriteLine($"// NSwag on {Spec}: {code.Length:N0} characters of C#");
        }
        catch (Exception exception)
        {
            Console.WriteLine($"// NSwag failed on {Spec}: {exception.GetType().Name}: {exception.Message}");
            throw new InvalidOperationException($"NSwag cannot generate from {Spec}; its row is left empty.", exception);
        }
    }

    /// <summary>
    /// YAML (as YamlDotNet accepts it) → JsonNode (YamlDotNet events), or JSON → JsonNode (System.Text.Json); then →
    /// OpenApiDocument (OpenApiJsonReader): the library-only minimum of the generator's own read path.
    /// </summary>
    [Benchmark(Baseline = true)]
    public object OpenApiFloor() =>
        SpecCatalog.IsJson(Spec) ? OpenApiFloorReader.ReadJson(_libraryReadableText) : OpenApiFloorReader.Read(_libraryReadableText);

    /// <summary>A fresh driver running the generator over the prepared compilation and spec, as a build does.</summary>
    [Benchmark]
    public GeneratorDriver WebhookGenCold() =>
        GeneratorDrivers.Create(_project!.Spec, trackSteps: false).RunGenerators(_project.Compilation);

    /// <summary>NSwag: parse the JSON text and generate the C# DTOs.</summary>
    [Benchmark]
    public string NSwagDtos() => NSwagDtoGenerator.Generate(_json);

    /// <summary>WebhookGen's text reader alone: YAML or JSON → JsonNode plus the position map behind its diagnostics.</summary>
    [Benchmark]
    public object ReadStageText() => SpecTextReader.Read(SpecPath, _text, CancellationToken.None);

    /// <summary>WebhookGen's whole read stage without Roslyn or emission: text → OpenApiDocument → SpecModel.</summary>
    [Benchmark]
    public object ReadStageModel() => SpecModelBuilder.Build(SpecPath, _sourceText, CancellationToken.None);

    /// <summary>The spec's path as the generator sees it: its extension picks the reader.</summary>
    private string SpecPath => ReceiverProject.SpecPathOf(SpecCatalog.FileName(Spec));

    /// <summary>The text as the libraries of the floor accept it: a YAML spec with its block scalars repaired, a JSON spec as is.</summary>
    private string LibraryReadableText()
    {
        if (SpecCatalog.IsJson(Spec))
        {
            return SpecCatalog.Load(Spec);
        }

        string readable = LibraryReadableYaml.Prepare(SpecCatalog.Load(Spec), out int repairs);
        if (repairs > 0)
        {
            Console.WriteLine($"// {Spec}: {repairs} block scalar(s) repaired before the timing, as YamlDotNet rejects them");
        }

        return readable;
    }
}
