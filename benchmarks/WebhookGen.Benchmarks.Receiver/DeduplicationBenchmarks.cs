using BenchmarkDotNet.Attributes;

namespace WebhookGen.Benchmarks.Receiver;

/// <summary>
/// What deduplication costs: the generated gridX endpoint with deduplication on (its default), every delivery a first
/// delivery of a distinct event, against the hand-written endpoint (the baseline, which has none) and the generated one
/// with deduplication off, all three sent the same 16,384 distinct pre-signed events in turn.
/// </summary>
public class DeduplicationBenchmarks : ReceiverBenchmarks
{
    [Benchmark(Baseline = true, Description = "Hand-written (distinct events)")]
    public Task HandWritten() => Fixture.HandWrittenDistinct.SendNextAsync();

    [Benchmark(Description = "Generated, dedup off (distinct events)")]
    public Task Generated() => Fixture.GeneratedDistinct.SendNextAsync();

    [Benchmark(Description = "Generated, dedup on (distinct events)")]
    public Task GeneratedDeduplicating() => Fixture.GeneratedDeduplicating.SendNextAsync();

    [IterationSetup(Target = nameof(GeneratedDeduplicating))]
    public void EmptyIdempotencyStore() => Fixture.ResetDeduplication();

    [IterationCleanup(Target = nameof(GeneratedDeduplicating))]
    public void CheckNoRepeats() => Fixture.CheckDeduplicatedIteration();
}
