using System;

namespace WebhookGen.Sqlite;

/// <summary>Where <see cref="SqliteWebhookInboxStore"/> keeps its deliveries.</summary>
public sealed class SqliteWebhookInboxStoreOptions
{
    /// <summary>The default <see cref="Path"/>: <c>webhookgen-inbox.db</c>.</summary>
    public const string DefaultPath = "webhookgen-inbox.db";

    /// <summary>The default <see cref="BusyTimeout"/>: 30 seconds.</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The database file, created with its folder if missing. A relative path is taken from the app's content root
    /// (<c>IHostEnvironment.ContentRootPath</c>), or from the current folder without a host. Default <c>webhookgen-inbox.db</c>.
    /// Several processes may share the file; it must be on a local disk (SQLite's write-ahead log does not work over a
    /// network file system).
    /// </summary>
    public string Path { get; set; } = DefaultPath;

    /// <summary>
    /// A Microsoft.Data.Sqlite connection string (<c>Data Source=…</c>) to a file, for settings beyond <see cref="Path"/>;
    /// when set, <see cref="Path"/> is not used. Its <c>Default Timeout</c> is replaced by <see cref="BusyTimeout"/>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// How long an operation waits for another connection or process to finish writing before it fails. Default 30 seconds.
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = DefaultBusyTimeout;
}
