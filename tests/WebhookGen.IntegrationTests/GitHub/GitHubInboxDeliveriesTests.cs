using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using WebhookGen.Hosting;
using WebhookGen.Inbox;
using WebhookGen.IntegrationTests.Receivers.GitHub;
using WebhookGen.IntegrationTests.Styles;
using WebhookGen.Signatures;
using WebhookGen.Sqlite;
using Xunit;
using Xunit.Abstractions;

namespace WebhookGen.IntegrationTests.GitHub;

/// <summary>
/// GitHub's 329 real example deliveries, sent as GitHub sends them to a receiver generated from GitHub's own description
/// with its durable inbox on a SQLite file: every delivery is answered 200 at once, and each one with a handler is
/// handled from the inbox, once, by the handler of its event and action, labelled with its <c>X-GitHub-Delivery</c>.
/// </summary>
public sealed class GitHubInboxDeliveriesTests(ITestOutputHelper output) : IDisposable
{
    private static readonly StyleSignature HubSha256 = new("X-Hub-Signature-256", HmacAlgorithm.Sha256);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "webhookgen-github-inbox-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Every_real_delivery_is_answered_at_once_and_handled_from_the_inbox_by_its_handler()
    {
        Directory.CreateDirectory(_directory);
        await using var host = await StyleHosting.StartAsync(
            nameof(GitHubReceiver),
            services => services.AddGitHubReceiver().AddWebhookSqliteInbox(o => o.Path = Path.Combine(_directory, "inbox.db")),
            app => app.MapGitHubReceiver(),
            options =>
            {
                options.Configuration["Webhooks:GitHubReceiver:PayloadReading"] = "Tolerant";
                options.Configuration["Webhooks:GitHubReceiver:Inbox:Enabled"] = "true";
                options.Configuration["Webhooks:Inbox:PollInterval"] = "00:00:00.050";
            });
        var route = GitHubReceiverWebhooks.SharedRoute;
        var expected = new Dictionary<string, string>();
        var failures = new List<string>();
        foreach (var (name, payload) in GitHubDeliveriesTests.Deliveries())
        {
            var action = payload["action"] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : string.Empty;
            var evt = route.Events.GetValueOrDefault(WebhookEventSelector.Key(name, action)) ?? route.Events.GetValueOrDefault(WebhookEventSelector.Key(name, string.Empty));
            var delivery = Guid.NewGuid().ToString();
            using var response = await host.PostSignedAsync(HubSha256, "/webhooks/", payload, request =>
            {
                request.Headers.Add("X-GitHub-Event", name);
                request.Headers.Add("X-GitHub-Delivery", delivery);
            });
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{name}.{action}: {(int)response.StatusCode}");
            }
            else if (evt is not null)
            {
                expected[delivery] = evt.EventName;
            }
        }

        failures.ShouldBeEmpty();
        var store = host.Services.GetRequiredService<IWebhookInboxStore>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while ((await store.GetStatsAsync(CancellationToken.None)).Pending > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var handled = host.Recorder.Deliveries;
        output.WriteLine($"329 deliveries answered 200; {expected.Count} with a handler, {handled.Count} handled from the inbox");
        (await store.GetStatsAsync(CancellationToken.None)).ShouldBe(new WebhookInboxStats(0, null, 0));
        handled.ShouldAllBe(d => !d.InRequest && d.Attempt == 1);
        handled.Select(d => d.DeliveryId!).ShouldBe(expected.Keys, ignoreOrder: true);
        handled.ShouldAllBe(d => expected[d.DeliveryId!] == d.EventName);
        expected.Count.ShouldBeGreaterThan(300);
    }
}
