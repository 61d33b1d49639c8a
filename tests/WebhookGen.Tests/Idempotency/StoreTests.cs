using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Shouldly;
using WebhookGen.Idempotency;
using Xunit;

namespace WebhookGen.Tests.Idempotency;

/// <summary>A clock the test moves by hand; timers still run on real time.</summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private DateTimeOffset _now = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

/// <summary>The contract every store keeps, run against each.</summary>
public abstract class IdempotencyStoreContract
{
    protected static readonly TimeSpan Reservation = TimeSpan.FromMinutes(5);
    protected static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    protected ManualTimeProvider Time { get; } = new();

    protected abstract IWebhookIdempotencyStore CreateStore();

    private static string NewKey() => "Receiver:" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_free_key_is_reserved_then_reported_in_progress()
    {
        var store = CreateStore();
        var key = NewKey();

        var first = await store.TryReserveAsync(key, Reservation, default);
        var second = await store.TryReserveAsync(key, Reservation, default);

        first.Status.ShouldBe(WebhookIdempotencyStatus.Reserved);
        first.Token.ShouldNotBeNullOrEmpty();
        second.ShouldBe(WebhookIdempotencyReservation.InProgress);
    }

    [Fact]
    public async Task A_completed_key_is_reported_completed_until_the_retention_ends()
    {
        var store = CreateStore();
        var key = NewKey();
        var reservation = await store.TryReserveAsync(key, Reservation, default);

        await store.CompleteAsync(key, reservation.Token!, Retention, default);

        (await store.TryReserveAsync(key, Reservation, default)).ShouldBe(WebhookIdempotencyReservation.Completed);
        Time.Advance(Retention - TimeSpan.FromSeconds(1));
        (await store.TryReserveAsync(key, Reservation, default)).ShouldBe(WebhookIdempotencyReservation.Completed);
        Time.Advance(TimeSpan.FromSeconds(2));
        (await store.TryReserveAsync(key, Reservation, default)).Status.ShouldBe(WebhookIdempotencyStatus.Reserved);
    }

    [Fact]
    public async Task A_released_key_can_be_reserved_again()
    {
        var store = CreateStore();
        var key = NewKey();
        var reservation = await store.TryReserveAsync(key, Reservation, default);

        await store.ReleaseAsync(key, reservation.Token!, default);

        var again = await store.TryReserveAsync(key, Reservation, default);
        again.Status.ShouldBe(WebhookIdempotencyStatus.Reserved);
        again.Token.ShouldNotBe(reservation.Token);
    }

    [Fact]
    public async Task A_reservation_that_is_never_ended_lapses_after_its_timeout()
    {
        var store = CreateStore();
        var key = NewKey();
        _ = await store.TryReserveAsync(key, Reservation, default);

        Time.Advance(Reservation - TimeSpan.FromSeconds(1));
        (await store.TryReserveAsync(key, Reservation, default)).ShouldBe(WebhookIdempotencyReservation.InProgress);
        Time.Advance(TimeSpan.FromSeconds(2));
        (await store.TryReserveAsync(key, Reservation, default)).Status.ShouldBe(WebhookIdempotencyStatus.Reserved);
    }

    [Fact]
    public async Task Releasing_with_a_stale_token_leaves_the_new_holder_alone()
    {
        var store = CreateStore();
        var key = NewKey();
        var lapsed = await store.TryReserveAsync(key, Reservation, default);
        Time.Advance(Reservation + TimeSpan.FromSeconds(1));
        var current = await store.TryReserveAsync(key, Reservation, default);
        current.Status.ShouldBe(WebhookIdempotencyStatus.Reserved);

        await store.ReleaseAsync(key, lapsed.Token!, default);

        (await store.TryReserveAsync(key, Reservation, default)).ShouldBe(WebhookIdempotencyReservation.InProgress);
    }

    [Fact]
    public async Task Releasing_does_not_undo_a_completion()
    {
        var store = CreateStore();
        var key = NewKey();
        var reservation = await store.TryReserveAsync(key, Reservation, default);
        await store.CompleteAsync(key, reservation.Token!, Retention, default);

        await store.ReleaseAsync(key, reservation.Token!, default);

        (await store.TryReserveAsync(key, Reservation, default)).ShouldBe(WebhookIdempotencyReservation.Completed);
    }

    [Fact]
    public async Task Keys_are_independent()
    {
        var store = CreateStore();

        (await store.TryReserveAsync("A:1", Reservation, default)).Status.ShouldBe(WebhookIdempotencyStatus.Reserved);
        (await store.TryReserveAsync("B:1", Reservation, default)).Status.ShouldBe(WebhookIdempotencyStatus.Reserved);
    }

    [Fact]
    public async Task Of_many_parallel_reservations_of_one_key_exactly_one_wins()
    {
        var store = CreateStore();
        for (var round = 0; round < 20; round++)
        {
            var key = NewKey();
            using var start = new ManualResetEventSlim();
            var tasks = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
            {
                start.Wait();
                return await store.TryReserveAsync(key, Reservation, default);
            })).ToArray();
            start.Set();

            var results = await Task.WhenAll(tasks);

            results.Count(r => r.Status == WebhookIdempotencyStatus.Reserved).ShouldBe(1);
            results.Count(r => r.Status == WebhookIdempotencyStatus.InProgress).ShouldBe(15);
        }
    }

    [Fact]
    public async Task Durations_must_be_positive()
    {
        var store = CreateStore();

        await Should.ThrowAsync<ArgumentOutOfRangeException>(async () => await store.TryReserveAsync("k", TimeSpan.Zero, default));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(async () => await store.CompleteAsync("k", "t", TimeSpan.FromSeconds(-1), default));
    }
}

public sealed class MemoryIdempotencyStoreTests : IdempotencyStoreContract
{
    protected override IWebhookIdempotencyStore CreateStore() => new MemoryWebhookIdempotencyStore(Time);
}

public sealed class DistributedCacheIdempotencyStoreTests : IdempotencyStoreContract
{
    private readonly MemoryDistributedCache _cache = new(Options.Create(new MemoryDistributedCacheOptions()));

    protected override IWebhookIdempotencyStore CreateStore() =>
        new DistributedCacheWebhookIdempotencyStore(_cache, Options.Create(new DistributedCacheWebhookIdempotencyStoreOptions { ConfirmationDelay = TimeSpan.FromMilliseconds(5) }), Time);

    [Fact]
    public async Task Keys_are_prefixed_in_the_cache()
    {
        var store = new DistributedCacheWebhookIdempotencyStore(_cache, Options.Create(new DistributedCacheWebhookIdempotencyStoreOptions { KeyPrefix = "app1:" }), Time);

        _ = await store.TryReserveAsync("GridXReceiver:42", TimeSpan.FromMinutes(1), default);

        (await _cache.GetAsync("app1:GridXReceiver:42")).ShouldNotBeNull();
    }

    [Fact]
    public async Task Entries_carry_the_cache_expiry_too()
    {
        var store = new DistributedCacheWebhookIdempotencyStore(_cache, Options.Create(new DistributedCacheWebhookIdempotencyStoreOptions { ConfirmationDelay = TimeSpan.Zero }));
        var reservation = await store.TryReserveAsync("R:expiring", TimeSpan.FromMilliseconds(50), default);
        reservation.Status.ShouldBe(WebhookIdempotencyStatus.Reserved);

        await Task.Delay(200);

        (await _cache.GetAsync("webhookgen:idempotency:R:expiring")).ShouldBeNull();
    }

    [Fact]
    public async Task Two_stores_over_one_cache_let_exactly_one_of_parallel_reservations_win()
    {
        // Two stores stand for two app instances: no shared in-process lock, only the cache.
        var options = Options.Create(new DistributedCacheWebhookIdempotencyStoreOptions { ConfirmationDelay = TimeSpan.FromMilliseconds(30) });
        var stores = new[] { new DistributedCacheWebhookIdempotencyStore(_cache, options, Time), new DistributedCacheWebhookIdempotencyStore(_cache, options, Time) };
        for (var round = 0; round < 10; round++)
        {
            var key = "R:" + Guid.NewGuid().ToString("N");
            using var start = new ManualResetEventSlim();
            var tasks = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
            {
                start.Wait();
                return await stores[i % 2].TryReserveAsync(key, TimeSpan.FromMinutes(1), default);
            })).ToArray();
            start.Set();

            var results = await Task.WhenAll(tasks);

            results.Count(r => r.Status == WebhookIdempotencyStatus.Reserved).ShouldBe(1);
        }
    }
}
