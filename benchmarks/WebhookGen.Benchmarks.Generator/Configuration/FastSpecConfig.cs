using BenchmarkDotNet.Jobs;
using Perfolizer.Horology;

namespace WebhookGen.Benchmarks.Generator.Configuration;

/// <summary>
/// Specs that generate in well under a second: BenchmarkDotNet picks the invocations per iteration, and warms up until
/// the timings settle (at least 5 iterations), since in-process the first cases also wait for the JIT to tier up the
/// YAML and OpenAPI libraries.
/// </summary>
public sealed class FastSpecConfig : GeneratorBenchmarkConfig
{
    public FastSpecConfig()
        : base(Job.Default
            .WithId("Fast")
            .WithMinWarmupCount(5)
            .WithMaxWarmupCount(15)
            .WithIterationCount(15)
            .WithIterationTime(TimeInterval.FromMilliseconds(200)))
    {
    }
}
