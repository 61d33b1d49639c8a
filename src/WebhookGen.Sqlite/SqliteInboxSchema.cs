namespace WebhookGen.Sqlite;

/// <summary>The inbox's one table, versioned by <c>PRAGMA user_version</c>.</summary>
internal static class SqliteInboxSchema
{
    /// <summary>The version this code reads and writes; a file of a later version is refused rather than misread.</summary>
    public const int Version = 1;

    public const string Pending = "pending";

    public const string Dead = "dead";

    /// <summary>
    /// <c>due_at</c> is when a pending row is next ready: its arrival, a retry's time, or the end of its lease, so that a
    /// lapsed lease is ready again without a second condition and one index serves leasing. Times are Unix milliseconds.
    /// Ends by setting <c>user_version</c> to <see cref="Version"/>.
    /// </summary>
    public const string Create = """
        CREATE TABLE IF NOT EXISTS webhook_inbox (
            id TEXT NOT NULL PRIMARY KEY,
            receiver TEXT NOT NULL,
            event TEXT NOT NULL,
            payload BLOB NOT NULL,
            event_id TEXT,
            idempotency_id TEXT,
            delivery_id TEXT,
            received_at INTEGER NOT NULL,
            state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'dead')),
            attempts INTEGER NOT NULL DEFAULT 0,
            due_at INTEGER NOT NULL,
            lease_owner TEXT,
            lease_token TEXT,
            lease_until INTEGER,
            last_error TEXT,
            dead_at INTEGER
        );
        CREATE INDEX IF NOT EXISTS webhook_inbox_ready ON webhook_inbox (state, due_at);
        CREATE INDEX IF NOT EXISTS webhook_inbox_received ON webhook_inbox (state, received_at);
        PRAGMA user_version = 1;
        """;
}
