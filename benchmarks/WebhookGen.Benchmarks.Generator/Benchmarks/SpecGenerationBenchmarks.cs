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
/// One spec, five ways: the floor (the OpenAPI library reading it), a cold WebhookGen generation, NSwag's DTO generation,
/// and two slices of WebhookGen's own read stage that show where the time above the floor goes.
/// Everything but the work measured is prepared in the setups.
/// </summary>
public abstract class SpecGenerationBenchmarks
{
    private string _yaml = string.Empty;
    private SourceText _yamlText = SourceText.From(string.Empty);
    private string _readableYaml = string.Empty;
    private string _json = string.Empty;
    private ReceiverProject? _project;

    /// <summary>A name from <see cref="SpecCatalog"/>.</summary>
    public abstract string Spec { get; set; }

    [GlobalSetup(Targets = [nameof(OpenApiFloor), nameof(ReadStageText), nameof(ReadStageModel)])]
    public void SetUpReading()
    {
        _yaml = SpecCatalog.Load(Spec);
        _yamlText = SourceText.From(_yaml);
        _readableYaml = LibraryReadableText();
    }

    [GlobalSetup(Target = nameof(WebhookGenCold))]
    public void SetUpGenerator()
    {
        _project = new ReceiverProject(SpecCatalog.Load(Spec));
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
        // NSwag reads JSON only: the YAML is converted here, outside the timing.
        _json = YamlToJsonNode.Read(LibraryReadableText())!.ToJsonString();
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

    /// <summary>YAML (as YamlDotNet accepts it) → JsonNode (YamlDotNet events) → OpenApiDocument (OpenApiJsonReader): the library-only minimum.</summary>
    [Benchmark(Baseline = true)]
    public object OpenApiFloor() => OpenApiFloorReader.Read(_readableYaml);

    /// <summary>A fresh driver running the generator over the prepared compilation and spec, as a build does.</summary>
    [Benchmark]
    public GeneratorDriver WebhookGenCold() =>
        GeneratorDrivers.Create(_project!.Spec, trackSteps: false).RunGenerators(_project.Compilation);

    /// <summary>NSwag: parse the JSON text and generate the C# DTOs.</summary>
    [Benchmark]
    public string NSwagDtos() => NSwagDtoGenerator.Generate(_json);

    /// <summary>WebhookGen's text reader alone: YAML → JsonNode plus the position map behind its diagnostics.</summary>
    [Benchmark]
    public object ReadStageText() => SpecTextReader.Read(ReceiverProject.SpecPath, _yaml, CancellationToken.None);

    /// <summary>WebhookGen's whole read stage without Roslyn or emission: text → OpenApiDocument → SpecModel.</summary>
    [Benchmark]
    public object ReadStageModel() => SpecModelBuilder.Build(ReceiverProject.SpecPath, _yamlText, CancellationToken.None);

    private string LibraryReadableText()
    {
        string readable = LibraryReadableYaml.Prepare(SpecCatalog.Load(Spec), out int repairs);
        if (repairs > 0)
        {
            Console.WriteLine($"// {Spec}: {repairs} block scalar(s) repaired before the timing, as YamlDotNet rejects them");
        }

        return readable;
    }
}
