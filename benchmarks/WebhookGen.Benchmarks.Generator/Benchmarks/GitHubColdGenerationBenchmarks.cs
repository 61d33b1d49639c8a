using BenchmarkDotNet.Attributes;
using WebhookGen.Benchmarks.Generator.Configuration;
using WebhookGen.Benchmarks.Generator.Specs;

namespace WebhookGen.Benchmarks.Generator.Benchmarks;

/// <summary>
/// GitHub's published description (4.8 MB of JSON, 261 webhooks), every event chosen: the largest spec of the corpus,
/// which takes seconds. Read as JSON, by the generator and by the floor.
/// </summary>
[Config(typeof(SlowSpecConfig))]
public class GitHubColdGenerationBenchmarks : SpecGenerationBenchmarks
{
    [Params(SpecCatalog.GitHub)]
    public override string Spec { get; set; } = SpecCatalog.GitHub;
}
