using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using WebhookGen.Idempotency;

namespace WebhookGen.Benchmarks.Receiver;

/// <summary>
/// The endpoints under test, built and then proven to do the real work before anything is measured: a signed delivery
/// gets 200 and reaches its handler exactly once, a tampered one gets neither. A benchmark of a 401 path is worthless.
/// </summary>
internal sealed class ReceiverFixture : IAsyncDisposable
{
    private readonly WebApplication[] _apps;
    private readonly ResettableIdempotencyStore _store;
    private int _callsAtReset;

    private ReceiverFixture()
    {
        var handWritten = ReceiverApps.HandWritten();
        var generated = ReceiverApps.Generated(deduplicate: false);
        var deduplicating = ReceiverApps.Generated(deduplicate: true);
        var octokit = ReceiverApps.Octokit();
        var floor = ReceiverApps.Floor();
        _apps = [handWritten, generated, deduplicating, octokit, floor];
        _store = (ResettableIdempotencyStore)deduplicating.Services.GetRequiredService<IWebhookIdempotencyStore>();

        GridX = Payloads.GridX(0);
        GitHub = Payloads.GitHubPing();
        HandWritten = new EndpointRunner(handWritten, Payloads.GridXRoute, GridX);
        Generated = new EndpointRunner(generated, Payloads.GridXRoute, GridX);
        Delivery[] distinct = [.. Enumerable.Range(0, ReceiverBenchmarkConfig.InvocationsPerIteration).Select(Payloads.GridX)];
        GeneratedDeduplicating = new EndpointRunner(deduplicating, Payloads.GridXRoute, distinct);
        HandWrittenDistinct = new EndpointRunner(handWritten, Payloads.GridXRoute, distinct);
        GeneratedDistinct = new EndpointRunner(generated, Payloads.GridXRoute, distinct);
        Octokit = new EndpointRunner(octokit, Payloads.GitHubRoute, GitHub);
        Floor = new EndpointRunner(floor, Payloads.GridXRoute, GridX);
    }

    public Delivery GridX { get; }

    public Delivery GitHub { get; }

    public EndpointRunner HandWritten { get; }

    /// <summary>The generated receiver with deduplication off, for the like-for-like comparison with the hand-written one.</summary>
    public EndpointRunner Generated { get; }

    /// <summary>The generated receiver with deduplication on (its default), sent a distinct pre-signed event each time.</summary>
    public EndpointRunner GeneratedDeduplicating { get; }

    /// <summary>
    /// The hand-written endpoint sent the same distinct events as <see cref="GeneratedDeduplicating"/>: 16,384 bodies do not
    /// stay in the CPU's caches as one body does, so deduplication's cost is measured against receivers fed the same.
    /// </summary>
    public EndpointRunner HandWrittenDistinct { get; }

    /// <summary>The generated receiver with deduplication off, sent the same distinct events.</summary>
    public EndpointRunner GeneratedDistinct { get; }

    public EndpointRunner Octokit { get; }

    /// <summary>The least a correct gridX endpoint does, in the same harness: the floor of the receivers' own cost.</summary>
    public EndpointRunner Floor { get; }

    public static async Task<ReceiverFixture> CreateAsync()
    {
        var fixture = new ReceiverFixture();
        await fixture.VerifyAsync();
        return fixture;
    }

    /// <summary>
    /// Empties the idempotency store, so the next iteration's deliveries are all first deliveries; its shards keep their
    /// room unless <paramref name="fromEmpty"/> (<see cref="ResettableIdempotencyStore.Reset"/>).
    /// </summary>
    public void ResetDeduplication(bool fromEmpty = false)
    {
        _store.Reset(fromEmpty);
        GeneratedDeduplicating.Rewind();
        _callsAtReset = GeneratedDeduplicating.Calls.Count;
    }

    /// <summary>Throws when an iteration ran out of distinct events and measured repeats answered without the handler.</summary>
    public void CheckDeduplicatedIteration()
    {
        var handled = GeneratedDeduplicating.Calls.Count - _callsAtReset;
        if (handled != GeneratedDeduplicating.Sent)
        {
            throw new InvalidOperationException($"The deduplicating receiver handled {handled} of {GeneratedDeduplicating.Sent} deliveries: some were repeats.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }
    }

    private async Task VerifyAsync()
    {
        await ExpectAsync("hand-written", HandWritten, GridX, "X-Signature");
        await ExpectAsync("generated", Generated, GridX, "X-Signature");
        await ExpectAsync("generated with dedup", GeneratedDeduplicating, Payloads.GridX(-1), "X-Signature");
        await ExpectAsync("Octokit", Octokit, GitHub, "X-Hub-Signature-256");
        await ExpectAsync("floor endpoint", Floor, GridX, "X-Signature");

        // The generated receiver deduplicates when on, and does not when off.
        await ExpectOutcomeAsync("generated with dedup, repeated", GeneratedDeduplicating, Payloads.GridX(-1), 200, 0);
        await ExpectOutcomeAsync("generated without dedup, repeated", Generated, GridX, 200, 1);
        ResetDeduplication();
    }

    private static async Task ExpectAsync(string name, EndpointRunner runner, Delivery delivery, string signatureHeader)
    {
        await ExpectOutcomeAsync(name, runner, delivery, 200, 1);
        var (status, calls) = await runner.SendOnceAsync(Payloads.Tampered(delivery, signatureHeader));
        if (status is 0 or 200 || calls != 0)
        {
            throw new InvalidOperationException($"{name}: a tampered signature got {status} and {calls} handler call(s).");
        }
    }

    private static async Task ExpectOutcomeAsync(string name, EndpointRunner runner, Delivery delivery, int expectedStatus, int expectedCalls)
    {
        var (status, calls) = await runner.SendOnceAsync(delivery);
        if (status != expectedStatus || calls != expectedCalls)
        {
            throw new InvalidOperationException($"{name}: expected {expectedStatus} and {expectedCalls} handler call(s), got {status} and {calls}.");
        }
    }
}
