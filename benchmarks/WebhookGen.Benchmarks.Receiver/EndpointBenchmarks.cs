using BenchmarkDotNet.Attributes;

namespace WebhookGen.Benchmarks.Receiver;

/// <summary>
/// (a) The generated gridX endpoint against the hand-written one (the baseline), both receiving the same signed
/// <c>appliance/create</c>; the generated one with deduplication off, as the hand-written one has none. Beside them, (c)
/// Octokit receiving a signed GitHub <c>ping</c> of similar size. Deduplication has its own table (<see cref="DeduplicationBenchmarks"/>).
/// </summary>
public class EndpointBenchmarks : ReceiverBenchmarks
{
    [Benchmark(Baseline = true, Description = "Hand-written")]
    public Task HandWritten() => Fixture.HandWritten.SendNextAsync();

    [Benchmark(Description = "Generated, dedup off")]
    public Task Generated() => Fixture.Generated.SendNextAsync();

    [Benchmark(Description = "Octokit (GitHub ping)")]
    public Task Octokit() => Fixture.Octokit.SendNextAsync();
}
