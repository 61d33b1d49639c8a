using BenchmarkDotNet.Jobs;

namespace WebhookGen.Benchmarks.Generator.Configuration;

/// <summary>A spec that takes seconds (openai, ~3 MB; GitHub, 4.8 MB): one invocation per iteration, few iterations.</summary>
public sealed class SlowSpecConfig : GeneratorBenchmarkConfig
{
    public SlowSpecConfig()
        : base(Job.Default
            .WithId("Slow")
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithWarmupCount(2)
            .WithIterationCount(8))
    {
    }
}
