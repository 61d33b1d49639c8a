using System;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace WebhookGen.Sqlite;

/// <summary>
/// The inbox's file: pooled connections set up for durability and for waiting on other writers, the schema created on
/// first use, and this process's writes taken one at a time.
/// </summary>
internal sealed class SqliteInboxDatabase : IDisposable
{
    private readonly string _connectionString;
    private readonly string? _directory;
    private readonly string _setup;

    // SQLite lets one writer at a time; taking turns here first means this process's writers wait asynchronously, and
    // only other processes' writes are waited for in SQLite's busy handler, which blocks a thread.
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;
    private volatile bool _disposed;

    private SqliteInboxDatabase(string connectionString, string? directory, TimeSpan busyTimeout)
    {
        _connectionString = connectionString;
        _directory = directory;
        // synchronous is per connection, and FULL makes a commit durable when it returns. busy_timeout has SQLite itself
        // wait, in small steps, for another process's write; Microsoft.Data.Sqlite retries a busy statement up to its
        // Default Timeout on top of that.
        var milliseconds = (int)Math.Min(int.MaxValue, Math.Ceiling(busyTimeout.TotalMilliseconds));
        _setup = "PRAGMA busy_timeout = " + milliseconds.ToString(CultureInfo.InvariantCulture) + "; PRAGMA synchronous = FULL;";
    }

    /// <summary>
    /// The database <paramref name="options"/> name; a relative <see cref="SqliteWebhookInboxStoreOptions.Path"/> is taken
    /// from <paramref name="contentRoot"/>, or the current folder.
    /// </summary>
    public static SqliteInboxDatabase Create(SqliteWebhookInboxStoreOptions options, string? contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.BusyTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"The SQLite inbox's BusyTimeout must be positive, not {options.BusyTimeout}.", nameof(options));
        }

        SqliteConnectionStringBuilder builder;
        string? directory = null;
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            builder = new SqliteConnectionStringBuilder(options.ConnectionString);
        }
        else if (!string.IsNullOrWhiteSpace(options.Path))
        {
            var path = Path.GetFullPath(Path.Combine(contentRoot ?? Directory.GetCurrentDirectory(), options.Path));
            directory = Path.GetDirectoryName(path);
            builder = new SqliteConnectionStringBuilder { DataSource = path };
        }
        else
        {
            throw new ArgumentException("The SQLite inbox needs a file: set Path (for example \"data/inbox.db\") or ConnectionString.", nameof(options));
        }

        builder.DefaultTimeout = (int)Math.Min(int.MaxValue, Math.Ceiling(options.BusyTimeout.TotalSeconds));
        return new SqliteInboxDatabase(builder.ConnectionString, directory, options.BusyTimeout);
    }

    /// <summary>Runs <paramref name="read"/> on a connection of its own; readers do not wait for writers in WAL mode.</summary>
    public async ValueTask<T> ReadAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await read(connection, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="write"/> on a connection of its own once this process's other writes are done.</summary>
    public async ValueTask<T> WriteAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            return await write(connection, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Closes the pooled connections to the file, so that it can be moved or deleted.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_schemaReady)
        {
            await CreateSchemaAsync(cancellationToken).ConfigureAwait(false);
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, _setup, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Creates the table once per store. The version is checked and the table created in one immediate transaction, so
    /// that processes starting together do not race; WAL mode, once set, is a property of the file.
    /// </summary>
    private async Task CreateSchemaAsync(CancellationToken cancellationToken)
    {
        await _schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_schemaReady)
            {
                return;
            }

            if (_directory is not null)
            {
                Directory.CreateDirectory(_directory);
            }

            using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, _setup, cancellationToken).ConfigureAwait(false);
            using (var transaction = connection.BeginTransaction(deferred: false))
            {
                using var version = connection.CreateCommand();
                version.Transaction = transaction;
                version.CommandText = "PRAGMA user_version;";
                var found = Convert.ToInt64(await version.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
                if (found > SqliteInboxSchema.Version)
                {
                    throw new InvalidOperationException(
                        $"The inbox database has schema version {found}, written by a later WebhookGen.Sqlite; this one reads version {SqliteInboxSchema.Version}. Upgrade WebhookGen.Sqlite or use another file.");
                }

                if (found < SqliteInboxSchema.Version)
                {
                    using var create = connection.CreateCommand();
                    create.Transaction = transaction;
                    create.CommandText = SqliteInboxSchema.Create;
                    await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            // After the version check, so that a file this code refuses is left as it was.
            await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);
            _schemaReady = true;
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
