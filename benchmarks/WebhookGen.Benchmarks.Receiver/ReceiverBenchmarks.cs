using BenchmarkDotNet.Attributes;

namespace WebhookGen.Benchmarks.Receiver;

/// <summary>
/// What every receiver benchmark class measures against: the <see cref="ReceiverFixture"/>, built and checked once per
/// class, disposed after it. (Allocations are reported for all of them by <see cref="ReceiverBenchmarkConfig"/>.)
/// </summary>
public abstract class ReceiverBenchmarks
{
    internal ReceiverFixture Fixture { get; private set; } = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        Fixture = await ReceiverFixture.CreateAsync();
        OnFixtureReady();
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await Fixture.DisposeAsync();

    /// <summary>Takes from the fixture what a benchmark needs at hand, outside the timing.</summary>
    protected virtual void OnFixtureReady()
    {
    }
}
