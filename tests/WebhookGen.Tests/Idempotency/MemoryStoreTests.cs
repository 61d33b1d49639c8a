using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Shouldly;
using WebhookGen.Idempotency;
using Xunit;

namespace WebhookGen.Tests.Idempotency;

/// <summary>What the in-memory store adds to the contract: atomic reservation under load, entries by hash, the sweep, its count.</summary>
public sealed class MemoryStoreTests
{
    private static readonly TimeSpan Reservation = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Retention = TimeSpan.FromHours(24);
    private readonly ManualTimeProvider _time = new();

    /// <summary>Runs <paramref name="count"/> reservations of <paramref name="key"/> at once, each on a thread of its own.</summary>
    private static WebhookIdempotencyReservation[] ReserveAtOnce(MemoryWebhookIdempotencyStore store, string key, int count)
    {
        var results = new WebhookIdempotencyReservation[count];
        using var barrier = new Barrier(count);
        var threads = Enumerable.Range(0, count).Select(i => new Thread(() =>
        {
            barrier.SignalAndWait();
            results[i] = store.TryReserveAsync(key, Reservation, default).AsTask().GetAwaiter().GetResult();
        })).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        return results;
    }

    [Fact]
    public void Of_64_concurrent_reservations_of_a_free_key_exactly_one_wins()
    {
        using var store = new MemoryWebhookIdempotencyStore(_time);
        for (var round = 0; round < 10; round++)
        {
            var results = ReserveAtOnce(store, "R:" + round, 64);

            results.Count(r => r.Status == WebhookIdempotencyStatus.Reserved).ShouldBe(1);
            results.Count(r => r == WebhookIdempotencyReservation.InProgress).ShouldBe(63);
        }
    }

    [Fact]
    public async Task Of_64_concurrent_reservations_of_a_lapsed_key_exactly_one_wins()
    {
        using var store = new MemoryWebhookIdempotencyStore(_time);
        for (var round = 0; round < 10; round++)
        {
            var key = "R:" + round;
            _ = await store.TryReserveAsync(key, Reservation, default);
            _time.Advance(Reservation);

            var results = ReserveAtOnce(store, key, 64);

            results.Count(r => r.Status == WebhookIdempotencyStatus.Reserved).ShouldBe(1);
            results.Count(r => r == WebhookIdempotencyReservation.InProgress).ShouldBe(63);
        }
    }

    [Fact]
    public async Task Every_reservation_gets_a_token_of_its_own()
    {
        using var store = new MemoryWebhookIdempotencyStore(_time);

        var tokens = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => store.TryReserveAsync("R:" + i, Reservation, default).AsTask()));

        tokens.Select(r => r.Token).Distinct().Count().ShouldBe(200);
    }

    [Fact]
    public async Task An_entry_lapses_exactly_at_its_expiry()
    {
        using var store = new MemoryWebhookIdempotencyStore(_time);
        var reservation = await store.TryReserveAsync("R:1", Reservation, default);
        await store.CompleteAsync("R:1", reservation.Token!, TimeSpan.FromMinutes(1), default);

        _time.Advance(TimeSpan.FromMinutes(1) - TimeSpan.FromTicks(1));
        (await store.TryReserveAsync("R:1", Reservation, default)).ShouldBe(WebhookIdempotencyReservation.Completed);
        _time.Advance(TimeSpan.FromTicks(1));
        (await store.TryReserveAsync("R:1", Reservation, default)).Status.ShouldBe(WebhookIdempotencyStatus.Reserved);
    }

    [Fact]
    public async Task A_completion_outlives_the_reservation_it_replaced()
    {
        using var store = new MemoryWebhookIdempotencyStore(_time);
        var reservation = await store.TryReserveAsync("R:1", Reservation, default);
        await store.CompleteAsync("R:1", reservation.Token!, Retention, default);

        _time.Advance(Reservation + TimeSpan.FromMinutes(1));

        (await store.TryReserveAsync("R:1", Reservation, default)).ShouldBe(WebhookIdempotencyReservation.Completed);
    }

    [Fact]
    public async Task Durations_too_long_to_add_to_the_clock_mean_forever()
    {
        using var store = new MemoryWebhookIdempotencyStore(_time);
        var reservation = await store.TryReserveAsync("R:1", TimeSpan.MaxValue, default);
        await store.CompleteAsync("R:1", reservation.Token!, TimeSpan.MaxValue, default);

        _time.Advance(TimeSpan.FromDays(3650));

        (await store.TryReserveAsync("R:1", Reservation, default)).ShouldBe(WebhookIdempotencyReservation.Completed);
    }

    [Fact]
    public async Task Count_holds_one_entry_per_key_expired_ones_included_until_swept()
    {
        using var store = new MemoryWebhookIdempotencyStore(_time);
        var first = await store.TryReserveAsync("R:1", Reservation, default);
        var second = await store.TryReserveAsync("R:2", Reservation, default);
        store.Count.ShouldBe(2);

        await store.CompleteAsync("R:1", first.Token!, TimeSpan.FromSeconds(1), default);
        store.Count.ShouldBe(2);

        await store.ReleaseAsync("R:2", "not the token", default);
        store.Count.ShouldBe(2);
        await store.ReleaseAsync("R:2", second.Token!, default);
        store.Count.ShouldBe(1);

        _time.Advance(TimeSpan.FromSeconds(2));
        store.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_sweep_removes_expired_entries_and_keeps_live_ones()
    {
        using var store = new MemoryWebhookIdempotencyStore(_time);
        for (var i = 0; i < 100; i++)
        {
            var reservation = await store.TryReserveAsync("short:" + i, Reservation, default);
            await store.CompleteAsync("short:" + i, reservation.Token!, TimeSpan.FromMinutes(1), default);
        }

        for (var i = 0; i < 10; i++)
        {
            var reservation = await store.TryReserveAsync("long:" + i, Reservation, default);
            await store.CompleteAsync("long:" + i, reservation.Token!, Retention, default);
        }

        _ = await store.TryReserveAsync("held", Reservation, default);
        _time.Advance(TimeSpan.FromMinutes(2));

        // A lapsed key reserved again is live: the sweep leaves it.
        (await store.TryReserveAsync("short:0", Reservation, default)).Status.ShouldBe(WebhookIdempotencyStatus.Reserved);

        // The reservation above may have swept already (a sweep is due once the interval has passed); either way 99 are gone.
        _ = store.Sweep(_time.GetUtcNow().UtcTicks);
        store.Count.ShouldBe(12);
        (await store.TryReserveAsync("long:3", Reservation, default)).ShouldBe(WebhookIdempotencyReservation.Completed);
        (await store.TryReserveAsync("short:0", Reservation, default)).ShouldBe(WebhookIdempotencyReservation.InProgress);
        (await store.TryReserveAsync("held", Reservation, default)).ShouldBe(WebhookIdempotencyReservation.InProgress);
    }

    [Fact]
    public async Task The_first_call_after_the_sweep_interval_starts_a_sweep_and_earlier_calls_do_not()
    {
        using var store = new MemoryWebhookIdempotencyStore(_time);
        for (var i = 0; i < 50; i++)
        {
            var reservation = await store.TryReserveAsync("R:" + i, Reservation, default);
            await store.CompleteAsync("R:" + i, reservation.Token!, TimeSpan.FromSeconds(10), default);
        }

        // Expired, but no sweep is due yet.
        _time.Advance(MemoryWebhookIdempotencyStore.SweepInterval / 2);
        _ = await store.TryReserveAsync("other", Retention, default);
        await Task.Delay(100);
        store.Count.ShouldBe(51);

        _time.Advance(MemoryWebhookIdempotencyStore.SweepInterval);
        _ = await store.TryReserveAsync("another", Retention, default);

        // The sweep runs on the thread pool, so that the call that started it does not wait for it.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (store.Count != 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        store.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Keys_are_told_apart_by_their_hashes_across_many_keys_and_near_misses()
    {
        using var store = new MemoryWebhookIdempotencyStore(_time);
        const int Keys = 100_000;
        for (var i = 0; i < Keys; i++)
        {
            (await store.TryReserveAsync("GridXReceiver:" + i.ToString("D8", CultureInfo.InvariantCulture), Reservation, default)).Status.ShouldBe(WebhookIdempotencyStatus.Reserved);
        }

        store.Count.ShouldBe(Keys);

        // Keys one character apart, or the same characters in another order, are other keys.
        (await store.TryReserveAsync("GridXReceiver:00000001 ", Reservation, default)).Status.ShouldBe(WebhookIdempotencyStatus.Reserved);
        (await store.TryReserveAsync("GridXReceiver:10000000", Reservation, default)).Status.ShouldBe(WebhookIdempotencyStatus.Reserved);
        (await store.TryReserveAsync("gridXReceiver:00000001", Reservation, default)).Status.ShouldBe(WebhookIdempotencyStatus.Reserved);
        (await store.TryReserveAsync("GridXReceiver:00000001", Reservation, default)).ShouldBe(WebhookIdempotencyReservation.InProgress);
    }

    [Fact]
    public async Task A_first_delivery_allocates_its_token_and_nothing_the_store_keeps()
    {
        using var store = new MemoryWebhookIdempotencyStore(_time);

        // Leaves free slots in every shard and warms the path up, so that neither growth nor the JIT is measured.
        var warm = new WebhookIdempotencyReservation[10_000];
        for (var i = 0; i < warm.Length; i++)
        {
            warm[i] = await store.TryReserveAsync("warm:" + i, Reservation, default);
        }

        for (var i = 0; i < warm.Length; i++)
        {
            await store.ReleaseAsync("warm:" + i, warm[i].Token!, default);
        }

        var key = new string('k', 300);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var reservation = await store.TryReserveAsync(key, Reservation, default);
        await store.CompleteAsync(key, reservation.Token!, Retention, default);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The token's string is all: no copy of the 300-character key, no node, no boxed entry.
        allocated.ShouldBeLessThanOrEqualTo(32);
    }

    [Fact]
    public async Task A_cleared_store_forgets_every_id_and_reserves_them_anew_without_growing()
    {
        using var store = new MemoryWebhookIdempotencyStore(_time);
        var keys = Enumerable.Range(0, 1000).Select(i => "C:" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        foreach (var key in keys)
        {
            var reservation = await store.TryReserveAsync(key, Reservation, default);
            await store.CompleteAsync(key, reservation.Token!, Retention, default);
        }

        store.Clear();
        store.Count.ShouldBe(0);

        var statuses = new WebhookIdempotencyStatus[keys.Length];
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < keys.Length; i++)
        {
            statuses[i] = (await store.TryReserveAsync(keys[i], Reservation, default)).Status;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        statuses.ShouldAllBe(status => status == WebhookIdempotencyStatus.Reserved);
        store.Count.ShouldBe(keys.Length);

        // The tokens' strings only: the shards kept their room (growing again would take about 90 bytes per id).
        allocated.ShouldBeLessThanOrEqualTo(keys.Length * 32);
    }

    [Fact]
    public async Task A_disposed_store_is_empty_and_refuses_calls()
    {
        var store = new MemoryWebhookIdempotencyStore(_time);
        _ = await store.TryReserveAsync("R:1", Reservation, default);

        store.Dispose();

        store.Count.ShouldBe(0);
        await Should.ThrowAsync<ObjectDisposedException>(async () => await store.TryReserveAsync("R:1", Reservation, default));
    }
}
