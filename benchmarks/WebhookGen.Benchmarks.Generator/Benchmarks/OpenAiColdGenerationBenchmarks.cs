using BenchmarkDotNet.Attributes;
using WebhookGen.Benchmarks.Generator.Configuration;
using WebhookGen.Benchmarks.Generator.Specs;

namespace WebhookGen.Benchmarks.Generator.Benchmarks;

/// <summary>The openai spec (~3 MB), which takes seconds: measured with fewer invocations.</summary>
[Config(typeof(SlowSpecConfig))]
public class OpenAiColdGenerationBenchmarks : SpecGenerationBenchmarks
{
    [Params(SpecCatalog.OpenAi)]
    public override string Spec { get; set; } = SpecCatalog.OpenAi;
}
