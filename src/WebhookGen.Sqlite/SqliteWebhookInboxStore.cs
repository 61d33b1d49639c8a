using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using WebhookGen.Inbox;

namespace WebhookGen.Sqlite;

/// <summary>
/// The durable inbox in one SQLite file: a delivery is committed with <c>synchronous=FULL</c> in WAL mode before
/// <see cref="EnqueueAsync"/> returns, so it survives a killed process or a power cut; leases are taken in one statement,
/// so that workers of several processes sharing the file never hold the same delivery at once. The writes a process makes
/// at the same time (deliveries, leases, their outcomes) share one transaction, and so one fsync.
/// </summary>
/// <remarks>
/// A pending row is ready when its <c>due_at</c> has passed: leasing sets it to the lease's end, which is how a dead
/// worker's delivery comes back. Settling a lease (complete, retry, dead-letter) matches its token, so a worker whose lease
/// lapsed and was taken by another changes nothing. Times come from the store's <see cref="TimeProvider"/>.
/// </remarks>
public sealed class SqliteWebhookInboxStore : IWebhookInboxStore, IDisposable
{
    private const string Insert =
        "INSERT INTO webhook_inbox (" + SqliteInboxRows.MessageColumns + ", due_at) " +
        "VALUES (@id, @receiver, @event, @payload, @event_id, @idempotency_id, @delivery_id, @received_at, @now);";

    // The subquery picks the rows before any is changed; the whole statement is one write, atomic across processes.
    private const string Lease =
        "UPDATE webhook_inbox SET attempts = attempts + 1, lease_owner = @consumer, lease_token = @token, lease_until = @until, due_at = @until " +
        "WHERE rowid IN (SELECT rowid FROM webhook_inbox WHERE state = 'pending' AND due_at <= @now ORDER BY due_at, rowid LIMIT @max) " +
        "RETURNING " + SqliteInboxRows.MessageColumns + ", attempts, last_error, rowid;";

    private const string Complete =
        "DELETE FROM webhook_inbox WHERE id = @id AND lease_token = @token AND state = 'pending';";

    private const string Retry =
        "UPDATE webhook_inbox SET due_at = @due, last_error = @reason, lease_owner = NULL, lease_token = NULL, lease_until = NULL " +
        "WHERE id = @id AND lease_token = @token AND state = 'pending';";

    private const string DeadLetter =
        "UPDATE webhook_inbox SET state = 'dead', dead_at = @now, last_error = @reason, lease_owner = NULL, lease_token = NULL, lease_until = NULL " +
        "WHERE id = @id AND lease_token = @token AND state = 'pending';";

    private const string Replay =
        "UPDATE webhook_inbox SET state = 'pending', attempts = 0, due_at = @now, dead_at = NULL WHERE id = @id AND state = 'dead';";

    private const string DeadLetters =
        "SELECT " + SqliteInboxRows.MessageColumns + ", attempts, last_error, dead_at FROM webhook_inbox " +
        "WHERE state = 'dead' AND (@receiver IS NULL OR receiver = @receiver) ORDER BY dead_at, rowid LIMIT @max;";

    private const string Stats =
        "SELECT (SELECT count(*) FROM webhook_inbox WHERE state = 'pending'), " +
        "(SELECT min(received_at) FROM webhook_inbox WHERE state = 'pending'), " +
        "(SELECT count(*) FROM webhook_inbox WHERE state = 'dead');";

    private const int Attempts = SqliteInboxRows.MessageColumnCount;
    private const int LastError = SqliteInboxRows.MessageColumnCount + 1;
    private const int Last = SqliteInboxRows.MessageColumnCount + 2;

    private readonly SqliteInboxDatabase _database;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the store; the file and its table are created on first use.</summary>
    /// <param name="options">Where the file is; a relative path is taken from the current folder.</param>
    /// <param name="timeProvider">The clock of due times and leases; <see cref="TimeProvider.System"/> by default.</param>
    public SqliteWebhookInboxStore(SqliteWebhookInboxStoreOptions options, TimeProvider? timeProvider = null)
        : this(SqliteInboxDatabase.Create(options, contentRoot: null), timeProvider ?? TimeProvider.System)
    {
    }

    internal SqliteWebhookInboxStore(SqliteInboxDatabase database, TimeProvider timeProvider)
    {
        _database = database;
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public async ValueTask EnqueueAsync(WebhookInboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var now = Now();
        await _database.WriteAsync(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = Insert;
                SqliteInboxRows.BindMessage(command, message);
                command.Parameters.AddWithValue("@now", now);
                return command.ExecuteNonQuery();
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<WebhookInboxLease>> LeaseAsync(string consumer, int maxCount, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseDuration, TimeSpan.Zero);
        var token = Guid.NewGuid().ToString("N");
        return await _database.WriteAsync<IReadOnlyList<WebhookInboxLease>>(
            connection =>
            {
                // Read in the writer's transaction, so that a lease is never already lapsed by its wait in the queue.
                var now = _timeProvider.GetUtcNow();
                using var command = connection.CreateCommand();
                command.CommandText = Lease;
                command.Parameters.AddWithValue("@consumer", consumer);
                command.Parameters.AddWithValue("@token", token);
                command.Parameters.AddWithValue("@until", SqliteInboxRows.Milliseconds(now + leaseDuration));
                command.Parameters.AddWithValue("@now", SqliteInboxRows.Milliseconds(now));
                command.Parameters.AddWithValue("@max", maxCount);
                var leased = new List<(long Order, WebhookInboxLease Lease)>();
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    var lease = new WebhookInboxLease(
                        SqliteInboxRows.ReadMessage(reader, 0),
                        reader.GetInt32(Attempts),
                        SqliteInboxRows.NullableString(reader, LastError),
                        token);
                    leased.Add((reader.GetInt64(Last), lease));
                }

                // RETURNING gives no order; hand the oldest out first.
                leased.Sort((a, b) => a.Order.CompareTo(b.Order));
                return leased.ConvertAll(l => l.Lease);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<bool> CompleteAsync(WebhookInboxLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return SettleAsync(Complete, lease, reason: null, due: null, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<bool> RetryAsync(WebhookInboxLease lease, DateTimeOffset notBefore, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(reason);
        return SettleAsync(Retry, lease, reason, notBefore, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<bool> DeadLetterAsync(WebhookInboxLease lease, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(reason);
        return SettleAsync(DeadLetter, lease, reason, due: null, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<WebhookDeadLetter>> GetDeadLettersAsync(string? receiverName, int maxCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        return await _database.ReadAsync<IReadOnlyList<WebhookDeadLetter>>(
            async (connection, ct) =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = DeadLetters;
                command.Parameters.AddWithValue("@receiver", (object?)receiverName ?? DBNull.Value);
                command.Parameters.AddWithValue("@max", maxCount);
                var dead = new List<WebhookDeadLetter>();
                using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    dead.Add(new WebhookDeadLetter(
                        SqliteInboxRows.ReadMessage(reader, 0),
                        reader.GetInt32(Attempts),
                        SqliteInboxRows.NullableString(reader, LastError) ?? string.Empty,
                        SqliteInboxRows.Time(reader.GetInt64(Last))));
                }

                return dead;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<bool> ReplayAsync(string messageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        var now = Now();
        var changed = await _database.WriteAsync(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = Replay;
                command.Parameters.AddWithValue("@id", messageId);
                command.Parameters.AddWithValue("@now", now);
                return command.ExecuteNonQuery();
            },
            cancellationToken).ConfigureAwait(false);
        return changed == 1;
    }

    /// <inheritdoc />
    public async ValueTask<WebhookInboxStats> GetStatsAsync(CancellationToken cancellationToken) =>
        await _database.ReadAsync(
            async (connection, ct) =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = Stats;
                using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                await reader.ReadAsync(ct).ConfigureAwait(false);
                return new WebhookInboxStats(
                    reader.GetInt64(0),
                    reader.IsDBNull(1) ? null : SqliteInboxRows.Time(reader.GetInt64(1)),
                    reader.GetInt64(2));
            },
            cancellationToken).ConfigureAwait(false);

    /// <summary>Commits the writes already queued, then closes the connections to the file.</summary>
    public void Dispose() => _database.Dispose();

    /// <summary>How many write transactions this store has committed; several writes share one when they arrive together.</summary>
    internal long Commits => _database.Commits;

    private long Now() => SqliteInboxRows.Milliseconds(_timeProvider.GetUtcNow());

    private async ValueTask<bool> SettleAsync(string sql, WebhookInboxLease lease, string? reason, DateTimeOffset? due, CancellationToken cancellationToken)
    {
        var now = Now();
        var changed = await _database.WriteAsync(
            connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                command.Parameters.AddWithValue("@id", lease.Message.Id);
                command.Parameters.AddWithValue("@token", lease.Token);
                command.Parameters.AddWithValue("@now", now);
                command.Parameters.AddWithValue("@reason", (object?)reason ?? DBNull.Value);
                command.Parameters.AddWithValue("@due", due is { } time ? SqliteInboxRows.Milliseconds(time) : DBNull.Value);
                return command.ExecuteNonQuery();
            },
            cancellationToken).ConfigureAwait(false);
        return changed == 1;
    }
}
