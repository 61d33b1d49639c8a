using BenchmarkDotNet.Attributes;
using WebhookGen.Benchmarks.Generator.Configuration;
using WebhookGen.Benchmarks.Generator.Specs;

namespace WebhookGen.Benchmarks.Generator.Benchmarks;

/// <summary>The specs that generate in well under a second: gridX and the synthetic 10/100/1,000-event specs.</summary>
[Config(typeof(FastSpecConfig))]
public class ColdGenerationBenchmarks : SpecGenerationBenchmarks
{
    [Params(SpecCatalog.GridX, SpecCatalog.Synthetic10, SpecCatalog.Synthetic100, SpecCatalog.Synthetic1000)]
    public override string Spec { get; set; } = SpecCatalog.GridX;
}
