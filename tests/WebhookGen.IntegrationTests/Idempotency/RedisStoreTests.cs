using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Options;
using Shouldly;
using WebhookGen.Idempotency;
using WebhookGen.Redis;
using Xunit;

namespace WebhookGen.IntegrationTests.Idempotency;

/// <summary>The Redis store's claims on a real <c>redis-server</c>, call by call: who gets a key, and when it frees.</summary>
public sealed class RedisStoreTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(5);

    private RedisWebhookIdempotencyStore Store() =>
        new(Options.Create(new RedisWebhookIdempotencyStoreOptions { Configuration = redis.Configuration, KeyPrefix = "store-" + Guid.NewGuid().ToString("N") + ":" }));

    [Fact]
    public async Task Of_many_concurrent_reservations_of_one_key_exactly_one_succeeds()
    {
        using var store = Store();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => store.TryReserveAsync("r:k", Long, CancellationToken.None).AsTask()));

        outcomes.Count(o => o.Status == WebhookIdempotencyStatus.Reserved).ShouldBe(1);
        outcomes.Count(o => o.Status == WebhookIdempotencyStatus.InProgress).ShouldBe(63);
    }

    [Fact]
    public async Task A_completed_key_is_completed_and_a_released_one_is_free_again()
    {
        using var store = Store();
        var first = await store.TryReserveAsync("r:done", Long, CancellationToken.None);
        await store.CompleteAsync("r:done", first.Token!, Long, CancellationToken.None);
        var second = await store.TryReserveAsync("r:failed", Long, CancellationToken.None);
        await store.ReleaseAsync("r:failed", second.Token!, CancellationToken.None);

        (await store.TryReserveAsync("r:done", Long, CancellationToken.None)).Status.ShouldBe(WebhookIdempotencyStatus.Completed);
        (await store.TryReserveAsync("r:failed", Long, CancellationToken.None)).Status.ShouldBe(WebhookIdempotencyStatus.Reserved);
    }

    [Fact]
    public async Task A_reservation_whose_holder_crashed_lapses_after_its_timeout()
    {
        using var store = Store();
        var crashed = await store.TryReserveAsync("r:crash", TimeSpan.FromMilliseconds(300), CancellationToken.None);
        crashed.Status.ShouldBe(WebhookIdempotencyStatus.Reserved);
        (await store.TryReserveAsync("r:crash", Long, CancellationToken.None)).Status.ShouldBe(WebhookIdempotencyStatus.InProgress);

        await Task.Delay(600);
        var retry = await store.TryReserveAsync("r:crash", Long, CancellationToken.None);

        retry.Status.ShouldBe(WebhookIdempotencyStatus.Reserved);
        retry.Token.ShouldNotBe(crashed.Token);
    }

    [Fact]
    public async Task Only_the_holder_releases_or_completes_and_a_late_holder_never_overwrites_the_next_one()
    {
        using var store = Store();
        var late = await store.TryReserveAsync("r:late", TimeSpan.FromMilliseconds(200), CancellationToken.None);
        await Task.Delay(400);
        var current = await store.TryReserveAsync("r:late", Long, CancellationToken.None);
        current.Status.ShouldBe(WebhookIdempotencyStatus.Reserved);

        // The lapsed holder comes back: its release and its completion must not touch the current reservation.
        await store.ReleaseAsync("r:late", late.Token!, CancellationToken.None);
        await store.CompleteAsync("r:late", late.Token!, Long, CancellationToken.None);
        (await store.TryReserveAsync("r:late", Long, CancellationToken.None)).Status.ShouldBe(WebhookIdempotencyStatus.InProgress);

        await store.CompleteAsync("r:late", current.Token!, Long, CancellationToken.None);
        (await store.TryReserveAsync("r:late", Long, CancellationToken.None)).Status.ShouldBe(WebhookIdempotencyStatus.Completed);
    }

    [Fact]
    public async Task A_completion_is_kept_for_its_retention_then_forgotten()
    {
        using var store = Store();
        var held = await store.TryReserveAsync("r:kept", Long, CancellationToken.None);
        await store.CompleteAsync("r:kept", held.Token!, TimeSpan.FromMilliseconds(300), CancellationToken.None);

        (await store.TryReserveAsync("r:kept", Long, CancellationToken.None)).Status.ShouldBe(WebhookIdempotencyStatus.Completed);
        await Task.Delay(600);
        (await store.TryReserveAsync("r:kept", Long, CancellationToken.None)).Status.ShouldBe(WebhookIdempotencyStatus.Reserved);
    }

    [Fact]
    public void Without_a_connection_the_store_says_what_to_set()
    {
        var exception = Should.Throw<InvalidOperationException>(() => new RedisWebhookIdempotencyStore(Options.Create(new RedisWebhookIdempotencyStoreOptions())));

        exception.Message.ShouldContain("set Configuration");
    }
}
