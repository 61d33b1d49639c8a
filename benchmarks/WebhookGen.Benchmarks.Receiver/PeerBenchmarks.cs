using BenchmarkDotNet.Attributes;

namespace WebhookGen.Benchmarks.Receiver;

/// <summary>(c) Octokit.Webhooks.AspNetCore against the generated gridX endpoint (the baseline), each on a signed event of similar size.</summary>
public class PeerBenchmarks : ReceiverBenchmarks
{
    [Benchmark(Baseline = true, Description = "Generated, dedup off")]
    public Task Generated() => Fixture.Generated.SendNextAsync();

    [Benchmark(Description = "Octokit (GitHub ping)")]
    public Task Octokit() => Fixture.Octokit.SendNextAsync();
}
