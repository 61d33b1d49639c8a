using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace WebhookGen.Sqlite;

/// <summary>
/// One write waiting for <see cref="SqliteInboxWriter"/>: run inside a batch's transaction, answered once that
/// transaction has committed. Cancelling it takes effect only while it is still queued, so a cancelled write never ran.
/// </summary>
internal abstract class SqliteInboxWrite
{
    private const int Queued = 0;
    private const int Started = 1;
    private const int Cancelled = 2;

    private int _state;

    /// <summary>Claims the write for a batch; false when it was cancelled while queued.</summary>
    public bool TryStart() => Interlocked.CompareExchange(ref _state, Started, Queued) == Queued;

    /// <summary>Runs the write's statements on <paramref name="connection"/>, inside the batch's open transaction.</summary>
    public abstract void Execute(SqliteConnection connection);

    /// <summary>Answers the caller once the transaction that ran <see cref="Execute"/> has committed.</summary>
    public abstract void Succeed();

    /// <summary>Answers the caller with the failure; nothing of the write was committed.</summary>
    public abstract void Fail(Exception exception);

    protected bool TryCancel() => Interlocked.CompareExchange(ref _state, Cancelled, Queued) == Queued;
}

/// <summary>A write whose caller awaits <typeparamref name="T"/>, the statements' result.</summary>
internal sealed class SqliteInboxWrite<T> : SqliteInboxWrite
{
    private readonly Func<SqliteConnection, T> _write;

    // Asynchronous continuations: a caller's code must not run on the writer's loop, between two batches.
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenRegistration _cancellation;
    private T? _result;

    public SqliteInboxWrite(Func<SqliteConnection, T> write, CancellationToken cancellationToken)
    {
        _write = write;
        if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.UnsafeRegister(
                static (state, token) =>
                {
                    var write = (SqliteInboxWrite<T>)state!;
                    if (write.TryCancel())
                    {
                        write._completion.TrySetCanceled(token);
                    }
                },
                this);
        }
    }

    public Task<T> Task => _completion.Task;

    public override void Execute(SqliteConnection connection) => _result = _write(connection);

    public override void Succeed()
    {
        _cancellation.Unregister();
        _completion.TrySetResult(_result!);
    }

    public override void Fail(Exception exception)
    {
        _cancellation.Unregister();
        _completion.TrySetException(exception);
    }
}
