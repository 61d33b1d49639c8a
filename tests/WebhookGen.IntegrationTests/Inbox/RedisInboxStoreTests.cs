using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;
using WebhookGen.IntegrationTests.Idempotency;
using WebhookGen.Inbox;
using WebhookGen.Redis;
using Xunit;

namespace WebhookGen.IntegrationTests.Inbox;

/// <summary>
/// The Redis Streams inbox on a real <c>redis-server</c>: the contract every store keeps, then what only a fleet sharing
/// one Redis has: consumers that crash, several connections leasing at once, a store reopened. Lease ends and due times
/// follow the store's clock, so the tests that let a lease lapse move a clock of their own instead of waiting.
/// </summary>
public sealed class RedisInboxStoreTests(RedisServer redis) : InboxStoreContractTests, IClassFixture<RedisServer>
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    protected override IWebhookInboxStore CreateStore() => Store(NewPrefix());

    [Fact]
    public async Task A_crashed_consumers_messages_are_claimed_by_another_once_the_lease_ends_with_their_attempt_counted()
    {
        var clock = new ManualClock();
        var prefix = NewPrefix();
        using var crashed = Store(prefix, clock);
        using var survivor = Store(prefix, clock);
        var messages = Enumerable.Range(0, 3).Select(_ => NewMessage()).ToArray();
        foreach (var message in messages)
        {
            await crashed.EnqueueAsync(message, CancellationToken.None);
        }

        var lost = await crashed.LeaseAsync("instance-a", 10, Lease, CancellationToken.None);
        lost.Count.ShouldBe(3);
        clock.Advance(Lease - TimeSpan.FromMilliseconds(1));
        (await survivor.LeaseAsync("instance-b", 10, Lease, CancellationToken.None)).ShouldBeEmpty("the leases still hold");

        clock.Advance(TimeSpan.FromMilliseconds(1));
        var claimed = await survivor.LeaseAsync("instance-b", 10, Lease, CancellationToken.None);

        claimed.Select(l => l.Message.Id).ShouldBe(messages.Select(m => m.Id), ignoreOrder: true);
        claimed.ShouldAllBe(l => l.Attempt == 2);
        foreach (var lease in claimed)
        {
            ShouldBeTheSame(lease.Message, messages.Single(m => m.Id == lease.Message.Id));
        }

        (await crashed.CompleteAsync(lost[0], CancellationToken.None)).ShouldBeFalse("instance-a's lease was claimed");
        (await survivor.CompleteAsync(claimed[0], CancellationToken.None)).ShouldBeTrue();

        // The survivor dies too: the claim's own lease lapses like the first one, and counts again.
        clock.Advance(Lease);
        var third = await crashed.LeaseAsync("instance-a", 10, Lease, CancellationToken.None);
        third.Count.ShouldBe(2);
        third.ShouldAllBe(l => l.Attempt == 3);
        (await survivor.RetryAsync(claimed[1], clock.GetUtcNow(), "answered 500", CancellationToken.None)).ShouldBeFalse();
        (await crashed.GetStatsAsync(CancellationToken.None)).Pending.ShouldBe(2);
    }

    [Fact]
    public async Task A_lease_lapses_by_its_own_duration_not_by_the_duration_the_next_consumer_asks_for()
    {
        var clock = new ManualClock();
        using var store = Store(NewPrefix(), clock);
        await store.EnqueueAsync(NewMessage(), CancellationToken.None);
        var shortLease = (await store.LeaseAsync("worker-a", 1, TimeSpan.FromSeconds(10), CancellationToken.None)).ShouldHaveSingleItem();

        clock.Advance(TimeSpan.FromSeconds(10));
        var taken = (await store.LeaseAsync("worker-b", 1, TimeSpan.FromHours(1), CancellationToken.None)).ShouldHaveSingleItem();
        clock.Advance(TimeSpan.FromMinutes(59));

        taken.Message.Id.ShouldBe(shortLease.Message.Id);
        (await store.LeaseAsync("worker-a", 1, TimeSpan.FromSeconds(10), CancellationToken.None)).ShouldBeEmpty("worker-b holds it for an hour");
        (await store.CompleteAsync(taken, CancellationToken.None)).ShouldBeTrue();
    }

    [Fact]
    public async Task Two_instances_with_four_consumers_each_handle_each_of_500_messages_once_and_lose_none()
    {
        var prefix = NewPrefix();
        using var first = Store(prefix);
        using var second = Store(prefix);
        var ids = new HashSet<string>();
        // Every tenth message fails its first attempt, so that retries travel between the instances too.
        var failOnce = new HashSet<string>();
        for (var i = 0; i < 500; i++)
        {
            var message = NewMessage();
            ids.Add(message.Id);
            if (i % 10 == 0)
            {
                failOnce.Add(message.Id);
            }

            await (i % 2 == 0 ? first : second).EnqueueAsync(message, CancellationToken.None);
        }

        var leased = new ConcurrentBag<(string Id, int Attempt)>();
        var completed = new ConcurrentBag<string>();
        var lostSettles = new ConcurrentBag<string>();
        var deadline = DateTimeOffset.UtcNow + Patience;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var consumers = new[] { first, second }
            .SelectMany((store, s) => Enumerable.Range(0, 4).Select(c => (Store: store, Name: $"instance-{s}:worker-{c}")))
            .Select(consumer => Task.Run(async () =>
            {
                await start.Task;
                while (completed.Count < ids.Count && DateTimeOffset.UtcNow < deadline)
                {
                    var leases = await consumer.Store.LeaseAsync(consumer.Name, 7, LongLease, CancellationToken.None);
                    if (leases.Count == 0)
                    {
                        await Task.Delay(10);
                        continue;
                    }

                    foreach (var lease in leases)
                    {
                        leased.Add((lease.Message.Id, lease.Attempt));
                        await Task.Yield();
                        var retry = lease.Attempt == 1 && failOnce.Contains(lease.Message.Id);
                        var settled = retry
                            ? await consumer.Store.RetryAsync(lease, DateTimeOffset.UtcNow.AddSeconds(-1), "answered 503", CancellationToken.None)
                            : await consumer.Store.CompleteAsync(lease, CancellationToken.None);
                        if (!settled)
                        {
                            lostSettles.Add(lease.Message.Id);
                        }
                        else if (!retry)
                        {
                            completed.Add(lease.Message.Id);
                        }
                    }
                }
            }))
            .ToArray();
        start.SetResult();
        await Task.WhenAll(consumers);

        lostSettles.ShouldBeEmpty("no lease was taken from its holder");
        leased.ShouldBeUnique("no attempt of a message is leased twice");
        leased.Count.ShouldBe(ids.Count + failOnce.Count);
        completed.ShouldBeUnique();
        completed.ToHashSet().SetEquals(ids).ShouldBeTrue("every message was handled");
        leased.Where(l => l.Attempt == 2).Select(l => l.Id).ToHashSet().SetEquals(failOnce).ShouldBeTrue();
        (await first.GetStatsAsync(CancellationToken.None)).ShouldBe(new WebhookInboxStats(0, null, 0));
    }

    [Fact]
    public async Task A_retried_message_keeps_its_attempts_and_last_error_through_lapses_and_other_instances()
    {
        var clock = new ManualClock();
        var prefix = NewPrefix();
        using var a = Store(prefix, clock);
        using var b = Store(prefix, clock);
        var message = NewMessage();
        await a.EnqueueAsync(message, CancellationToken.None);
        var first = (await a.LeaseAsync("worker-a", 1, Lease, CancellationToken.None)).ShouldHaveSingleItem();
        (await a.RetryAsync(first, clock.GetUtcNow().AddSeconds(30), "answered 503", CancellationToken.None)).ShouldBeTrue();

        clock.Advance(TimeSpan.FromSeconds(29.999));
        (await b.LeaseAsync("worker-b", 1, Lease, CancellationToken.None)).ShouldBeEmpty("not due yet");
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var second = (await b.LeaseAsync("worker-b", 1, Lease, CancellationToken.None)).ShouldHaveSingleItem();
        second.Attempt.ShouldBe(2);
        second.LastError.ShouldBe("answered 503");

        // worker-b dies with it: the claim counts an attempt and keeps the last error that was recorded.
        clock.Advance(Lease);
        var third = (await a.LeaseAsync("worker-a", 1, Lease, CancellationToken.None)).ShouldHaveSingleItem();
        third.Attempt.ShouldBe(3);
        third.LastError.ShouldBe("answered 503");
        (await a.RetryAsync(third, clock.GetUtcNow(), "threw System.TimeoutException", CancellationToken.None)).ShouldBeTrue();

        var fourth = (await b.LeaseAsync("worker-b", 1, Lease, CancellationToken.None)).ShouldHaveSingleItem();
        fourth.Attempt.ShouldBe(4);
        fourth.LastError.ShouldBe("threw System.TimeoutException");
        ShouldBeTheSame(fourth.Message, message);
        (await b.DeadLetterAsync(fourth, "answered 500", CancellationToken.None)).ShouldBeTrue();

        var dead = (await a.GetDeadLettersAsync(null, 10, CancellationToken.None)).ShouldHaveSingleItem();
        dead.Attempts.ShouldBe(4);
        dead.Reason.ShouldBe("answered 500");
        dead.DeadAt.ShouldBe(clock.GetUtcNow());
    }

    [Fact]
    public async Task Messages_leases_retries_and_dead_letters_survive_the_store_being_disposed_and_created_again()
    {
        var clock = new ManualClock();
        var prefix = NewPrefix();
        var messages = Enumerable.Range(0, 4).Select(i => NewMessage(receivedAt: clock.GetUtcNow().AddMinutes(i - 10))).ToArray();
        IReadOnlyList<WebhookInboxLease> leases;
        using (var before = Store(prefix, clock))
        {
            foreach (var message in messages)
            {
                await before.EnqueueAsync(message, CancellationToken.None);
            }

            leases = await before.LeaseAsync("instance-a", 3, Lease, CancellationToken.None);
            leases.Select(l => l.Message.Id).ShouldBe(messages.Take(3).Select(m => m.Id));
            (await before.RetryAsync(leases[1], clock.GetUtcNow().AddSeconds(10), "answered 503", CancellationToken.None)).ShouldBeTrue();
            (await before.DeadLetterAsync(leases[2], "answered 422", CancellationToken.None)).ShouldBeTrue();
        }

        using var after = Store(prefix, clock);

        (await after.GetStatsAsync(CancellationToken.None)).ShouldBe(new WebhookInboxStats(3, messages[0].ReceivedAt, 1));
        (await after.GetDeadLettersAsync(null, 10, CancellationToken.None)).ShouldHaveSingleItem().Message.Id.ShouldBe(messages[2].Id);
        var waiting = (await after.LeaseAsync("instance-b", 10, Lease, CancellationToken.None)).ShouldHaveSingleItem();
        ShouldBeTheSame(waiting.Message, messages[3]);
        (await after.CompleteAsync(waiting, CancellationToken.None)).ShouldBeTrue();
        clock.Advance(Lease);
        var again = await after.LeaseAsync("instance-b", 10, Lease, CancellationToken.None);
        again.Select(l => (l.Message.Id, l.Attempt, l.LastError)).ShouldBe(new (string, int, string?)[] { (messages[0].Id, 2, null), (messages[1].Id, 2, "answered 503") }, ignoreOrder: true);
        (await after.CompleteAsync(leases[0], CancellationToken.None)).ShouldBeFalse("the lapsed lease from before was claimed");
        (await after.ReplayAsync(messages[2].Id, CancellationToken.None)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_token_the_store_did_not_make_holds_nothing()
    {
        using var store = Store(NewPrefix());
        await store.EnqueueAsync(NewMessage(), CancellationToken.None);
        var lease = (await store.LeaseAsync("worker-a", 1, LongLease, CancellationToken.None)).ShouldHaveSingleItem();

        foreach (var token in new[] { string.Empty, "nonsense", "0-1 1 worker-a", "not-an-id 1 worker-a", lease.Token + "x" })
        {
            (await store.CompleteAsync(lease with { Token = token }, CancellationToken.None)).ShouldBeFalse(token);
        }

        (await store.CompleteAsync(lease, CancellationToken.None)).ShouldBeTrue();
    }

    [Fact]
    public async Task AddWebhookRedisInbox_replaces_the_inbox_store_and_uses_the_apps_clock()
    {
        var clock = new ManualClock();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<IWebhookInboxStore>(_ => throw new InvalidOperationException("replaced"));
        var prefix = NewPrefix();

        services.AddWebhookRedisInbox(o =>
        {
            o.Configuration = redis.Configuration;
            o.KeyPrefix = prefix;
        });

        services.Count(d => d.ServiceType == typeof(IWebhookInboxStore)).ShouldBe(1);
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IWebhookInboxStore>().ShouldBeOfType<RedisWebhookInboxStore>();
        await store.EnqueueAsync(NewMessage(), CancellationToken.None);
        (await store.LeaseAsync("worker-a", 1, Lease, CancellationToken.None)).ShouldHaveSingleItem();
        clock.Advance(Lease);
        (await store.LeaseAsync("worker-b", 1, Lease, CancellationToken.None)).ShouldHaveSingleItem().Attempt.ShouldBe(2);
    }

    [Fact]
    public void Without_a_connection_the_store_says_what_to_set()
    {
        var exception = Should.Throw<InvalidOperationException>(() => new RedisWebhookInboxStore(Options.Create(new RedisWebhookInboxStoreOptions())));

        exception.Message.ShouldContain("set Configuration");
    }

    private static string NewPrefix() => "inbox-" + Guid.NewGuid().ToString("N") + ":";

    private RedisWebhookInboxStore Store(string prefix, TimeProvider? clock = null) =>
        new(Options.Create(new RedisWebhookInboxStoreOptions { Configuration = redis.Configuration, KeyPrefix = prefix }), clock);

    /// <summary>A clock that moves only when told, shared by the stores of a test as the instances of a fleet share time.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long _ticks = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;

        public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }
}
