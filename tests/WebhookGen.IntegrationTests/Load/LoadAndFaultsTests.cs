using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Shouldly;
using WebhookGen.IntegrationTests.Infrastructure;
using WebhookGen.IntegrationTests.Receivers;
using Xunit;
using Xunit.Abstractions;

namespace WebhookGen.IntegrationTests.Load;

/// <summary>
/// Load with faults over real HTTP: 20,000 signed gridX events (distinct ids, all nine event types) sent to one receiver
/// with deduplication on, by concurrent senders that deliver some events two or three times (some of those back to back,
/// so they race) and retry until they get a 2xx, while the handler throws the first time it sees a seeded tenth of the ids.
/// It proves that after the retries every distinct event's handler succeeded exactly once, that the only 5xx answers were
/// the injected failures (one 500 each), that every answer was one the pipeline documents (200, 409 with Retry-After,
/// 500), and that no delivery was lost. Everything is seeded and bounded, and asserted on counts, never on time.
/// </summary>
public sealed class LoadAndFaultsTests(ITestOutputHelper output)
{
    private const int EventCount = 20_000;
    private const int Senders = 16;
    private const int Seed = 20_240_506;

    /// <summary>The share of events delivered more than once (two or three times).</summary>
    private const double DuplicateShare = 0.2;

    /// <summary>Of the duplicated events, the share whose copies are queued back to back, so that senders race on one id.</summary>
    private const double BurstShare = 0.5;

    /// <summary>The share of ids whose first handler call throws.</summary>
    private const double FailureShare = 0.1;

    /// <summary>A sender gives a delivery up after this many answers that are not 2xx: a bug fails the test instead of hanging it.</summary>
    private const int MaxAttempts = 50;

    [Fact]
    public async Task Twenty_thousand_events_from_concurrent_senders_with_duplicates_and_failures_are_each_handled_exactly_once()
    {
        await using var host = await ReceiverHost.StartAsync(options =>
        {
            options.Idempotency = true;
            options.MinimumLogLevel = LogLevel.Warning;
        });

        var plan = Plan.Create(host.Secret!);
        plan.Events.Select(e => e.Id).Distinct().Count().ShouldBe(EventCount, "the plan's ids are distinct");

        // The handler's side: every call per id, the calls that returned normally, the failures injected.
        var handlerCalls = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var handlerSuccesses = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var injected = 0;
        host.Recorder.OnRecorded = delivery =>
        {
            var id = delivery.EventId ?? throw new InvalidOperationException("A gridX delivery without an event id.");
            var calls = handlerCalls.AddOrUpdate(id, 1, (_, count) => count + 1);
            if (calls == 1 && plan.FailFirst.Contains(id))
            {
                Interlocked.Increment(ref injected);
                throw new HandlerFailureException("injected first-time failure of " + id);
            }

            handlerSuccesses.AddOrUpdate(id, 1, (_, count) => count + 1);
        };

        // The senders' side: one shared client, a fixed number of workers taking deliveries from one queue.
        var senders = new SenderResults(plan.Deliveries.Count);
        var queue = new ConcurrentQueue<int>(Enumerable.Range(0, plan.Deliveries.Count));
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Senders, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        // Stops every sender as soon as one gives a delivery up, so a bug fails fast. Its timeout is not an assertion on
        // time, only a guard so that a deadlock fails the run instead of hanging CI.
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Senders).Select(_ => Task.Run(() => SendAsync(client, plan, queue, senders, stop))));
        stopwatch.Stop();

        var statuses = senders.StatusCounts();
        output.WriteLine($"{plan.Deliveries.Count} deliveries of {EventCount} events ({plan.Deliveries.Count - EventCount} duplicates, {plan.FailFirst.Count} failing first) by {Senders} senders in {stopwatch.Elapsed.TotalSeconds:0.00} s");
        output.WriteLine("answers: " + string.Join(", ", statuses.OrderBy(pair => pair.Key).Select(pair => $"{pair.Key}: {pair.Value}")));
        output.WriteLine($"handler calls: {handlerCalls.Values.Sum()}, successes: {handlerSuccesses.Values.Sum()}, injected failures: {injected}");

        // Nothing lost: every delivery, duplicates included, ended acknowledged with exactly one 2xx, within its attempts.
        senders.Failures.ShouldBeEmpty();
        stop.IsCancellationRequested.ShouldBeFalse("the senders were stopped by the guard: something hung");
        var unacknowledged = Enumerable.Range(0, plan.Deliveries.Count).Where(index => senders.Acknowledged[index] != 1).ToList();
        unacknowledged.ShouldBeEmpty($"deliveries not acknowledged exactly once, e.g. {string.Join(", ", unacknowledged.Take(5).Select(index => plan.Events[plan.Deliveries[index]].Id))}");
        plan.Events.Select(e => e.Id).Except(handlerSuccesses.Keys).ShouldBeEmpty("every event's handler succeeded");

        // Exactly once: one successful handler call per distinct id, and one extra (failed) call per injected failure.
        var repeated = handlerSuccesses.Where(pair => pair.Value != 1).Select(pair => $"{pair.Key} x{pair.Value}").Take(10).ToList();
        repeated.ShouldBeEmpty("no id's handler succeeded more than once");
        handlerSuccesses.Count.ShouldBe(EventCount);
        handlerSuccesses.Values.Sum().ShouldBe(EventCount);
        injected.ShouldBe(plan.FailFirst.Count, "every id chosen to fail reached the handler and failed once");
        handlerCalls.Values.Sum().ShouldBe(EventCount + plan.FailFirst.Count);
        host.Recorder.Deliveries.Count.ShouldBe(EventCount + plan.FailFirst.Count);

        // Only the documented answers; the only 5xx are the injected failures, one 500 each.
        statuses.Keys.ShouldBeSubsetOf(new[] { 200, 409, 500 }, "answers: " + string.Join(", ", statuses.Select(pair => $"{pair.Key}: {pair.Value}")));
        statuses.GetValueOrDefault(500).ShouldBe(injected);
        statuses.Where(pair => pair.Key >= 500).Sum(pair => pair.Value).ShouldBe(injected);
        statuses.GetValueOrDefault(200).ShouldBe(plan.Deliveries.Count, "one 200 per delivery: handled or acknowledged as a repeat");
        senders.ConflictsWithoutRetryAfter.ShouldBe(0, "every 409 carries Retry-After");

        // The log: one error per injected failure, carrying the handler's exception, and no other warning or error.
        var logged = host.Logs.Entries;
        var handlerFailures = logged.Where(entry => entry.EventId.Id == 5 && entry.Level == LogLevel.Error).ToList();
        handlerFailures.Count.ShouldBe(injected);
        handlerFailures.ShouldAllBe(entry => entry.Exception != null && entry.Exception.Contains(nameof(HandlerFailureException), StringComparison.Ordinal));
        logged.Where(entry => entry.EventId.Id != 5).Select(entry => entry.ToString()).Take(10).ShouldBeEmpty("nothing else logged at Warning or above");
    }

    /// <summary>
    /// One sender: takes deliveries until the queue is empty, each retried until it is answered 2xx. Giving one up stops
    /// every sender.
    /// </summary>
    private static async Task SendAsync(HttpClient client, Plan plan, ConcurrentQueue<int> queue, SenderResults results, CancellationTokenSource stop)
    {
        try
        {
            await SendAllAsync(client, plan, queue, results, stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private static async Task SendAllAsync(HttpClient client, Plan plan, ConcurrentQueue<int> queue, SenderResults results, CancellationTokenSource stop)
    {
        var cancellationToken = stop.Token;
        while (!cancellationToken.IsCancellationRequested && queue.TryDequeue(out var index))
        {
            var evt = plan.Events[plan.Deliveries[index]];
            for (var attempt = 1; ; attempt++)
            {
                using var request = ReceiverHost.CreateRequest(evt.Path, evt.Body, evt.Signature);
                using var response = await client.SendAsync(request, cancellationToken);
                var status = (int)response.StatusCode;
                results.Count(status);
                if (status is >= 200 and < 300)
                {
                    Interlocked.Increment(ref results.Acknowledged[index]);
                    break;
                }

                if (status == (int)HttpStatusCode.Conflict && response.Headers.RetryAfter is null)
                {
                    Interlocked.Increment(ref results.ConflictsWithoutRetryAfter);
                }

                // A sender retries 5xx and 409 (the same id in progress); anything else is not expected here.
                var retryable = status is >= 500 or (int)HttpStatusCode.Conflict;
                if (!retryable || attempt == MaxAttempts)
                {
                    results.Failures.Enqueue($"{evt.Id} ({evt.Path}): gave up after attempt {attempt} answered {status}");
                    await stop.CancelAsync();
                    return;
                }

                // Retry-After asks for seconds; a test sender retries at once after a 500, after a short, growing pause after a 409.
                if (status == (int)HttpStatusCode.Conflict)
                {
                    await Task.Delay(Math.Min(attempt * 2, 50), cancellationToken);
                }
            }
        }
    }

    /// <summary>What the senders saw: every answer's status, each delivery's 2xx count, the deliveries given up.</summary>
    private sealed class SenderResults(int deliveries)
    {
        private readonly int[] _statuses = new int[600];

        public int[] Acknowledged { get; } = new int[deliveries];

        public ConcurrentQueue<string> Failures { get; } = new();

#pragma warning disable CA1051 // Incremented with Interlocked, which needs the field.
        public int ConflictsWithoutRetryAfter;
#pragma warning restore CA1051

        public void Count(int status) => Interlocked.Increment(ref _statuses[status is >= 0 and < 600 ? status : 0]);

        public Dictionary<int, int> StatusCounts() =>
            Enumerable.Range(0, _statuses.Length).Where(status => _statuses[status] > 0).ToDictionary(status => status, status => _statuses[status]);
    }

    private sealed record PlannedEvent(string Id, string Path, byte[] Body, string Signature);

    /// <summary>The seeded workload: the events, the ids whose first handler call fails, the order of deliveries.</summary>
    private sealed record Plan(IReadOnlyList<PlannedEvent> Events, IReadOnlySet<string> FailFirst, IReadOnlyList<int> Deliveries)
    {
        public static Plan Create(string secret)
        {
#pragma warning disable CA5394 // A seeded, reproducible workload, not a secret.
            var random = new Random(Seed);
            var events = new List<PlannedEvent>(EventCount);
            var failFirst = new HashSet<string>(StringComparer.Ordinal);
            var units = new List<int[]>();
            Span<byte> idBytes = stackalloc byte[16];
            for (var index = 0; index < EventCount; index++)
            {
                // Distinct by construction: the index fills the first four bytes, the seeded random the rest.
                random.NextBytes(idBytes);
                BitConverter.TryWriteBytes(idBytes[..4], index).ShouldBeTrue();
                var id = new Guid(idBytes).ToString();

                var type = Payloads.All[index % Payloads.All.Count];
                var json = type.Sample();
                json["id"] = id;
                var body = Encoding.UTF8.GetBytes(json.ToJsonString(Payloads.Json));
                events.Add(new PlannedEvent(id, type.Path, body, Signer.Sign(body, secret)));

                if (random.NextDouble() < FailureShare)
                {
                    failFirst.Add(id);
                }

                var copies = random.NextDouble() < DuplicateShare ? random.Next(2, 4) : 1;
                if (copies > 1 && random.NextDouble() < BurstShare)
                {
                    units.Add(Enumerable.Repeat(index, copies).ToArray());
                }
                else
                {
                    units.AddRange(Enumerable.Repeat(new[] { index }, copies));
                }
            }

            random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(units));
#pragma warning restore CA5394
            return new Plan(events, failFirst, units.SelectMany(unit => unit).ToList());
        }
    }
}
