using BenchmarkDotNet.Attributes;

namespace WebhookGen.Benchmarks.Receiver;

/// <summary>(c) Octokit.Webhooks.AspNetCore against the generated gridX endpoint (the baseline), each on a signed event of similar size.</summary>
[MemoryDiagnoser]
public class PeerBenchmarks
{
    private ReceiverFixture _fixture = null!;

    [GlobalSetup]
    public async Task SetupAsync() => _fixture = await ReceiverFixture.CreateAsync();

    [GlobalCleanup]
    public async Task CleanupAsync() => await _fixture.DisposeAsync();

    [Benchmark(Baseline = true, Description = "Generated, dedup off")]
    public Task Generated() => _fixture.Generated.SendNextAsync();

    [Benchmark(Description = "Octokit (GitHub ping)")]
    public Task Octokit() => _fixture.Octokit.SendNextAsync();
}
