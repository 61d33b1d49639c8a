using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Shouldly;
using WebhookGen.Inbox;
using Xunit;

namespace WebhookGen.IntegrationTests.Inbox;

/// <summary>
/// What every <see cref="IWebhookInboxStore"/> does, run against each store by a class deriving from this one. Only the
/// interface is used and the stores run on the real clock (a store's leases may lapse by its server's clock), so waits for
/// a lease or a retry to come due poll with generous deadlines rather than sleep for an exact time.
/// </summary>
public abstract class InboxStoreContractTests : IAsyncLifetime
{
    protected static readonly TimeSpan LongLease = TimeSpan.FromMinutes(5);

    /// <summary>How long a wait for something due may take before the test fails; far beyond what it needs.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly List<IWebhookInboxStore> _stores = [];

    /// <summary>A store of its own, empty and seen by no other test; disposed after the test if it is disposable.</summary>
    protected abstract IWebhookInboxStore CreateStore();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            switch (store)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    /// <summary>A message as a receiver stores it; its time to the millisecond, the precision stores keep.</summary>
    protected static WebhookInboxMessage NewMessage(string receiver = "GridXReceiver", DateTimeOffset? receivedAt = null, byte[]? payload = null, bool ids = true) => new(
        Id: Guid.NewGuid().ToString("N"),
        ReceiverName: receiver,
        EventName: "appliance.create",
        Payload: payload ?? """{"data":{"applianceID":"a-1"}}"""u8.ToArray(),
        EventId: ids ? "evt-" + Guid.NewGuid().ToString("N") : null,
        IdempotencyId: ids ? "idem-" + Guid.NewGuid().ToString("N") : null,
        DeliveryId: ids ? "delivery-" + Guid.NewGuid().ToString("N") : null,
        ReceivedAt: DateTimeOffset.FromUnixTimeMilliseconds((receivedAt ?? DateTimeOffset.UtcNow).ToUnixTimeMilliseconds()));

    protected static void ShouldBeTheSame(WebhookInboxMessage actual, WebhookInboxMessage expected)
    {
        actual.Id.ShouldBe(expected.Id);
        actual.ReceiverName.ShouldBe(expected.ReceiverName);
        actual.EventName.ShouldBe(expected.EventName);
        actual.Payload.ToArray().ShouldBe(expected.Payload.ToArray());
        actual.EventId.ShouldBe(expected.EventId);
        actual.IdempotencyId.ShouldBe(expected.IdempotencyId);
        actual.DeliveryId.ShouldBe(expected.DeliveryId);
        actual.ReceivedAt.ShouldBe(expected.ReceivedAt);
    }

    /// <summary>Leases one message for <paramref name="consumer"/>, polling until one is ready; fails after <see cref="Patience"/>.</summary>
    protected static async Task<WebhookInboxLease> LeaseEventuallyAsync(IWebhookInboxStore store, string consumer, TimeSpan leaseDuration)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (true)
        {
            var leased = await store.LeaseAsync(consumer, 1, leaseDuration, CancellationToken.None);
            if (leased.Count == 1)
            {
                return leased[0];
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new ShouldAssertException($"Nothing became leasable for {consumer} within {Patience.TotalSeconds} s.");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Has <paramref name="consumers"/> lease until nothing is left, each from its store; returns every lease taken.</summary>
    protected static async Task<WebhookInboxLease[]> LeaseAllConcurrentlyAsync(IReadOnlyList<(IWebhookInboxStore Store, string Consumer)> consumers, int batch)
    {
        var taken = new ConcurrentBag<WebhookInboxLease>();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = consumers.Select(c => Task.Run(async () =>
        {
            await start.Task;
            while (true)
            {
                var leased = await c.Store.LeaseAsync(c.Consumer, batch, LongLease, CancellationToken.None);
                if (leased.Count == 0)
                {
                    return;
                }

                foreach (var lease in leased)
                {
                    taken.Add(lease);
                }
            }
        })).ToArray();
        start.SetResult();
        await Task.WhenAll(running);
        return [.. taken];
    }

    private IWebhookInboxStore NewStore()
    {
        var store = CreateStore();
        _stores.Add(store);
        return store;
    }

    [Fact]
    public async Task An_empty_store_has_nothing_to_lease_and_counts_nothing()
    {
        var store = NewStore();

        (await store.LeaseAsync("worker-a", 10, LongLease, CancellationToken.None)).ShouldBeEmpty();
        (await store.GetStatsAsync(CancellationToken.None)).ShouldBe(new WebhookInboxStats(0, null, 0));
        (await store.GetDeadLettersAsync(null, 10, CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_enqueued_message_is_leased_on_its_first_attempt_with_every_field_and_byte_intact()
    {
        var store = NewStore();
        var payload = new byte[64 * 1024];
        new Random(42).NextBytes(payload);
        payload[0] = 0;
        payload[^1] = 0xFF;
        var withIds = NewMessage(payload: payload);
        // A payload that is a slice of a larger buffer is stored as the slice.
        var withoutIds = NewMessage(receiver: "OtherReceiver", ids: false, receivedAt: withIds.ReceivedAt.AddSeconds(1)) with
        {
            Payload = new ReadOnlyMemory<byte>("xx{\"a\":1}yy"u8.ToArray(), 2, 7),
        };
        await store.EnqueueAsync(withIds, CancellationToken.None);
        await store.EnqueueAsync(withoutIds, CancellationToken.None);

        var leased = await store.LeaseAsync("worker-a", 10, LongLease, CancellationToken.None);

        leased.Count.ShouldBe(2);
        var first = leased.Single(l => l.Message.Id == withIds.Id);
        ShouldBeTheSame(first.Message, withIds);
        first.Attempt.ShouldBe(1);
        first.LastError.ShouldBeNull();
        first.Token.ShouldNotBeNullOrEmpty();
        ShouldBeTheSame(leased.Single(l => l.Message.Id == withoutIds.Id).Message, withoutIds);
    }

    [Fact]
    public async Task A_lease_takes_no_more_than_asked()
    {
        var store = NewStore();
        for (var i = 0; i < 5; i++)
        {
            await store.EnqueueAsync(NewMessage(), CancellationToken.None);
        }

        (await store.LeaseAsync("worker-a", 2, LongLease, CancellationToken.None)).Count.ShouldBe(2);
        (await store.LeaseAsync("worker-b", 10, LongLease, CancellationToken.None)).Count.ShouldBe(3);
        (await store.LeaseAsync("worker-c", 10, LongLease, CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_leased_message_is_not_leased_again_while_its_lease_holds()
    {
        var store = NewStore();
        await store.EnqueueAsync(NewMessage(), CancellationToken.None);
        (await store.LeaseAsync("worker-a", 1, LongLease, CancellationToken.None)).ShouldHaveSingleItem();

        (await store.LeaseAsync("worker-b", 10, LongLease, CancellationToken.None)).ShouldBeEmpty();
        (await store.LeaseAsync("worker-a", 10, LongLease, CancellationToken.None)).ShouldBeEmpty();
        (await store.GetStatsAsync(CancellationToken.None)).Pending.ShouldBe(1, "a leased message is still pending");
    }

    [Fact]
    public async Task Eight_consumers_leasing_at_once_get_each_of_200_messages_exactly_once()
    {
        var store = NewStore();
        var ids = new HashSet<string>();
        for (var i = 0; i < 200; i++)
        {
            var message = NewMessage();
            ids.Add(message.Id);
            await store.EnqueueAsync(message, CancellationToken.None);
        }

        var taken = await LeaseAllConcurrentlyAsync([.. Enumerable.Range(0, 8).Select(i => (store, "worker-" + i))], batch: 3);

        taken.Length.ShouldBe(200);
        taken.Select(l => l.Message.Id).ShouldBeUnique();
        taken.Select(l => l.Message.Id).ToHashSet().SetEquals(ids).ShouldBeTrue();
        taken.ShouldAllBe(l => l.Attempt == 1);
    }

    [Fact]
    public async Task A_completed_message_leaves_the_store()
    {
        var store = NewStore();
        await store.EnqueueAsync(NewMessage(), CancellationToken.None);
        var lease = (await store.LeaseAsync("worker-a", 1, LongLease, CancellationToken.None)).ShouldHaveSingleItem();

        (await store.CompleteAsync(lease, CancellationToken.None)).ShouldBeTrue();

        (await store.GetStatsAsync(CancellationToken.None)).ShouldBe(new WebhookInboxStats(0, null, 0));
        (await store.LeaseAsync("worker-a", 10, LongLease, CancellationToken.None)).ShouldBeEmpty();
        (await store.CompleteAsync(lease, CancellationToken.None)).ShouldBeFalse("it is gone");
    }

    [Fact]
    public async Task A_retried_message_is_not_leased_before_its_time_and_then_comes_back_with_its_error()
    {
        var store = NewStore();
        var message = NewMessage();
        await store.EnqueueAsync(message, CancellationToken.None);
        var first = (await store.LeaseAsync("worker-a", 1, LongLease, CancellationToken.None)).ShouldHaveSingleItem();
        var notBefore = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(2);

        (await store.RetryAsync(first, notBefore, "answered 503", CancellationToken.None)).ShouldBeTrue();

        (await store.GetStatsAsync(CancellationToken.None)).Pending.ShouldBe(1);
        // Polled from now on: the first lease it gives, after every empty answer before, must not come early.
        var second = await LeaseEventuallyAsync(store, "worker-b", LongLease);
        DateTimeOffset.UtcNow.ShouldBeGreaterThanOrEqualTo(notBefore, "it is leased only once due");
        second.Message.Id.ShouldBe(message.Id);
        second.Attempt.ShouldBe(2);
        second.LastError.ShouldBe("answered 503");
        second.Token.ShouldNotBe(first.Token);
        ShouldBeTheSame(second.Message, message);
    }

    [Fact]
    public async Task A_retry_due_now_is_leased_at_once()
    {
        var store = NewStore();
        await store.EnqueueAsync(NewMessage(), CancellationToken.None);
        var first = (await store.LeaseAsync("worker-a", 1, LongLease, CancellationToken.None)).ShouldHaveSingleItem();

        (await store.RetryAsync(first, DateTimeOffset.UtcNow, "stopped", CancellationToken.None)).ShouldBeTrue();

        var second = await LeaseEventuallyAsync(store, "worker-a", LongLease);
        second.Attempt.ShouldBe(2);
        second.LastError.ShouldBe("stopped");
    }

    [Fact]
    public async Task A_lapsed_lease_goes_to_another_consumer_and_its_first_holder_can_no_longer_settle_it()
    {
        var store = NewStore();
        var message = NewMessage();
        await store.EnqueueAsync(message, CancellationToken.None);
        var lapsed = (await store.LeaseAsync("worker-a", 1, TimeSpan.FromMilliseconds(300), CancellationToken.None)).ShouldHaveSingleItem();

        var taken = await LeaseEventuallyAsync(store, "worker-b", LongLease);

        taken.Message.Id.ShouldBe(message.Id);
        taken.Attempt.ShouldBe(2, "the lapsed lease counted as an attempt");
        taken.Token.ShouldNotBe(lapsed.Token);
        (await store.CompleteAsync(lapsed, CancellationToken.None)).ShouldBeFalse();
        (await store.RetryAsync(lapsed, DateTimeOffset.UtcNow, "answered 500", CancellationToken.None)).ShouldBeFalse();
        (await store.DeadLetterAsync(lapsed, "answered 400", CancellationToken.None)).ShouldBeFalse();
        (await store.GetStatsAsync(CancellationToken.None)).ShouldBe(new WebhookInboxStats(1, message.ReceivedAt, 0));
        (await store.GetDeadLettersAsync(null, 10, CancellationToken.None)).ShouldBeEmpty();
        (await store.LeaseAsync("worker-c", 10, LongLease, CancellationToken.None)).ShouldBeEmpty("the second lease still holds");
        (await store.CompleteAsync(taken, CancellationToken.None)).ShouldBeTrue("the new holder's lease is untouched");
        (await store.GetStatsAsync(CancellationToken.None)).Pending.ShouldBe(0);
    }

    [Fact]
    public async Task A_dead_letter_is_listed_counted_and_not_leased_until_replayed_with_its_attempts_reset()
    {
        var store = NewStore();
        var alpha = NewMessage(receiver: "AlphaReceiver");
        var beta = NewMessage(receiver: "BetaReceiver");
        await store.EnqueueAsync(alpha, CancellationToken.None);
        await store.EnqueueAsync(beta, CancellationToken.None);
        var leases = await store.LeaseAsync("worker-a", 2, LongLease, CancellationToken.None);
        (await store.RetryAsync(leases.Single(l => l.Message.Id == alpha.Id), DateTimeOffset.UtcNow, "answered 500", CancellationToken.None)).ShouldBeTrue();
        var alphaAgain = await LeaseEventuallyAsync(store, "worker-a", LongLease);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        (await store.DeadLetterAsync(alphaAgain, "threw System.TimeoutException", CancellationToken.None)).ShouldBeTrue();
        await Task.Delay(50); // the two are given up at distinct times, so "oldest first" has one answer
        (await store.DeadLetterAsync(leases.Single(l => l.Message.Id == beta.Id), "answered 422", CancellationToken.None)).ShouldBeTrue();

        var after = DateTimeOffset.UtcNow.AddSeconds(1);
        var all = await store.GetDeadLettersAsync(null, 10, CancellationToken.None);
        all.Select(d => d.Message.Id).ShouldBe([alpha.Id, beta.Id]);
        var dead = all[0];
        ShouldBeTheSame(dead.Message, alpha);
        dead.Attempts.ShouldBe(2);
        dead.Reason.ShouldBe("threw System.TimeoutException");
        dead.DeadAt.ShouldBeInRange(before, after);
        all[1].Attempts.ShouldBe(1);
        all[1].Reason.ShouldBe("answered 422");
        (await store.GetDeadLettersAsync("BetaReceiver", 10, CancellationToken.None)).ShouldHaveSingleItem().Message.Id.ShouldBe(beta.Id);
        (await store.GetDeadLettersAsync("NoSuchReceiver", 10, CancellationToken.None)).ShouldBeEmpty();
        (await store.GetDeadLettersAsync(null, 1, CancellationToken.None)).ShouldHaveSingleItem().Message.Id.ShouldBe(alpha.Id);
        (await store.GetStatsAsync(CancellationToken.None)).ShouldBe(new WebhookInboxStats(0, null, 2));
        (await store.LeaseAsync("worker-b", 10, LongLease, CancellationToken.None)).ShouldBeEmpty("dead letters are not leased");

        (await store.ReplayAsync(alpha.Id, CancellationToken.None)).ShouldBeTrue();

        var replayed = await LeaseEventuallyAsync(store, "worker-b", LongLease);
        replayed.Message.Id.ShouldBe(alpha.Id);
        replayed.Attempt.ShouldBe(1, "a replay starts its attempts again");
        ShouldBeTheSame(replayed.Message, alpha);
        (await store.GetStatsAsync(CancellationToken.None)).ShouldBe(new WebhookInboxStats(1, alpha.ReceivedAt, 1));
        (await store.GetDeadLettersAsync(null, 10, CancellationToken.None)).ShouldHaveSingleItem().Message.Id.ShouldBe(beta.Id);
        (await store.ReplayAsync(alpha.Id, CancellationToken.None)).ShouldBeFalse("it is no longer a dead letter");
    }

    [Fact]
    public async Task Replaying_an_unknown_id_is_false()
    {
        var store = NewStore();
        await store.EnqueueAsync(NewMessage(), CancellationToken.None);

        (await store.ReplayAsync(Guid.NewGuid().ToString("N"), CancellationToken.None)).ShouldBeFalse();

        (await store.GetStatsAsync(CancellationToken.None)).DeadLetters.ShouldBe(0);
    }

    [Fact]
    public async Task Stats_count_pending_messages_leased_or_not_and_give_the_oldest_pending_arrival()
    {
        var store = NewStore();
        var now = DateTimeOffset.UtcNow;
        var middle = NewMessage(receivedAt: now.AddMinutes(-5));
        var oldest = NewMessage(receivedAt: now.AddMinutes(-10));
        var newest = NewMessage(receivedAt: now);
        foreach (var message in new[] { middle, oldest, newest })
        {
            await store.EnqueueAsync(message, CancellationToken.None);
        }

        (await store.GetStatsAsync(CancellationToken.None)).ShouldBe(new WebhookInboxStats(3, oldest.ReceivedAt, 0));

        var leases = await store.LeaseAsync("worker-a", 3, LongLease, CancellationToken.None);
        (await store.GetStatsAsync(CancellationToken.None)).ShouldBe(new WebhookInboxStats(3, oldest.ReceivedAt, 0));
        (await store.CompleteAsync(leases.Single(l => l.Message.Id == oldest.Id), CancellationToken.None)).ShouldBeTrue();
        (await store.GetStatsAsync(CancellationToken.None)).ShouldBe(new WebhookInboxStats(2, middle.ReceivedAt, 0));
        (await store.DeadLetterAsync(leases.Single(l => l.Message.Id == middle.Id), "answered 400", CancellationToken.None)).ShouldBeTrue();
        (await store.GetStatsAsync(CancellationToken.None)).ShouldBe(new WebhookInboxStats(1, newest.ReceivedAt, 1), "a dead letter is not pending");
    }
}
