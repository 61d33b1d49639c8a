using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using GitHub.Receiver;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shouldly;
using WebhookGen.IntegrationTests.GitHub;
using WebhookGen.IntegrationTests.Infrastructure;
using WebhookGen.IntegrationTests.Styles;
using WebhookGen.Signatures;
using Xunit;

namespace WebhookGen.IntegrationTests.Samples;

/// <summary>
/// The sample <c>samples/GitHub.Receiver</c>: its own <see cref="GitHubEventsReceiver"/> and log lines, compiled into this
/// project (the csproj links them), mapped as its Program.cs maps them, on GitHub's one URL <c>POST /webhooks/</c>. GitHub's
/// real example deliveries (<c>GitHub/Deliveries</c>) of the chosen events, signed with <c>X-Hub-Signature-256</c>, reach
/// their handler, which logs their typed fields; the events not chosen are acknowledged without a handler call.
/// </summary>
public sealed class GitHubSampleTests
{
    private const string Category = "GitHub.Receiver.GitHubEventsReceiver";
    private static readonly StyleSignature HubSha256 = new("X-Hub-Signature-256", HmacAlgorithm.Sha256);

    [Theory]
    [InlineData("ping", "", 1, 4)]
    [InlineData("push", "", 2, 7)]
    [InlineData("issues", "opened", 3, 4)]
    [InlineData("pull_request", "opened", 5, 4)]
    [InlineData("pull_request", "closed", 6, 2)]
    public async Task Every_real_delivery_of_a_chosen_event_reaches_its_handler_and_logs_its_typed_fields(string name, string action, int logId, int examples)
    {
        await using var host = await StartAsync();
        var payloads = Deliveries(name, action);
        payloads.Count.ShouldBe(examples);

        foreach (var payload in payloads)
        {
            var line = await DeliverAsync(host, name, payload);

            line.Id.ShouldBe(logId);
            line.Message.ShouldStartWith(ExpectedLine(name, action, payload, line.DeliveryId));
        }
    }

    [Fact]
    public async Task Issues_closed_reaches_its_handler_and_logs_why_it_was_closed()
    {
        // GitHub's examples have no issues.closed: this is its issues.reopened example with what a close changes.
        var payload = Deliveries("issues", "reopened").Single();
        payload["action"] = "closed";
        payload["issue"]!["state"] = "closed";
        payload["issue"]!["state_reason"] = "completed";
        await using var host = await StartAsync();

        var line = await DeliverAsync(host, "issues", payload);

        line.Id.ShouldBe(4);
        line.Message.ShouldStartWith(ExpectedLine("issues", "closed", payload, line.DeliveryId));
    }

    [Theory]
    [InlineData("star", "created")]
    [InlineData("issues", "labeled")]
    [InlineData("pull_request", "synchronize")]
    public async Task A_real_delivery_of_an_event_not_chosen_is_acknowledged_without_a_handler_call(string name, string action)
    {
        await using var host = await StartAsync();

        using var response = await PostAsync(host, name, Deliveries(name, action)[0], Guid.NewGuid().ToString());

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        SampleLines(host).ShouldBeEmpty(host.Logs.AllText);
    }

    [Fact]
    public async Task A_delivery_signed_with_another_secret_is_refused()
    {
        await using var host = await StartAsync();
        var payload = Deliveries("issues", "opened")[0];
        var body = StyleHosting.Bytes(payload);

        using var response = await host.PostWithHeaderAsync("/webhooks/", body, HubSha256.HeaderName, HubSha256.Sign(body, "not-the-secret"), request => request.Headers.Add("X-GitHub-Event", "issues"));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        SampleLines(host).ShouldBeEmpty(host.Logs.AllText);
    }

    [Fact]
    public async Task A_redelivery_is_acknowledged_without_calling_the_handler_again()
    {
        await using var host = await StartAsync();
        var payload = Deliveries("push", string.Empty)[0];
        var delivery = Guid.NewGuid().ToString();

        using (var first = await PostAsync(host, "push", payload, delivery))
        using (var again = await PostAsync(host, "push", payload, delivery))
        {
            await first.ShouldHaveStatusAsync(HttpStatusCode.OK);
            await again.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }

        SampleLines(host).ShouldHaveSingleItem(host.Logs.AllText);
    }

    [Fact]
    public async Task The_sample_refuses_to_start_without_a_secret()
    {
        var exception = await Should.ThrowAsync<OptionsValidationException>(() => ReceiverHost.StartAsync(options =>
        {
            options.AddServices = services => services.AddGitHubEventsReceiver();
            options.Map = app => app.MapGitHubEventsReceiver();
        }));

        exception.Message.ShouldContain("Webhooks:GitHubEventsReceiver:Secret");
    }

    /// <summary>The sample's receiver as its Program.cs sets it up, deduplicating by <c>X-GitHub-Delivery</c> as an app does.</summary>
    private static Task<ReceiverHost> StartAsync() => ReceiverHost.StartAsync(options =>
    {
        options.Idempotency = true;
        options.Configuration["Webhooks:GitHubEventsReceiver:Secret"] = options.Secret;
        options.AddServices = services => services.AddGitHubEventsReceiver();
        options.Map = app => app.MapGitHubEventsReceiver();
    });

    /// <summary>GitHub's example deliveries of one event and action (empty for an event without actions), each a fresh copy.</summary>
    private static List<JsonObject> Deliveries(string name, string action) => GitHubDeliveriesTests.Deliveries()
        .Where(d => d.Event == name && ((string?)d.Payload["action"] ?? string.Empty) == action)
        .Select(d => d.Payload)
        .ToList();

    /// <summary>Posts <paramref name="payload"/> as GitHub does, expects 200 and returns the one line the sample logged for it.</summary>
    private static async Task<(int Id, string Message, string DeliveryId)> DeliverAsync(ReceiverHost host, string name, JsonObject payload)
    {
        var delivery = Guid.NewGuid().ToString();
        using var response = await PostAsync(host, name, payload, delivery);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var line = SampleLines(host).Where(e => e.Message.Contains("(delivery " + delivery + ")", StringComparison.Ordinal)).ShouldHaveSingleItem(host.Logs.AllText);
        return (line.EventId.Id, line.Message, delivery);
    }

    private static Task<HttpResponseMessage> PostAsync(ReceiverHost host, string name, JsonObject payload, string delivery) =>
        host.PostSignedAsync(HubSha256, "/webhooks/", payload, request =>
        {
            request.Headers.Add("X-GitHub-Event", name);
            request.Headers.Add("X-GitHub-Delivery", delivery);
        });

    private static List<LogEntry> SampleLines(ReceiverHost host) => host.Logs.Entries.Where(e => e.Category == Category).ToList();

    /// <summary>The line the sample's handler logs for <paramref name="payload"/>, written from the JSON independently of the generated types.</summary>
    private static string ExpectedLine(string name, string action, JsonObject p, string delivery)
    {
        string S(JsonNode? node) => (string)node!;
        var repository = S(p["repository"]?["full_name"]);
        var line = (name + "." + action).TrimEnd('.') switch
        {
            "ping" => $"ping: {S(p["hook"]!["type"])} hook {(long)p["hook_id"]!} subscribed to {string.Join(',', p["hook"]!["events"]!.AsArray().Select(S))}",
            "push" => $"push: {p["commits"]!.AsArray().Count} commit(s) to {S(p["ref"])} of {repository}, now at {S(p["after"])}",
            "issues.opened" => $"issues.opened: #{(long)p["issue"]!["number"]!} in {repository} by {S(p["sender"]!["login"])}",
            "issues.closed" => $"issues.closed: #{(long)p["issue"]!["number"]!} in {repository} as {S(p["issue"]!["state_reason"])} by {S(p["sender"]!["login"])}",
            "pull_request.opened" => $"pull_request.opened: #{(long)p["number"]!} in {repository}, {S(p["pull_request"]!["head"]!["ref"])} into {S(p["pull_request"]!["base"]!["ref"])}, draft {(bool?)p["pull_request"]!["draft"] ?? false}",
            "pull_request.closed" => $"pull_request.closed: #{(long)p["number"]!} in {repository}, merged {(bool)p["pull_request"]!["merged"]!}",
            var key => throw new ArgumentOutOfRangeException(nameof(name), key, "Not an event the sample handles."),
        };
        return line + $" (delivery {delivery})";
    }
}
