using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace WebhookGen.Sqlite;

/// <summary>
/// Group commit: this process's writes are queued, and one loop on one long-lived connection runs what has queued up
/// (at most <see cref="MaxBatch"/>) in one <c>BEGIN IMMEDIATE</c> transaction, so that one fsync makes the whole batch
/// durable; each caller is answered once its batch has committed. Writes that arrive during a commit form the next batch.
/// </summary>
internal sealed class SqliteInboxWriter : IDisposable
{
    /// <summary>The most writes in one transaction, so that a commit, and the other processes waiting for it, stay short.</summary>
    public const int MaxBatch = 256;

    private const string Savepoint = "write";

    private readonly Func<SqliteConnection> _open;
    private readonly Channel<SqliteInboxWrite> _queue = Channel.CreateUnbounded<SqliteInboxWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;
    private SqliteConnection? _connection;
    private long _commits;
    private volatile bool _closing;

    /// <param name="open">Opens a connection set up for durable writes, on a file whose schema is ready.</param>
    public SqliteInboxWriter(Func<SqliteConnection> open)
    {
        _open = open;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>How many transactions have committed: fewer than the writes when they were grouped.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>
    /// Queues <paramref name="write"/>; the task ends once it is committed. <paramref name="cancellationToken"/> cancels it
    /// only while it waits in the queue.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, T> write, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var queued = new SqliteInboxWrite<T>(write, cancellationToken);
        if (!_queue.Writer.TryWrite(queued))
        {
            queued.Fail(new ObjectDisposedException(nameof(SqliteWebhookInboxStore)));
        }

        return queued.Task;
    }

    /// <summary>Takes no more writes, commits those already queued, and closes the connection.</summary>
    public void Dispose()
    {
        _closing = true;
        _queue.Writer.TryComplete();
        _loop.GetAwaiter().GetResult();
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<SqliteInboxWrite>(MaxBatch);
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (batch.Count < MaxBatch && reader.TryRead(out var write))
                {
                    if (write.TryStart())
                    {
                        batch.Add(write);
                    }
                }

                if (batch.Count == 0)
                {
                    continue;
                }

                var blocked = Commit(batch, retryAlone: true);
                batch.Clear();
                if (blocked is not null && _closing)
                {
                    // Closing must not wait out the busy timeout once per remaining batch.
                    while (reader.TryRead(out var write))
                    {
                        write.Fail(blocked);
                    }
                }
            }
        }
        finally
        {
            _connection?.Dispose();
            _connection = null;
        }
    }

    /// <summary>
    /// Runs <paramref name="batch"/> in one transaction. A write that throws is rolled back to its savepoint and fails
    /// alone. If the transaction itself fails, nothing of it was committed, and each write is run again in a transaction
    /// of its own (with <paramref name="retryAlone"/>), so that one bad write does not fail the others. Returns the
    /// failure when no transaction could be started (the file cannot be opened, or another process holds it too long).
    /// </summary>
    private Exception? Commit(List<SqliteInboxWrite> batch, bool retryAlone)
    {
        var executed = new List<SqliteInboxWrite>(batch.Count);
        var next = 0;
        SqliteTransaction? transaction = null;
        try
        {
            var connection = _connection ??= _open();
            transaction = connection.BeginTransaction(deferred: false);
            for (; next < batch.Count; next++)
            {
                var write = batch[next];
                transaction.Save(Savepoint);
                try
                {
                    write.Execute(connection);
                }
#pragma warning disable CA1031 // The write's own failure is its caller's; the batch goes on without it.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    transaction.Rollback(Savepoint);
                    transaction.Release(Savepoint);
                    write.Fail(exception);
                    continue;
                }

                transaction.Release(Savepoint);
                executed.Add(write);
            }

            transaction.Commit();
        }
#pragma warning disable CA1031 // Every write of the batch is answered, whatever failed.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            Drop(transaction);
            var unanswered = executed;
            unanswered.AddRange(batch.GetRange(next, batch.Count - next));
            if (transaction is null || !retryAlone || unanswered.Count == 1)
            {
                foreach (var write in unanswered)
                {
                    write.Fail(exception);
                }

                return transaction is null ? exception : null;
            }

            foreach (var write in unanswered)
            {
                Commit([write], retryAlone: false);
            }

            return null;
        }
        finally
        {
            transaction?.Dispose();
        }

        Interlocked.Increment(ref _commits);
        foreach (var write in executed)
        {
            write.Succeed();
        }

        return null;
    }

    /// <summary>Rolls back what is left of a failed transaction and closes the connection; the next batch opens a new one.</summary>
    private void Drop(SqliteTransaction? transaction)
    {
        try
        {
            transaction?.Rollback();
        }
#pragma warning disable CA1031 // SQLite may have rolled it back already; the connection is closed either way.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        _connection?.Dispose();
        _connection = null;
    }
}
