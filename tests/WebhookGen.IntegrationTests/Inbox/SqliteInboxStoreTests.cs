using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Shouldly;
using WebhookGen.Inbox;
using WebhookGen.IntegrationTests.Schemes;
using WebhookGen.Sqlite;
using Xunit;

namespace WebhookGen.IntegrationTests.Inbox;

/// <summary>
/// The SQLite inbox on real files in a folder of the test's own: the store contract, and what a file adds — it outlives
/// the store, two stores on it (as two processes would be) share its messages without ever sharing a lease, and its
/// leases and retries follow the store's clock; the writes made at the same time share one commit.
/// </summary>
public sealed class SqliteInboxStoreTests : InboxStoreContractTests
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "webhookgen-sqlite-inbox-" + Guid.NewGuid().ToString("N"));

    public SqliteInboxStoreTests() => Directory.CreateDirectory(_directory);

    private string NewPath() => Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".db");

    protected override IWebhookInboxStore CreateStore() => new SqliteWebhookInboxStore(new SqliteWebhookInboxStoreOptions { Path = NewPath() });

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static SqliteWebhookInboxStore Open(string path, TimeProvider? timeProvider = null) =>
        new(new SqliteWebhookInboxStoreOptions { Path = path }, timeProvider);

    private static object? Pragma(string path, string pragma)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA " + pragma + ";";
        return command.ExecuteScalar();
    }

    [Fact]
    public async Task Messages_leases_and_dead_letters_outlive_the_store_and_are_found_by_the_next_one_on_the_file()
    {
        var path = NewPath();
        var leased = NewMessage();
        var dead = NewMessage();
        var waiting = NewMessage(payload: [0, 1, 2, 0xFE, 0xFF]);
        using (var first = Open(path))
        {
            await first.EnqueueAsync(leased, CancellationToken.None);
            await first.EnqueueAsync(dead, CancellationToken.None);
            await first.EnqueueAsync(waiting, CancellationToken.None);
            var leases = await first.LeaseAsync("worker-a", 2, LongLease, CancellationToken.None);
            (await first.DeadLetterAsync(leases.Single(l => l.Message.Id == dead.Id), "answered 422", CancellationToken.None)).ShouldBeTrue();
        }

        using var second = Open(path);

        (await second.GetStatsAsync(CancellationToken.None)).ShouldBe(new WebhookInboxStats(2, leased.ReceivedAt, 1));
        var lease = (await second.LeaseAsync("worker-b", 10, LongLease, CancellationToken.None)).ShouldHaveSingleItem("the first store's lease still holds");
        ShouldBeTheSame(lease.Message, waiting);
        lease.Attempt.ShouldBe(1);
        var deadLetter = (await second.GetDeadLettersAsync(null, 10, CancellationToken.None)).ShouldHaveSingleItem();
        ShouldBeTheSame(deadLetter.Message, dead);
        deadLetter.Reason.ShouldBe("answered 422");
    }

    [Fact]
    public async Task Two_stores_on_one_file_with_four_consumers_each_handle_each_of_500_messages_exactly_once()
    {
        var path = NewPath();
        using var one = Open(path);
        using var two = Open(path);
        SqliteWebhookInboxStore[] stores = [one, two];
        var messages = Enumerable.Range(0, 500).Select(_ => NewMessage()).ToArray();

        // Enqueued from both stores at once, so that their writes contend for the file as two processes' would.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            for (var i = writer; i < messages.Length; i += 8)
            {
                await stores[writer % 2].EnqueueAsync(messages[i], CancellationToken.None);
            }
        })));
        (await one.GetStatsAsync(CancellationToken.None)).Pending.ShouldBe(500);

        var handled = new ConcurrentBag<WebhookInboxLease>();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var consumers = Enumerable.Range(0, 8).Select(c => Task.Run(async () =>
        {
            await start.Task;
            var store = stores[c % 2];
            var consumer = "store-" + (c % 2) + "-worker-" + c;
            while (true)
            {
                var leases = await store.LeaseAsync(consumer, 4, LongLease, CancellationToken.None);
                if (leases.Count == 0)
                {
                    return;
                }

                foreach (var lease in leases)
                {
                    handled.Add(lease);
                    (await store.CompleteAsync(lease, CancellationToken.None)).ShouldBeTrue();
                }
            }
        })).ToArray();
        start.SetResult();
        await Task.WhenAll(consumers);

        handled.Count.ShouldBe(500);
        handled.Select(l => l.Message.Id).ShouldBeUnique();
        handled.Select(l => l.Message.Id).ToHashSet().SetEquals(messages.Select(m => m.Id)).ShouldBeTrue();
        handled.ShouldAllBe(l => l.Attempt == 1);
        (await two.GetStatsAsync(CancellationToken.None)).ShouldBe(new WebhookInboxStats(0, null, 0));
    }

    [Fact]
    public async Task Writes_made_at_once_share_commits_and_each_is_durable_and_visible_when_its_task_ends()
    {
        var path = NewPath();
        var messages = Enumerable.Range(0, 1000).Select(_ => NewMessage()).ToArray();
        using (var store = Open(path))
        {
            await store.EnqueueAsync(NewMessage(), CancellationToken.None); // the file and the writer's connection are open
            var leased = (await store.LeaseAsync("worker-a", 1, LongLease, CancellationToken.None)).ShouldHaveSingleItem();
            (await store.CompleteAsync(leased, CancellationToken.None)).ShouldBeTrue();
            var before = store.Commits;

            // From many threads, as requests arrive: every task ends only once its delivery is committed.
            await Task.WhenAll(Enumerable.Range(0, 16).Select(writer => Task.Run(async () =>
            {
                var writes = new System.Collections.Generic.List<Task>();
                for (var i = writer; i < messages.Length; i += 16)
                {
                    writes.Add(store.EnqueueAsync(messages[i], CancellationToken.None).AsTask());
                }

                await Task.WhenAll(writes);
            })));

            var commits = store.Commits - before;
            commits.ShouldBeInRange(
                (messages.Length + SqliteInboxWriter.MaxBatch - 1) / SqliteInboxWriter.MaxBatch,
                messages.Length / 10,
                "1000 writes queued at once are committed in a few batches of at most 256");
            (await store.GetStatsAsync(CancellationToken.None)).Pending.ShouldBe(messages.Length, "a reader sees every committed delivery");
        }

        using var next = Open(path);
        var taken = await LeaseAllConcurrentlyAsync([(next, "worker-b"), (next, "worker-c")], batch: 50);
        taken.Select(l => l.Message.Id).ToHashSet().SetEquals(messages.Select(m => m.Id)).ShouldBeTrue();
        taken.Length.ShouldBe(messages.Length);
    }

    [Fact]
    public async Task A_write_that_fails_in_a_shared_commit_fails_alone()
    {
        using var store = Open(NewPath());
        await store.EnqueueAsync(NewMessage(), CancellationToken.None);
        var messages = Enumerable.Range(0, 100).Select(_ => NewMessage()).ToArray();

        // The same id twice: whichever runs second breaks the primary key.
        var writes = messages.Append(messages[50]).Select(m => store.EnqueueAsync(m, CancellationToken.None).AsTask()).ToArray();
        await Should.ThrowAsync<SqliteException>(() => Task.WhenAll(writes));

        writes.Count(w => w.IsFaulted).ShouldBe(1);
        writes.Single(w => w.IsFaulted).Exception!.InnerException.ShouldBeOfType<SqliteException>().SqliteErrorCode.ShouldBe(19); // SQLITE_CONSTRAINT
        (await store.GetStatsAsync(CancellationToken.None)).Pending.ShouldBe(101);
        (await store.LeaseAsync("worker-a", 200, LongLease, CancellationToken.None)).Count.ShouldBe(101);
    }

    [Fact]
    public async Task When_a_shared_transaction_fails_its_other_writes_are_committed_one_by_one()
    {
        var path = NewPath();
        Pragma(path, "journal_mode = WAL");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString;
        SqliteConnection OpenConnection()
        {
            var connection = new SqliteConnection(connectionString);
            connection.Open();
            return connection;
        }

        static int Execute(SqliteConnection connection, string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return command.ExecuteNonQuery();
        }

        using (var setup = OpenConnection())
        {
            Execute(setup, "CREATE TABLE t (x INTEGER NOT NULL);");
        }

        Task<int> failing;
        Task<int>[] inserts;
        using (var writer = new SqliteInboxWriter(OpenConnection))
        {
            // A write that ends the batch's transaction under it, as an I/O error would: the writes before it are undone.
            inserts = Enumerable.Range(0, 20).Select(i => writer.WriteAsync(c => Execute(c, "INSERT INTO t VALUES (" + i + ");"), CancellationToken.None)).ToArray();
            failing = writer.WriteAsync(c => Execute(c, "ROLLBACK;"), CancellationToken.None);
            var after = Enumerable.Range(20, 20).Select(i => writer.WriteAsync(c => Execute(c, "INSERT INTO t VALUES (" + i + ");"), CancellationToken.None));
            inserts = [.. inserts, .. after];

            await Should.ThrowAsync<Exception>(() => failing); // run again alone, it breaks its own transaction too
            (await Task.WhenAll(inserts)).ShouldAllBe(changed => changed == 1);
        }

        using var check = OpenConnection();
        using var count = check.CreateCommand();
        count.CommandText = "SELECT count(*), count(DISTINCT x) FROM t;";
        using var reader = count.ExecuteReader();
        reader.Read().ShouldBeTrue();
        (reader.GetInt64(0), reader.GetInt64(1)).ShouldBe((40L, 40L), "every insert committed exactly once");
    }

    [Fact]
    public async Task Disposing_commits_the_writes_still_queued_then_refuses_new_ones()
    {
        var path = NewPath();
        var messages = Enumerable.Range(0, 600).Select(_ => NewMessage()).ToArray();
        var store = Open(path);
        await store.EnqueueAsync(NewMessage(), CancellationToken.None);

        var writes = messages.Select(m => store.EnqueueAsync(m, CancellationToken.None).AsTask()).ToArray();
        await Task.Run(store.Dispose).WaitAsync(TimeSpan.FromSeconds(30));

        writes.ShouldAllBe(w => w.IsCompletedSuccessfully, "a queued write is committed before the store closes");
        await Should.ThrowAsync<ObjectDisposedException>(async () => await store.EnqueueAsync(NewMessage(), CancellationToken.None));
        await Should.ThrowAsync<ObjectDisposedException>(async () => await store.GetStatsAsync(CancellationToken.None));
        using var next = Open(path);
        (await next.GetStatsAsync(CancellationToken.None)).Pending.ShouldBe(messages.Length + 1);
    }

    [Fact]
    public async Task A_write_waits_for_another_process_s_transaction_on_the_file_and_then_commits()
    {
        var path = NewPath();
        using var store = Open(path);
        await store.EnqueueAsync(NewMessage(), CancellationToken.None);
        using var other = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString);
        other.Open();
        using var transaction = other.BeginTransaction(deferred: false);

        var write = store.EnqueueAsync(NewMessage(), CancellationToken.None).AsTask();
        await Task.Delay(300);
        write.IsCompleted.ShouldBeFalse("the other connection holds the write lock");
        transaction.Commit();

        await write.WaitAsync(Patience);
        (await store.GetStatsAsync(CancellationToken.None)).Pending.ShouldBe(2);
    }

    [Fact]
    public async Task Leases_lapse_and_retries_come_due_by_the_store_clock()
    {
        var clock = new FakeClock(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));
        using var store = Open(NewPath(), clock);
        await store.EnqueueAsync(NewMessage(receivedAt: clock.Now), CancellationToken.None);
        var first = (await store.LeaseAsync("worker-a", 1, TimeSpan.FromMinutes(1), CancellationToken.None)).ShouldHaveSingleItem();

        clock.Now += TimeSpan.FromSeconds(59);
        (await store.LeaseAsync("worker-b", 1, TimeSpan.FromMinutes(1), CancellationToken.None)).ShouldBeEmpty("the lease holds for a minute");
        clock.Now += TimeSpan.FromSeconds(1);
        var second = (await store.LeaseAsync("worker-b", 1, TimeSpan.FromMinutes(1), CancellationToken.None)).ShouldHaveSingleItem("the lease ended");
        second.Attempt.ShouldBe(2);
        (await store.CompleteAsync(first, CancellationToken.None)).ShouldBeFalse();

        (await store.RetryAsync(second, clock.Now + TimeSpan.FromMinutes(10), "answered 503", CancellationToken.None)).ShouldBeTrue();
        clock.Now += TimeSpan.FromMinutes(10) - TimeSpan.FromMilliseconds(1);
        (await store.LeaseAsync("worker-c", 1, TimeSpan.FromMinutes(1), CancellationToken.None)).ShouldBeEmpty("the retry is not due");
        clock.Now += TimeSpan.FromMilliseconds(1);
        var third = (await store.LeaseAsync("worker-c", 1, TimeSpan.FromMinutes(1), CancellationToken.None)).ShouldHaveSingleItem("the retry is due");
        third.Attempt.ShouldBe(3);
        third.LastError.ShouldBe("answered 503");

        (await store.DeadLetterAsync(third, "answered 503", CancellationToken.None)).ShouldBeTrue();
        (await store.GetDeadLettersAsync(null, 1, CancellationToken.None)).ShouldHaveSingleItem().DeadAt.ShouldBe(clock.Now);
        clock.Now += TimeSpan.FromHours(1);
        (await store.ReplayAsync(third.Message.Id, CancellationToken.None)).ShouldBeTrue();
        (await store.LeaseAsync("worker-d", 1, TimeSpan.FromMinutes(1), CancellationToken.None)).ShouldHaveSingleItem("a replay is due at once").Attempt.ShouldBe(1);
    }

    [Fact]
    public async Task The_file_is_created_in_wal_mode_with_its_schema_version_also_from_a_connection_string()
    {
        var path = NewPath();
        using var store = new SqliteWebhookInboxStore(new SqliteWebhookInboxStoreOptions { ConnectionString = "Data Source=" + path, Path = "ignored.db" });

        await store.EnqueueAsync(NewMessage(), CancellationToken.None);

        File.Exists(path).ShouldBeTrue();
        Pragma(path, "journal_mode").ShouldBe("wal");
        Pragma(path, "user_version").ShouldBe(1L);
        (await store.GetStatsAsync(CancellationToken.None)).Pending.ShouldBe(1);
    }

    [Fact]
    public async Task A_file_of_a_later_schema_version_is_refused_and_left_as_it_is()
    {
        var path = NewPath();
        Pragma(path, "user_version = 99");
        using var store = Open(path);

        var exception = await Should.ThrowAsync<InvalidOperationException>(async () => await store.EnqueueAsync(NewMessage(), CancellationToken.None));

        exception.Message.ShouldContain("schema version 99");
        Pragma(path, "user_version").ShouldBe(99L);
        Pragma(path, "journal_mode").ShouldBe("delete");
    }

    [Fact]
    public async Task AddWebhookSqliteInbox_replaces_the_inbox_store_and_puts_a_relative_path_in_the_content_root()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IWebhookInboxStore>(new UnusedStore());
        services.AddSingleton<IHostEnvironment>(new ContentRoot(_directory));

        services.AddWebhookSqliteInbox(o => o.Path = Path.Combine("data", "inbox.db"));

        services.Count(d => d.ServiceType == typeof(IWebhookInboxStore)).ShouldBe(1);
        await using var provider = services.BuildServiceProvider();
        provider.GetService<TimeProvider>().ShouldBeSameAs(TimeProvider.System);
        var store = provider.GetRequiredService<IWebhookInboxStore>().ShouldBeOfType<SqliteWebhookInboxStore>();
        await store.EnqueueAsync(NewMessage(), CancellationToken.None);
        File.Exists(Path.Combine(_directory, "data", "inbox.db")).ShouldBeTrue("the folder is created");
        (await store.GetStatsAsync(CancellationToken.None)).Pending.ShouldBe(1);
    }

    [Fact]
    public void AddWebhookSqliteInbox_keeps_an_app_s_own_clock()
    {
        var clock = new FakeClock(DateTimeOffset.UnixEpoch);
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock);

        services.AddWebhookSqliteInbox();

        services.Single(d => d.ServiceType == typeof(TimeProvider)).ImplementationInstance.ShouldBeSameAs(clock);
    }

    private sealed class ContentRoot(string path) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;

        public string ApplicationName { get; set; } = "inbox-tests";

        public string ContentRootPath { get; set; } = path;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private sealed class UnusedStore : IWebhookInboxStore
    {
        public ValueTask EnqueueAsync(WebhookInboxMessage message, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<System.Collections.Generic.IReadOnlyList<WebhookInboxLease>> LeaseAsync(string consumer, int maxCount, TimeSpan leaseDuration, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<bool> CompleteAsync(WebhookInboxLease lease, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<bool> RetryAsync(WebhookInboxLease lease, DateTimeOffset notBefore, string reason, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<bool> DeadLetterAsync(WebhookInboxLease lease, string reason, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<System.Collections.Generic.IReadOnlyList<WebhookDeadLetter>> GetDeadLettersAsync(string? receiverName, int maxCount, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<bool> ReplayAsync(string messageId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask<WebhookInboxStats> GetStatsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
