using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Shouldly;
using WebhookGen.Inbox;
using WebhookGen.IntegrationTests.Infrastructure;
using WebhookGen.IntegrationTests.Receivers;
using WebhookGen.Sqlite;
using Xunit;

namespace WebhookGen.IntegrationTests.Inbox;

/// <summary>
/// A gridX receiver with its durable inbox on a real SQLite file, over real HTTP: the sender is answered once the delivery
/// is stored, the handler runs in the background with retries, gives up into dead letters, and a restarted app finishes
/// what a stopped one left.
/// </summary>
public sealed class InboxReceiverTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "webhookgen-inbox-" + Guid.NewGuid().ToString("N"));

    public InboxReceiverTests() => Directory.CreateDirectory(_directory);

    private string DatabasePath => Path.Combine(_directory, "inbox.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private Task<ReceiverHost> StartAsync(int maxAttempts = 3, bool idempotency = false, Action<IServiceCollection>? services = null, string? secret = null) =>
        ReceiverHost.StartAsync(options =>
        {
            if (secret is not null)
            {
                options.Secret = secret;
            }

            options.Idempotency = idempotency;
            options.Configuration["Webhooks:GridXReceiver:Inbox:Enabled"] = "true";
            options.Configuration["Webhooks:GridXReceiver:Inbox:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture);
            options.Configuration["Webhooks:GridXReceiver:Inbox:FirstRetryDelay"] = "00:00:00.050";
            options.Configuration["Webhooks:GridXReceiver:Inbox:MaxRetryDelay"] = "00:00:00.200";
            options.Configuration["Webhooks:Inbox:PollInterval"] = "00:00:00.050";
            options.AddServices = collection =>
            {
                collection.AddGridXReceiver();
                collection.AddWebhookSqliteInbox(o => o.Path = DatabasePath);
                collection.AddHealthChecks().AddWebhookInbox();
                services?.Invoke(collection);
            };
        });

    private static async Task EventuallyAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new ShouldAssertException("Timed out waiting until " + what);
            }

            await Task.Delay(20);
        }
    }

    private static async Task<WebhookInboxStats> StatsAsync(ReceiverHost host) =>
        await host.Services.GetRequiredService<IWebhookInboxStore>().GetStatsAsync(CancellationToken.None);

    [Fact]
    public async Task The_sender_is_answered_before_the_handler_runs_and_the_handler_runs_outside_the_request()
    {
        await using var host = await StartAsync();
        using var handlerMayFinish = new ManualResetEventSlim();
        host.Recorder.OnRecorded = _ => handlerMayFinish.Wait(TimeSpan.FromSeconds(20));

        var response = await host.PostSignedAsync(Payloads.ApplianceCreate.Path, Payloads.ApplianceCreate.Sample());

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await EventuallyAsync(() => host.Recorder.Deliveries.Count == 1, "the handler is called");
        (await StatsAsync(host)).Pending.ShouldBe(1, "the delivery stays in the inbox while its handler runs");
        handlerMayFinish.Set();
        await EventuallyAsync(() => StatsAsync(host).Result.Pending == 0, "the handled delivery leaves the inbox");

        var delivery = host.Recorder.Deliveries.Single();
        delivery.Handler.ShouldBe(Payloads.ApplianceCreate.Handler);
        delivery.InRequest.ShouldBeFalse();
        delivery.Attempt.ShouldBe(1);
        delivery.EventId.ShouldNotBeNullOrEmpty();
        ((ApplianceCreateEvent)delivery.Payload).Data!.ApplianceID.ShouldBe(Payloads.ApplianceId);
    }

    [Fact]
    public async Task A_failing_handler_is_retried_with_its_attempt_counted_until_it_succeeds()
    {
        await using var host = await StartAsync(maxAttempts: 5);
        var calls = 0;
        host.Recorder.OnRecorded = _ =>
        {
            if (Interlocked.Increment(ref calls) < 3)
            {
                throw new HandlerFailureException("attempt failed");
            }
        };

        var response = await host.PostSignedAsync(Payloads.GatewayCreate.Path, Payloads.GatewayCreate.Sample());

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await EventuallyAsync(() => StatsAsync(host).Result.Pending == 0 && host.Recorder.Deliveries.Count == 3, "the third attempt succeeds");
        host.Recorder.Deliveries.Select(d => d.Attempt).ShouldBe([1, 2, 3]);
        await EventuallyAsync(() => host.Logs.Entries.Count(e => e.EventId.Name == "RetryScheduled") == 2, "each retry is logged with its delay");
        (await StatsAsync(host)).DeadLetters.ShouldBe(0);
    }

    [Fact]
    public async Task A_handler_that_fails_every_attempt_becomes_a_dead_letter_that_can_be_replayed()
    {
        await using var host = await StartAsync(maxAttempts: 2);
        host.Recorder.Behavior = HandlerBehavior.Throw;

        var response = await host.PostSignedAsync(Payloads.ApplianceOffline.Path, Payloads.ApplianceOffline.Sample());

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var store = host.Services.GetRequiredService<IWebhookInboxStore>();
        await EventuallyAsync(() => store.GetStatsAsync(CancellationToken.None).AsTask().Result.DeadLetters == 1, "the delivery is given up");
        var dead = (await store.GetDeadLettersAsync("GridXReceiver", 10, CancellationToken.None)).ShouldHaveSingleItem();
        dead.Attempts.ShouldBe(2);
        dead.Reason.ShouldBe("threw " + typeof(HandlerFailureException).FullName);
        dead.Message.EventName.ShouldBe(Payloads.ApplianceOffline.Name);
        host.Recorder.Deliveries.Count.ShouldBe(2);
        await EventuallyAsync(() => host.Logs.Entries.Any(e => e.EventId.Name == "DeadLettered" && e.Level == LogLevel.Error), "the dead letter is logged after it is stored");
        (await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Status.ShouldBe(HealthStatus.Degraded);

        host.Recorder.Behavior = HandlerBehavior.Ok;
        (await store.ReplayAsync(dead.Message.Id, CancellationToken.None)).ShouldBeTrue();

        await EventuallyAsync(() => host.Recorder.Deliveries.Count == 3 && StatsAsync(host).Result is { Pending: 0, DeadLetters: 0 }, "the replayed delivery is handled");
        host.Recorder.Deliveries[^1].Attempt.ShouldBe(1, "a replay starts its attempts again");
        (await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Status.ShouldBe(HealthStatus.Healthy);
    }

    [Fact]
    public async Task A_handler_asking_to_retry_later_is_not_run_again_before_its_delay()
    {
        await using var host = await StartAsync();
        host.Recorder.Behavior = HandlerBehavior.RetryLater; // 30 seconds

        await (await host.PostSignedAsync(Payloads.ApplianceOnline.Path, Payloads.ApplianceOnline.Sample())).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await EventuallyAsync(() => host.Logs.Entries.Any(e => e.EventId.Name == "RetryScheduled"), "the retry is scheduled");

        var scheduled = host.Logs.Entries.First(e => e.EventId.Name == "RetryScheduled");
        scheduled.Message.ShouldContain("answered 503");
        await Task.Delay(500);
        host.Recorder.Deliveries.Count.ShouldBe(1, "the handler's 30 s outweigh the 50 ms backoff");
        (await StatsAsync(host)).Pending.ShouldBe(1);
        var leased = await host.Services.GetRequiredService<IWebhookInboxStore>().LeaseAsync("probe", 10, TimeSpan.FromMinutes(1), CancellationToken.None);
        leased.ShouldBeEmpty("the delivery is not due for about 30 seconds");
    }

    [Fact]
    public async Task A_repeat_of_a_queued_delivery_is_acknowledged_without_being_queued_again()
    {
        await using var host = await StartAsync(idempotency: true);
        var body = Encoding.UTF8.GetBytes(Payloads.InverterStatus.Sample().ToJsonString(Payloads.Json));

        await (await host.PostSignedAsync(Payloads.InverterStatus.Path, body)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await host.PostSignedAsync(Payloads.InverterStatus.Path, body)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        await EventuallyAsync(() => host.Recorder.Deliveries.Count >= 1 && StatsAsync(host).Result.Pending == 0, "the delivery is handled");
        await Task.Delay(300);
        host.Recorder.Deliveries.Count.ShouldBe(1);
        host.Logs.Entries.Count(e => e.EventId.Name == "Queued").ShouldBe(1, host.Logs.AllText);
        host.Logs.Entries.Count(e => e.EventId.Name == "Duplicate").ShouldBe(1, "the repeat is a duplicate");
    }

    [Fact]
    public async Task A_delivery_that_fails_verification_or_validation_is_not_stored()
    {
        await using var host = await StartAsync();
        var body = Encoding.UTF8.GetBytes(Payloads.ApplianceCreate.Sample().ToJsonString(Payloads.Json));

        (await host.PostAsync(Payloads.ApplianceCreate.Path, body, "sha512=" + new string('0', 128))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await host.PostSignedAsync(Payloads.ApplianceCreate.Path, Encoding.UTF8.GetBytes("[1]"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await StatsAsync(host)).ShouldBe(new WebhookInboxStats(0, null, 0));
        host.Recorder.Deliveries.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_store_that_fails_is_a_503_with_retry_after_and_the_retry_is_taken()
    {
        var failing = new FailingInboxStore();
        await using var host = await StartAsync(idempotency: true, services: s => s.AddSingleton<IWebhookInboxStore>(failing));
        var body = Encoding.UTF8.GetBytes(Payloads.EvPlugged.Sample().ToJsonString(Payloads.Json));

        var refused = await host.PostSignedAsync(Payloads.EvPlugged.Path, body);

        refused.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        refused.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(10));
        await EventuallyAsync(() => host.Logs.Entries.Any(e => e.EventId.Name == "EnqueueFailed"), "the store's failure is logged");
        failing.Fail = false;
        await (await host.PostSignedAsync(Payloads.EvPlugged.Path, body)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        failing.Enqueued.ShouldBe(1, "the failed attempt released its claim, so the retry was stored, not answered as a duplicate");
    }

    [Fact]
    public async Task An_inbox_without_a_store_refuses_to_start_and_says_what_to_register()
    {
        var exception = await Should.ThrowAsync<OptionsValidationException>(() => ReceiverHost.StartAsync(options =>
            options.Configuration["Webhooks:GridXReceiver:Inbox:Enabled"] = "true"));

        exception.Message.ShouldContain("'Webhooks:GridXReceiver:Inbox:Enabled' is true but no inbox store is registered");
        exception.Message.ShouldContain("AddWebhookSqliteInbox()");
    }

    [Fact]
    public async Task Deliveries_left_by_a_stopped_app_are_handled_by_the_next_one_on_the_same_file()
    {
        var secret = "restart-" + Guid.NewGuid().ToString("N");
        var first = await StartAsync(secret: secret);
        using var never = new ManualResetEventSlim();
        first.Recorder.OnRecorded = _ => never.Wait(TimeSpan.FromSeconds(2));
        first.Recorder.Behavior = HandlerBehavior.Throw;
        await (await first.PostSignedAsync(Payloads.ComissioningDone.Path, Payloads.ComissioningDone.Sample())).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await EventuallyAsync(() => first.Recorder.Deliveries.Count == 1, "the first app starts the handler");
        await first.DisposeAsync();

        await using var second = await StartAsync(secret: secret);

        await EventuallyAsync(() => second.Recorder.Deliveries.Count == 1 && StatsAsync(second).Result.Pending == 0, "the second app handles it");
        second.Recorder.Deliveries[0].Handler.ShouldBe(Payloads.ComissioningDone.Handler);
        second.Recorder.Deliveries[0].Attempt.ShouldBeGreaterThan(1);
    }

    [Fact]
    public async Task Inbox_settings_that_make_no_sense_are_refused_at_start()
    {
        var exception = await Should.ThrowAsync<OptionsValidationException>(() => ReceiverHost.StartAsync(options =>
        {
            options.Configuration["Webhooks:GridXReceiver:Inbox:Enabled"] = "true";
            options.Configuration["Webhooks:GridXReceiver:Inbox:MaxAttempts"] = "0";
            options.AddServices = s => s.AddGridXReceiver().AddWebhookSqliteInbox(o => o.Path = DatabasePath);
        }));

        exception.Message.ShouldContain("'Webhooks:GridXReceiver:Inbox:MaxAttempts' must be at least 1, not 0.");
    }

    /// <summary>A store whose enqueue fails until told otherwise.</summary>
    private sealed class FailingInboxStore : IWebhookInboxStore
    {
        private int _enqueued;

        public volatile bool Fail = true;

        public int Enqueued => _enqueued;

        public ValueTask EnqueueAsync(WebhookInboxMessage message, CancellationToken cancellationToken)
        {
            if (Fail)
            {
                throw new IOException("disk full");
            }

            Interlocked.Increment(ref _enqueued);
            return ValueTask.CompletedTask;
        }

        public ValueTask<IReadOnlyList<WebhookInboxLease>> LeaseAsync(string consumer, int maxCount, TimeSpan leaseDuration, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<WebhookInboxLease>>([]);

        public ValueTask<bool> CompleteAsync(WebhookInboxLease lease, CancellationToken cancellationToken) => ValueTask.FromResult(true);

        public ValueTask<bool> RetryAsync(WebhookInboxLease lease, DateTimeOffset notBefore, string reason, CancellationToken cancellationToken) => ValueTask.FromResult(true);

        public ValueTask<bool> DeadLetterAsync(WebhookInboxLease lease, string reason, CancellationToken cancellationToken) => ValueTask.FromResult(true);

        public ValueTask<IReadOnlyList<WebhookDeadLetter>> GetDeadLettersAsync(string? receiverName, int maxCount, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<WebhookDeadLetter>>([]);

        public ValueTask<bool> ReplayAsync(string messageId, CancellationToken cancellationToken) => ValueTask.FromResult(false);

        public ValueTask<WebhookInboxStats> GetStatsAsync(CancellationToken cancellationToken) => ValueTask.FromResult(default(WebhookInboxStats));
    }
}
