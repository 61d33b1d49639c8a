using System.Globalization;
using Microsoft.Extensions.Configuration.Memory;
using WebhookGen.Benchmarks.InboxApp;
using WebhookGen.Inbox;
using WebhookGen.Redis;
using WebhookGen.Sqlite;

// The generated gridX receiver with counting handlers, run three ways by benchmarks/http/run-inbox.sh:
//   Bench:Inbox=none    handlers run inside the request (WebhookGen's default)
//   Bench:Inbox=sqlite  deliveries stored in the SQLite file Bench:SqlitePath, handled by the inbox's workers
//   Bench:Inbox=redis   deliveries stored in the Redis at Bench:Redis (host:port), handled by the inbox's workers
// Webhooks:GridXReceiver:Secret has no default: without it the app refuses to start.
var builder = WebApplication.CreateBuilder(args);

// The defaults, under every other source (environment, command line), so that any of them can be overridden.
builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
{
    InitialData = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Warning",
        ["Bench:Inbox"] = "none",
        ["Bench:SqlitePath"] = "inbox-bench.db",
        ["Bench:Redis"] = "127.0.0.1:6379",
        // wrk repeats one signed body, hence one event id: with deduplication on, every repeat would be answered
        // without being parsed, stored or handled.
        ["Webhooks:GridXReceiver:Idempotency:Enabled"] = "false",
    },
});

var mode = builder.Configuration["Bench:Inbox"]!.Trim().ToUpperInvariant();
switch (mode)
{
    case "NONE":
        break;
    case "SQLITE":
        var path = builder.Configuration["Bench:SqlitePath"]!;
        builder.Services.AddWebhookSqliteInbox(o => o.Path = path);
        break;
    case "REDIS":
        var redis = builder.Configuration["Bench:Redis"]!;
        builder.Services.AddWebhookRedisInbox(o => o.Configuration = redis);
        break;
    default:
        throw new InvalidOperationException($"Bench:Inbox is '{builder.Configuration["Bench:Inbox"]}': none, sqlite or redis.");
}

if (mode != "NONE")
{
    builder.Configuration.AddInMemoryCollection([new("Webhooks:GridXReceiver:Inbox:Enabled", "true")]);
    CountingInboxStore.Decorate(builder.Services);
}

builder.Services.AddGridXReceiver();

var app = builder.Build();

app.MapGridXReceiver();

// Plain text, for the script: handler calls so far; deliveries stored in the inbox so far; the store's pending and dead counts.
app.MapGet("/stats", () => Counters.HandledCount.ToString(CultureInfo.InvariantCulture));
app.MapGet("/stored", () => Counters.StoredCount.ToString(CultureInfo.InvariantCulture));
app.MapGet("/inbox", async (IServiceProvider services, CancellationToken cancellationToken) =>
{
    if (services.GetService<IWebhookInboxStore>() is not { } store)
    {
        return "none";
    }

    var stats = await store.GetStatsAsync(cancellationToken).ConfigureAwait(false);
    return string.Create(CultureInfo.InvariantCulture, $"{stats.Pending} {stats.DeadLetters}");
});

await app.RunAsync().ConfigureAwait(false);
