using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using WebhookGen.Hosting;
using WebhookGen.IntegrationTests.Infrastructure;
using WebhookGen.IntegrationTests.Receivers.GitHub;
using WebhookGen.IntegrationTests.Styles;
using WebhookGen.Signatures;
using Xunit;
using Xunit.Abstractions;

namespace WebhookGen.IntegrationTests.GitHub;

/// <summary>
/// GitHub's real example deliveries (<c>GitHub/Deliveries</c>, 329 payloads of 58 events) sent as GitHub sends them: every
/// one to ONE URL, signed with <c>X-Hub-Signature-256</c>, named by <c>X-GitHub-Event</c>, with an <c>X-GitHub-Delivery</c>.
/// The receiver is generated from GitHub's own description (<c>specs/github</c>) and handles the 58 events the examples
/// cover. Each delivery reaches the handler of its event and action, typed, or is acknowledged as unknown: no 4xx, no 5xx.
/// </summary>
public sealed class GitHubDeliveriesTests(ITestOutputHelper output)
{
    private static readonly StyleSignature HubSha256 = new("X-Hub-Signature-256", HmacAlgorithm.Sha256);

    public static IEnumerable<(string Event, JsonObject Payload)> Deliveries()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "GitHub", "Deliveries", "api.github.com.json");
        foreach (var group in JsonNode.Parse(File.ReadAllText(path))!.AsArray())
        {
            foreach (var example in group!["examples"]!.AsArray())
            {
                yield return (group["name"]!.GetValue<string>(), example!.AsObject());
            }
        }
    }

    [Fact]
    public async Task Every_real_delivery_reaches_the_handler_of_its_event_and_action_or_is_acknowledged_as_unknown()
    {
        // The default reading, Tolerant, as an app has it (the style hosts read strictly to test validation).
        await using var host = await StyleHosting.StartAsync(
            nameof(GitHubReceiver),
            services => services.AddGitHubReceiver(),
            app => app.MapGitHubReceiver(),
            options => options.Configuration["Webhooks:GitHubReceiver:PayloadReading"] = "Tolerant");
        var route = GitHubReceiverWebhooks.SharedRoute;
        var failures = new List<string>();
        int reached = 0, unknown = 0, total = 0, drifted = 0;
        foreach (var (name, payload) in Deliveries())
        {
            total++;
            var action = payload["action"] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : string.Empty;
            var expected = route.Events.GetValueOrDefault(WebhookEventSelector.Key(name, action)) ?? route.Events.GetValueOrDefault(WebhookEventSelector.Key(name, string.Empty));
            var delivery = Guid.NewGuid().ToString();
            using var response = await host.PostSignedAsync(HubSha256, "/webhooks/", payload, request =>
            {
                request.Headers.Add("X-GitHub-Event", name);
                request.Headers.Add("X-GitHub-Delivery", delivery);
                request.AddDeliveryHeader(delivery);
            });

            var recorded = host.Recorder.Deliveries.Where(d => d.DeliveryHeader == delivery).ToList();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{name}.{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            else if (expected is null)
            {
                unknown++;
                recorded.ShouldBeEmpty();
            }
            else if (recorded.Count != 1 || recorded[0].EventName != expected.EventName)
            {
                failures.Add($"{name}.{action}: expected {expected.EventName}, handled by {string.Join(", ", recorded.Select(r => r.EventName))}");
            }
            else
            {
                reached++;
                drifted += recorded[0].Drift.Count > 0 ? 1 : 0;
            }
        }

        output.WriteLine($"{total} deliveries: {reached} reached their handler ({drifted} drifting from the spec), {unknown} acknowledged as unknown, {failures.Count} failed");
        failures.ShouldBeEmpty();
        total.ShouldBe(329);
        reached.ShouldBeGreaterThan(300);
    }

    [Fact]
    public async Task A_forged_delivery_is_refused_before_any_event_is_named()
    {
        await using var host = await StyleHosting.StartAsync(nameof(GitHubReceiver), services => services.AddGitHubReceiver(), app => app.MapGitHubReceiver());
        var (name, payload) = Deliveries().First(d => d.Event == "issues");

        using var response = await host.PostWithHeaderAsync("/webhooks/", StyleHosting.Bytes(payload), "X-Hub-Signature-256", "sha256=" + new string('0', 64), request => request.Headers.Add("X-GitHub-Event", name));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        host.Recorder.Deliveries.ShouldBeEmpty();
    }
}
