using Fleet;
using WebhookGen.Idempotency;
using WebhookGen.Inbox;
using WebhookGen.Redis;
using WebhookGen.Sqlite;

// A Standard Webhooks receiver run as its own process by the fleet tests (tests/WebhookGen.IntegrationTests/Fleet):
// several instances share one Redis, one is killed with SIGKILL and restarted, and the handled log says what each ran.
//
// Configuration (command line --Key=value, or environment with __ for ':'):
//   --urls http://127.0.0.1:5000             where to listen
//   Webhooks:FleetReceiver:Secret            whsec_... (better in the environment: Webhooks__FleetReceiver__Secret)
//   Webhooks:FleetReceiver:Idempotency:*     ReservationTimeout, InProgressRetryAfter, ...
//   Fleet:Redis                              a StackExchange.Redis configuration string; unset: the in-memory default store
//   Fleet:KeyPrefix                          the Redis key prefix (default "webhookgen:fleet:")
//   Fleet:HandledLog                         the file each handled delivery is appended to: "{webhook-id} {pid}"
//   Fleet:HandlerDelayMs                     each handler waits a random 0..this many milliseconds before writing its
//                                            line and again after it (default 0)
//   Fleet:HandledLogSync                     "fsync" (default): each line is written and flushed to disk before the
//                                            handler returns; "write": written to the OS (enough to survive SIGKILL)
//   Fleet:Inbox                              "sqlite" or "redis": the durable inbox's store (turn the inbox on with
//                                            Webhooks:FleetReceiver:Inbox:Enabled=true); unset: no inbox store
//   Fleet:InboxPath                          the SQLite inbox's file
//   Fleet:HeldLog                            when set, every handler appends "{webhook-id} {pid} {attempt}" to this file
//                                            and then never returns: a handler in progress when the process is killed
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

// Defaults in code, below every other source: an appsettings.json would be copied into the test project's output
// (it references this project to build it) and configure every test host there.
builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
{
    InitialData = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
        ["Webhooks:FleetReceiver:Idempotency:ReservationTimeout"] = "00:00:05",
        ["Webhooks:FleetReceiver:Idempotency:InProgressRetryAfter"] = "00:00:01",
    },
});

var fleet = builder.Configuration.GetSection("Fleet");
var redis = fleet["Redis"];
if (!string.IsNullOrWhiteSpace(redis))
{
    builder.Services.AddWebhookRedisIdempotency(o =>
    {
        o.Configuration = redis;
        o.KeyPrefix = fleet["KeyPrefix"] is { Length: > 0 } prefix ? prefix : "webhookgen:fleet:";
    });
}

switch (fleet["Inbox"])
{
    case null or "":
        break;
    case "sqlite":
        builder.Services.AddWebhookSqliteInbox(o => o.Path = fleet["InboxPath"] is { Length: > 0 } file ? file : throw new InvalidOperationException("Set Fleet:InboxPath to the SQLite inbox's file."));
        break;
    case "redis":
        builder.Services.AddWebhookRedisInbox(o =>
        {
            o.Configuration = redis is { Length: > 0 } ? redis : throw new InvalidOperationException("Set Fleet:Redis for the Redis inbox.");
            o.KeyPrefix = fleet["KeyPrefix"] is { Length: > 0 } prefix ? prefix : "webhookgen:fleet:";
        });
        break;
    case var other:
        throw new InvalidOperationException($"Fleet:Inbox is '{other}': use 'sqlite' or 'redis', or leave it unset.");
}

builder.Services.AddSingleton(_ => new HeldHandlers(fleet["HeldLog"]));
builder.Services.AddSingleton(_ => new HandledLog(
    fleet["HandledLog"] is { Length: > 0 } path ? path : throw new InvalidOperationException("Set Fleet:HandledLog to the file handled deliveries are appended to."),
    !string.Equals(fleet["HandledLogSync"], "write", StringComparison.OrdinalIgnoreCase),
    fleet.GetValue("HandlerDelayMs", 0)));
builder.Services.AddFleetReceiver();

var app = builder.Build();

// The three events share POST /webhooks/ and are told apart by the body's "type".
app.MapFleetReceiver();

var store = app.Services.GetRequiredService<IWebhookIdempotencyStore>().GetType().Name;
var inbox = app.Services.GetService<IWebhookInboxStore>()?.GetType().Name ?? "none";
app.MapGet("/healthz", () => Results.Text("ok " + store));

await app.StartAsync().ConfigureAwait(false);

// Built and started: the handled log is open, the port is bound. The tests wait for this line.
app.Services.GetRequiredService<HandledLog>();
Console.Out.WriteLine($"FLEET-READY pid={Environment.ProcessId} store={store} inbox={inbox} urls={string.Join(",", app.Urls)}");
Console.Out.Flush();

await app.WaitForShutdownAsync().ConfigureAwait(false);
