using System;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace WebhookGen.Sqlite;

/// <summary>
/// The inbox's file: connections set up for durability and for waiting on other processes' writes, the schema created
/// on first use, reads on pooled connections of their own, and this process's writes grouped into shared commits by one
/// <see cref="SqliteInboxWriter"/>.
/// </summary>
internal sealed class SqliteInboxDatabase : IDisposable
{
    private readonly string _connectionString;
    private readonly string? _directory;
    private readonly string _setup;
    private readonly SqliteInboxWriter _writer;
    private readonly object _schemaGate = new();
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
        _writer = new SqliteInboxWriter(Open);
    }

    /// <summary>How many write transactions this process has committed (<see cref="SqliteInboxWriter.Commits"/>).</summary>
    public long Commits => _writer.Commits;

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
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = Open();
        return await read(connection, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="write"/> in the writer's next transaction, with whatever else this process writes meanwhile;
    /// the task ends once that transaction is durable.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, T> write, CancellationToken cancellationToken) =>
        _writer.WriteAsync(write, cancellationToken);

    /// <summary>Commits the writes already queued, then closes the connections to the file, so that it can be moved or deleted.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _writer.Dispose();
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <summary>
    /// An open connection with its PRAGMAs set, on a file whose schema is ready. Synchronous: Microsoft.Data.Sqlite does no
    /// asynchronous I/O, and the writer opens its connection from its own loop.
    /// </summary>
    private SqliteConnection Open()
    {
        if (!_schemaReady)
        {
            CreateSchema();
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            Execute(connection, _setup);
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
    private void CreateSchema()
    {
        lock (_schemaGate)
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
            connection.Open();
            Execute(connection, _setup);
            using (var transaction = connection.BeginTransaction(deferred: false))
            {
                using var version = connection.CreateCommand();
                version.CommandText = "PRAGMA user_version;";
                var found = Convert.ToInt64(version.ExecuteScalar(), CultureInfo.InvariantCulture);
                if (found > SqliteInboxSchema.Version)
                {
                    throw new InvalidOperationException(
                        $"The inbox database has schema version {found}, written by a later WebhookGen.Sqlite; this one reads version {SqliteInboxSchema.Version}. Upgrade WebhookGen.Sqlite or use another file.");
                }

                if (found < SqliteInboxSchema.Version)
                {
                    Execute(connection, SqliteInboxSchema.Create);
                }

                transaction.Commit();
            }

            // After the version check, so that a file this code refuses is left as it was.
            Execute(connection, "PRAGMA journal_mode = WAL;");
            _schemaReady = true;
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
