using BenchmarkDotNet.Attributes;

namespace WebhookGen.Benchmarks.Receiver;

/// <summary>
/// What deduplication costs: the generated gridX endpoint with deduplication on (its default), every delivery a first
/// delivery of a distinct event, against the hand-written endpoint (the baseline, which has none) and the generated one
/// with deduplication off, all three sent the same 16,384 distinct pre-signed events in turn.
/// </summary>
[MemoryDiagnoser]
public class DeduplicationBenchmarks
{
    private ReceiverFixture _fixture = null!;

    [GlobalSetup]
    public async Task SetupAsync() => _fixture = await ReceiverFixture.CreateAsync();

    [GlobalCleanup]
    public async Task CleanupAsync() => await _fixture.DisposeAsync();

    [Benchmark(Baseline = true, Description = "Hand-written (distinct events)")]
    public Task HandWritten() => _fixture.HandWrittenDistinct.SendNextAsync();

    [Benchmark(Description = "Generated, dedup off (distinct events)")]
    public Task Generated() => _fixture.GeneratedDistinct.SendNextAsync();

    [Benchmark(Description = "Generated, dedup on (distinct events)")]
    public Task GeneratedDeduplicating() => _fixture.GeneratedDeduplicating.SendNextAsync();

    [IterationSetup(Target = nameof(GeneratedDeduplicating))]
    public void EmptyIdempotencyStore() => _fixture.ResetDeduplication();

    [IterationCleanup(Target = nameof(GeneratedDeduplicating))]
    public void CheckNoRepeats() => _fixture.CheckDeduplicatedIteration();
}
