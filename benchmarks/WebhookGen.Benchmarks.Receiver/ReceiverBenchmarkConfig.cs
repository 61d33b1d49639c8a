using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace WebhookGen.Benchmarks.Receiver;

/// <summary>
/// A bounded job (the whole run takes about 2 minutes on 2 cores) with a fixed number of invocations per iteration:
/// the deduplicating benchmark pre-signs exactly that many distinct events and empties its store between iterations.
/// Command-line options such as <c>--inProcess</c> apply on top of it.
/// </summary>
internal static class ReceiverBenchmarkConfig
{
    public const int InvocationsPerIteration = 16384;

    public static IConfig Create() => DefaultConfig.Instance
        .AddJob(Job.Default
            .WithWarmupCount(4)
            .WithIterationCount(25)
            .WithInvocationCount(InvocationsPerIteration)
            .WithUnrollFactor(16)
            .AsDefault())
        .AddDiagnoser(MemoryDiagnoser.Default)

        // Robust to a noisy machine (the Ratio column is the ratio of means).
        .AddColumn(StatisticColumn.Median, StatisticColumn.Min);
}
