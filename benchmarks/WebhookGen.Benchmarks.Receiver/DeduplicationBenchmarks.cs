using BenchmarkDotNet.Attributes;

namespace WebhookGen.Benchmarks.Receiver;

/// <summary>
/// What deduplication costs: the generated gridX endpoint with deduplication on (its default), every delivery a first
/// delivery of a distinct event, against the hand-written endpoint (the baseline, which has none) and the generated one
/// with deduplication off, all sent the same 16,384 distinct pre-signed events in turn. The in-memory store is emptied
/// before each iteration, keeping its room (a store's steady state) or from empty (the first ids after a start).
/// </summary>
public class DeduplicationBenchmarks : ReceiverBenchmarks
{
    [Benchmark(Baseline = true, Description = "Hand-written (distinct events)")]
    public Task HandWritten() => Fixture.HandWrittenDistinct.SendNextAsync();

    [Benchmark(Description = "Generated, dedup off (distinct events)")]
    public Task Generated() => Fixture.GeneratedDistinct.SendNextAsync();

    [Benchmark(Description = "Generated, dedup on (distinct events)")]
    public Task GeneratedDeduplicating() => Fixture.GeneratedDeduplicating.SendNextAsync();

    [Benchmark(Description = "Generated, dedup on, store from empty (distinct events)")]
    public Task GeneratedDeduplicatingFromEmpty() => Fixture.GeneratedDeduplicating.SendNextAsync();

    [IterationSetup(Target = nameof(GeneratedDeduplicating))]
    public void EmptyIdempotencyStore() => Fixture.ResetDeduplication();

    [IterationSetup(Target = nameof(GeneratedDeduplicatingFromEmpty))]
    public void NewIdempotencyStore() => Fixture.ResetDeduplication(fromEmpty: true);

    [IterationCleanup(Targets = [nameof(GeneratedDeduplicating), nameof(GeneratedDeduplicatingFromEmpty)])]
    public void CheckNoRepeats() => Fixture.CheckDeduplicatedIteration();
}
