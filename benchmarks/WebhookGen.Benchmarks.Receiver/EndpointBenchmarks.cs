using BenchmarkDotNet.Attributes;

namespace WebhookGen.Benchmarks.Receiver;

/// <summary>
/// (a) The generated gridX endpoint against the hand-written one (the baseline), both receiving the same signed
/// <c>appliance/create</c>; the generated one with deduplication off, as the hand-written one has none. Beside them, (c)
/// Octokit receiving a signed GitHub <c>ping</c> of similar size. Deduplication has its own table (<see cref="DeduplicationBenchmarks"/>).
/// </summary>
[MemoryDiagnoser]
public class EndpointBenchmarks
{
    private ReceiverFixture _fixture = null!;

    [GlobalSetup]
    public async Task SetupAsync() => _fixture = await ReceiverFixture.CreateAsync();

    [GlobalCleanup]
    public async Task CleanupAsync() => await _fixture.DisposeAsync();

    [Benchmark(Baseline = true, Description = "Hand-written")]
    public Task HandWritten() => _fixture.HandWritten.SendNextAsync();

    [Benchmark(Description = "Generated, dedup off")]
    public Task Generated() => _fixture.Generated.SendNextAsync();

    [Benchmark(Description = "Octokit (GitHub ping)")]
    public Task Octokit() => _fixture.Octokit.SendNextAsync();
}
