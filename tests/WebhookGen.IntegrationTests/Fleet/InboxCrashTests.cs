using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Shouldly;
using WebhookGen.IntegrationTests.Idempotency;
using WebhookGen.IntegrationTests.Schemes;
using WebhookGen.Redis;
using WebhookGen.Sqlite;
using Xunit;
using Xunit.Abstractions;

namespace WebhookGen.IntegrationTests.Fleet;

/// <summary>
/// The durable inbox through a crash, with real processes: a <c>WebhookGen.FleetReceiver</c> with its inbox on answers 40
/// signed deliveries at once, its worker starts four of them and holds them (the handlers never return), and the process
/// is killed with SIGKILL in the middle of those handlers. Another process on the same store then handles every one of the
/// 40 exactly once: the 36 still waiting at once, the 4 that were running once their lease lapses.
/// Nothing answered 200 is lost.
/// </summary>
[Collection(FleetTestGroup.Name)]
public sealed class InboxCrashTests(RedisServer redis, ITestOutputHelper output) : IClassFixture<RedisServer>, IDisposable
{
    private const int Deliveries = 40;

    /// <summary>The inbox worker's handler slots: this many handlers are in progress when the process dies.</summary>
    private const int Concurrency = 4;

    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(5);

    private readonly FleetWorkspace _workspace = new();

    /// <summary>The embedded store: the killed process is restarted on its SQLite file and port.</summary>
    [Fact]
    public Task A_SQLite_inbox_handles_every_delivery_after_a_SIGKILL_mid_handler_and_a_restart() =>
        CrashAsync("sqlite", nameof(SqliteWebhookInboxStore), restartBeforeKill: false);

    /// <summary>The fleet's store: a second instance already running on the same Redis claims the dead instance's deliveries.</summary>
    [Fact]
    public Task A_Redis_inbox_hands_a_killed_instances_deliveries_to_another_instance() =>
        CrashAsync("redis", nameof(RedisWebhookInboxStore), restartBeforeKill: true);

    public void Dispose() => _workspace.Dispose();

    private async Task CrashAsync(string inbox, string storeName, bool restartBeforeKill)
    {
        var secret = StandardWebhooksSigner.NewSecret();
        var run = Guid.NewGuid().ToString("N")[..8];
        var port = FleetReceiverProcess.FreePort();
        FleetReceiverSettings Settings(string name, string? heldLog) => new(port, secret, _workspace.PathOf(name + "-handled.log"))
        {
            Inbox = inbox,
            InboxPath = _workspace.PathOf("inbox.db"),
            Redis = inbox == "redis" ? redis.Configuration : null,
            KeyPrefix = "inbox-crash-" + run + ":",
            InboxConcurrency = Concurrency,
            InboxLeaseDuration = LeaseDuration,
            HeldLog = heldLog,
        };

        var held = _workspace.PathOf("held.log");
        var victim = await _workspace.StartAsync(Settings("victim", held));
        victim.ReadyLine.ShouldContain("inbox=" + storeName, customMessage: victim.ReadyLine);

        // Every delivery is answered 200 at once, though no handler has finished or ever will in this process.
        var deliveries = Enumerable.Range(0, Deliveries).Select(i => FleetDelivery.Create(run, i)).ToArray();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        foreach (var delivery in deliveries)
        {
            using var request = delivery.Sign(victim.BaseAddress, secret);
            using var response = await client.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, victim.Output);
        }

        var heldLines = await WaitForLinesAsync(held, Concurrency, victim);
        var heldIds = heldLines.Select(line => line.Split(' ')).ToList();
        heldIds.ShouldAllBe(parts => parts.Length == 3 && parts[1] == Pid(victim) && parts[2] == "1", string.Join('\n', heldLines));

        // Redis: another instance (its own consumer) is already running when the first one dies. SQLite: one file, one
        // instance, restarted after the kill on the same port, as a service manager restarts it.
        FleetReceiverProcess successor;
        if (restartBeforeKill)
        {
            successor = await _workspace.StartAsync(Settings("successor", heldLog: null) with { Port = FleetReceiverProcess.FreePort() });
            victim.Kill();
        }
        else
        {
            victim.Kill();
            successor = await _workspace.StartAsync(Settings("successor", heldLog: null));
        }

        var killedAt = DateTime.UtcNow;
        var handled = await WaitForLinesAsync(successor.Settings.HandledLog, Deliveries, successor, TimeSpan.FromSeconds(60));
        var took = DateTime.UtcNow - killedAt;

        var report = $"{inbox}: {Deliveries} answered 200 by pid {victim.Id}, which held {string.Join(", ", heldIds.Select(p => p[0]))} " +
            $"and was killed; pid {successor.Id} handled {handled.Count} lines within {took.TotalSeconds:F1} s of the kill.\n{successor.Output}";
        output.WriteLine(report);

        // The killed process finished nothing; its successor handled each delivery once, the held ones included.
        File.Exists(victim.Settings.HandledLog).ShouldBeTrue();
        (await File.ReadAllLinesAsync(victim.Settings.HandledLog)).ShouldBeEmpty(report);
        var ids = handled.Select(line => line.Split(' ')).ToList();
        ids.ShouldAllBe(parts => parts.Length == 2 && parts[1] == Pid(successor), report);
        ids.Select(parts => parts[0]).Order(StringComparer.Ordinal).ShouldBe(deliveries.Select(d => d.Id).Order(StringComparer.Ordinal), report);
        heldIds.Select(parts => parts[0]).ShouldAllBe(id => ids.Any(parts => parts[0] == id), report);

        // And nothing more comes: no delivery runs a second time once its lease would have lapsed again.
        await Task.Delay(LeaseDuration + TimeSpan.FromSeconds(1));
        (await File.ReadAllLinesAsync(successor.Settings.HandledLog)).Length.ShouldBe(Deliveries, report);
    }

    private static string Pid(FleetReceiverProcess process) => process.Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Waits until <paramref name="path"/> has <paramref name="count"/> whole lines; fails with the process's output if it never does.</summary>
    private static async Task<List<string>> WaitForLinesAsync(string path, int count, FleetReceiverProcess process, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var lines = File.Exists(path) ? await ReadWholeLinesAsync(path) : [];
            if (lines.Count >= count || DateTime.UtcNow > deadline || process.HasExited)
            {
                lines.Count.ShouldBeGreaterThanOrEqualTo(count, $"{path} has {lines.Count} of {count} lines.\n{process.Output}");
                return lines;
            }

            await Task.Delay(50);
        }
    }

    private static async Task<List<string>> ReadWholeLinesAsync(string path)
    {
        var text = await File.ReadAllTextAsync(path);
        var end = text.LastIndexOf('\n');
        return end < 0 ? [] : [.. text[..end].Split('\n')];
    }
}
