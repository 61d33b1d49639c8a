using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Shouldly;
using WebhookGen.Idempotency;
using WebhookGen.IntegrationTests.Idempotency;
using WebhookGen.IntegrationTests.Schemes;
using WebhookGen.Redis;
using Xunit;
using Xunit.Abstractions;

namespace WebhookGen.IntegrationTests.Fleet;

/// <summary>The fleet tests run real receiver processes and load both cores: never in parallel with other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FleetTestGroup
{
    public const string Name = "Fleet of receiver processes";
}

/// <summary>
/// Exactly-once claims on a real distributed engine. Two <c>WebhookGen.FleetReceiver</c> processes share one real
/// <c>redis-server</c> (<c>AddWebhookRedisIdempotency</c>). A sender, like a provider's fleet, delivers 20,000 signed
/// Standard Webhooks events, one in ten twice (the same <c>webhook-id</c> and body) to both instances at the same time, with
/// 48 requests in flight, and retries every delivery until it gets a 2xx: a connection failure, a <c>409</c> (the other
/// instance holds the claim) or a <c>503</c>, after a short back-off, on the other instance. A third of the way through,
/// one instance is killed with SIGKILL while deliveries are in flight on it, and restarted on the same port.
/// <para>
/// Every handler appends the delivery's id and its process id to a handled log, flushed before it answers 200. At the end
/// every one of the 20,000 ids is in the logs, and exactly once, with one honest exception: a delivery whose handler ran on
/// the killed instance (its line is written) but which was killed before the claim was completed and answered. That id's
/// claim lapses after the reservation timeout and the sender's retry is handled again; there can be no more of those than
/// deliveries in flight on the killed instance, and each is handled at most twice.
/// </para>
/// </summary>
[Collection(FleetTestGroup.Name)]
public sealed class FleetKillRestartTests(RedisServer redis, ITestOutputHelper output) : IClassFixture<RedisServer>, IDisposable
{
    private const int Deliveries = 20_000;

    /// <summary>One delivery in ten is sent twice, to both instances at once: 2,000 duplicates.</summary>
    private const int DuplicateEvery = 10;

    private const int InFlight = 48;

    /// <summary>Each handler waits 0–2 ms before writing its line and 0–2 ms after, so that the kill lands inside handlers.</summary>
    private const int HandlerDelayMs = 2;

    /// <summary>Instance 1 is the one killed and restarted; instance 0 runs throughout.</summary>
    private const int Victim = 1;

    /// <summary>Short, so that the killed instance's claims lapse within the test.</summary>
    private static readonly TimeSpan ReservationTimeout = TimeSpan.FromSeconds(5);

    /// <summary>A delivery not accepted this long after its first attempt counts as lost.</summary>
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(45);

    private readonly FleetWorkspace _workspace = new();

    [Fact]
    public async Task Two_instances_on_one_Redis_handle_each_of_20000_deliveries_once_through_a_SIGKILL_and_a_restart()
    {
        var clock = Stopwatch.StartNew();
        var secret = StandardWebhooksSigner.NewSecret();
        var run = Guid.NewGuid().ToString("N")[..8];
        var prefix = "fleet-" + run + ":";
        FleetReceiverSettings Settings(int port, string log) => new(port, secret, _workspace.PathOf(log))
        {
            Redis = redis.Configuration,
            KeyPrefix = prefix,
            HandlerDelayMs = HandlerDelayMs,
            ReservationTimeout = ReservationTimeout,
            InProgressRetryAfter = TimeSpan.FromSeconds(1),
        };

        var instances = await Task.WhenAll(
            StartAsync(Settings(FleetReceiverProcess.FreePort(), "instance-0.log")),
            StartAsync(Settings(FleetReceiverProcess.FreePort(), "instance-1.log")));
        foreach (var instance in instances)
        {
            instance.ReadyLine.ShouldContain("store=" + nameof(RedisWebhookIdempotencyStore), customMessage: instance.ReadyLine);
        }

        var killed = instances[Victim];
        var targets = instances.Select(i => i.BaseAddress).ToArray();
        var started = clock.Elapsed;
        var deliveries = Enumerable.Range(0, Deliveries).Select(i => FleetDelivery.Create(run, i)).ToArray();

        var stats = new SenderStats();
        var answeredByKilled = new bool[Deliveries];
        var inFlight = new int[2];
        var victimLife = 0;
        FleetReceiverProcess? restarted = null;
        var inFlightOnVictimAtKill = 0;
        TimeSpan killedAt = default, restartedAt = default;

        using var handler = new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5), PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        using var slots = new SemaphoreSlim(InFlight);

        // One delivery to one instance, retried until a 2xx, each retry on the other instance (where a provider's next
        // attempt may land behind a load balancer), after a short back-off.
        async Task SendUntilAcceptedAsync(int index, int target)
        {
            try
            {
                var delivery = deliveries[index];
                var firstAttempt = clock.Elapsed;
                for (var attempt = 1; ; attempt++)
                {
                    var life = target == Victim ? Volatile.Read(ref victimLife) : -1;
                    Interlocked.Increment(ref inFlight[target]);
                    Interlocked.Increment(ref stats.Attempts);
                    int status;
                    TimeSpan? retryAfter = null;
                    try
                    {
                        using var request = delivery.Sign(targets[target], secret);
                        using var response = await client.SendAsync(request);
                        status = (int)response.StatusCode;
                        retryAfter = response.Headers.RetryAfter?.Delta;
                    }
                    catch (Exception exception) when (exception is HttpRequestException or IOException or TaskCanceledException)
                    {
                        status = 0;
                    }
                    finally
                    {
                        Interlocked.Decrement(ref inFlight[target]);
                    }

                    if (status is >= 200 and < 300)
                    {
                        if (life == 0)
                        {
                            // Answered by the first life of the instance that is killed: its claim was completed.
                            Volatile.Write(ref answeredByKilled[index], true);
                        }

                        return;
                    }

                    switch (status)
                    {
                        case 0:
                            Interlocked.Increment(ref stats.ConnectionFailures);
                            if (life == 0)
                            {
                                Interlocked.Increment(ref stats.FailedOnKilledInstance);
                            }

                            break;
                        case (int)HttpStatusCode.Conflict:
                            Interlocked.Increment(ref stats.Conflicts);
                            break;
                        case (int)HttpStatusCode.ServiceUnavailable:
                            Interlocked.Increment(ref stats.Unavailable);
                            break;
                        default:
                            stats.Unexpected.AddOrUpdate(status, 1, (_, count) => count + 1);
                            break;
                    }

                    if (clock.Elapsed - firstAttempt > GiveUpAfter)
                    {
                        stats.GaveUp.Add(delivery.Id);
                        return;
                    }

                    await Task.Delay(Backoff(attempt, retryAfter));
                    target = 1 - target;
                }
            }
            finally
            {
                slots.Release();
            }
        }

        async Task KillAndRestartAsync()
        {
            inFlightOnVictimAtKill = Volatile.Read(ref inFlight[Victim]);
            killedAt = clock.Elapsed;
            killed.Kill();
            Volatile.Write(ref victimLife, 1);
            restarted = await StartAsync(Settings(killed.Settings.Port, "instance-1-restarted.log"));
            restartedAt = clock.Elapsed;
        }

        var sends = new List<Task>(Deliveries + (Deliveries / DuplicateEvery));
        Task? killAndRestart = null;
        for (var index = 0; index < Deliveries; index++)
        {
            if (index == Deliveries / 3)
            {
                killAndRestart = Task.Run(KillAndRestartAsync);
            }

            // The delivery to one instance; one in ten also to the other, at the same moment: the duplicates race.
            var first = index % 2;
            await slots.WaitAsync();
            sends.Add(SendUntilAcceptedAsync(index, first));
            if (index % DuplicateEvery == 0)
            {
                await slots.WaitAsync();
                sends.Add(SendUntilAcceptedAsync(index, 1 - first));
            }
        }

        await Task.WhenAll(sends);
        await killAndRestart!;
        var sent = clock.Elapsed;

        // What the handlers recorded: every line of the three processes' logs.
        var lives = new (FleetReceiverProcess Process, string Name)[] { (instances[0], "instance 0"), (killed, "instance 1 (killed)"), (restarted!, "instance 1 (restarted)") };
        var handled = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var linesPerLife = new int[lives.Length];
        for (var l = 0; l < lives.Length; l++)
        {
            foreach (var line in await File.ReadAllLinesAsync(lives[l].Process.Settings.HandledLog))
            {
                var parts = line.Split(' ');
                parts.Length.ShouldBe(2, customMessage: $"a malformed handled-log line in {lives[l].Name}: '{line}'");
                var pid = int.Parse(parts[1], CultureInfo.InvariantCulture);
                pid.ShouldBe(lives[l].Process.Id, customMessage: $"a line of {lives[l].Name} names another process: '{line}'");
                if (!handled.TryGetValue(parts[0], out var pids))
                {
                    handled[parts[0]] = pids = [];
                }

                pids.Add(pid);
                linesPerLife[l]++;
            }
        }

        var ids = deliveries.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var unknown = handled.Keys.Where(id => !ids.Contains(id)).ToList();
        var lost = deliveries.Where(d => !handled.ContainsKey(d.Id)).Select(d => d.Id).ToList();
        var twice = deliveries.Select((d, i) => (d.Id, Index: i)).Where(d => handled.TryGetValue(d.Id, out var pids) && pids.Count > 1).ToList();

        // The honest window: handled by the killed instance, which never answered it (killed before completing the claim),
        // then handled once more after the claim lapsed. Anything else handled twice is a failure.
        var honest = twice.Where(d => handled[d.Id].Count == 2 && handled[d.Id].Count(pid => pid == killed.Id) == 1 && !Volatile.Read(ref answeredByKilled[d.Index])).ToList();
        var violations = twice.Except(honest).Select(d => $"{d.Id} handled by {string.Join(", ", handled[d.Id])}" + (answeredByKilled[d.Index] ? " (answered 2xx by the killed instance)" : string.Empty)).ToList();

        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Redis {redis.Configuration}, two receiver processes (pids {instances[0].Id}, {killed.Id}); logs in {_workspace.Directory}")
            .AppendLine(CultureInfo.InvariantCulture, $"Deliveries: {Deliveries:N0} distinct ids + {Deliveries / DuplicateEvery:N0} duplicates sent to both instances at once = {sends.Count:N0} sends, {InFlight} in flight, handler delays 0–{HandlerDelayMs} ms before and after the handled line")
            .AppendLine(CultureInfo.InvariantCulture, $"Attempts: {stats.Attempts:N0} ({stats.Attempts - sends.Count:N0} retries: {stats.ConnectionFailures:N0} connection failures, {stats.Conflicts:N0} × 409, {stats.Unavailable:N0} × 503, unexpected {Describe(stats.Unexpected)})")
            .AppendLine(CultureInfo.InvariantCulture, $"Kill: SIGKILL to pid {killed.Id} before delivery {Deliveries / 3:N0}, at {(killedAt - started).TotalSeconds:F2} s into sending, {inFlightOnVictimAtKill} requests in flight on it; {stats.FailedOnKilledInstance} of its requests failed (in flight at the kill, or sent just as it died)")
            .AppendLine(CultureInfo.InvariantCulture, $"Restart: pid {restarted!.Id} on the same port, ready {(restartedAt - killedAt).TotalSeconds:F2} s after the kill")
            .AppendLine(CultureInfo.InvariantCulture, $"Handled lines: {string.Join(", ", lives.Select((l, i) => $"{l.Name} {linesPerLife[i]:N0}"))}; total {linesPerLife.Sum():N0}")
            .AppendLine(CultureInfo.InvariantCulture, $"Distinct ids handled: {handled.Count:N0}; lost {lost.Count}; unknown {unknown.Count}; gave up {stats.GaveUp.Count}")
            .AppendLine(CultureInfo.InvariantCulture, $"Handled twice: {twice.Count}, of which in the honest window (handled by the killed instance, unanswered, claim lapsed): {honest.Count}; violations {violations.Count}")
            .AppendLine(CultureInfo.InvariantCulture, $"Time: start {started.TotalSeconds:F1} s, sending {(sent - started).TotalSeconds:F1} s, total {clock.Elapsed.TotalSeconds:F1} s")
            .ToString();
        output.WriteLine(report);

        unknown.ShouldBeEmpty(report);
        stats.GaveUp.ShouldBeEmpty(report);
        lost.ShouldBeEmpty(report);
        violations.ShouldBeEmpty(report + string.Join('\n', violations.Take(20)));
        stats.Unexpected.ShouldBeEmpty(report);
        handled.Count.ShouldBe(Deliveries, report);
        honest.Count.ShouldBeLessThanOrEqualTo(stats.FailedOnKilledInstance, report);

        // The scenario happened as described: the kill landed with deliveries in flight, every life handled some, and the
        // duplicates met each other (409) rather than arriving one after the other.
        stats.FailedOnKilledInstance.ShouldBeGreaterThan(0, report);
        linesPerLife.ShouldAllBe(count => count > 0, report);
        stats.Conflicts.ShouldBeGreaterThan(0, report);
    }

    [Fact]
    public async Task Without_Redis_the_receiver_keeps_the_in_memory_default_store()
    {
        var secret = StandardWebhooksSigner.NewSecret();
        var log = _workspace.PathOf("in-memory.log");
        var receiver = await StartAsync(new FleetReceiverSettings(FleetReceiverProcess.FreePort(), secret, log));
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        receiver.ReadyLine.ShouldContain("store=" + nameof(MemoryWebhookIdempotencyStore), customMessage: receiver.Output);
        (await client.GetStringAsync(new Uri(receiver.BaseAddress, "healthz"))).ShouldBe("ok " + nameof(MemoryWebhookIdempotencyStore));

        // It deduplicates in memory: the same delivery twice is handled once.
        var delivery = FleetDelivery.Create("memory", 1);
        for (var i = 0; i < 2; i++)
        {
            using var request = delivery.Sign(receiver.BaseAddress, secret);
            using var response = await client.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, receiver.Output);
        }

        (await File.ReadAllLinesAsync(log)).ShouldBe(new[] { delivery.Id + " " + receiver.Id.ToString(CultureInfo.InvariantCulture) });
    }

    public void Dispose() => _workspace.Dispose();

    private Task<FleetReceiverProcess> StartAsync(FleetReceiverSettings settings) => _workspace.StartAsync(settings);

    /// <summary>20 ms, doubling, at most 500 ms and at most the receiver's <c>Retry-After</c>, with jitter.</summary>
    private static TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        var milliseconds = Math.Min(500, 20 << Math.Min(attempt - 1, 5));
        if (retryAfter is { } hint && hint > TimeSpan.Zero)
        {
            milliseconds = (int)Math.Min(milliseconds, hint.TotalMilliseconds);
        }

#pragma warning disable CA5394 // Jitter, not security.
        return TimeSpan.FromMilliseconds(milliseconds + Random.Shared.Next(0, 10));
#pragma warning restore CA5394
    }

    private static string Describe(ConcurrentDictionary<int, int> statuses) =>
        statuses.IsEmpty ? "none" : string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Value} × {s.Key}"));

    private sealed class SenderStats
    {
        public int Attempts;
        public int ConnectionFailures;
        public int Conflicts;
        public int Unavailable;

        /// <summary>Requests to the first life of the killed instance that got no answer: in flight at the kill, or sent as it died.</summary>
        public int FailedOnKilledInstance;

        public ConcurrentDictionary<int, int> Unexpected { get; } = new();

        public ConcurrentBag<string> GaveUp { get; } = [];
    }
}
