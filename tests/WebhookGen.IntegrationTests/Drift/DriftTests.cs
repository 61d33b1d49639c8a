using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using WebhookGen.IntegrationTests.Receivers;
using Microsoft.Extensions.Logging;
using Shouldly;
using WebhookGen.IntegrationTests.Infrastructure;
using Xunit;

namespace WebhookGen.IntegrationTests.Drift;

/// <summary>
/// A signed gridX delivery that drifts from the spec the way real providers' deliveries do (docs/drift.md), over real
/// HTTP: the default, tolerant reading hands it to the handler with the drift and logs each drifted member once, never
/// a value; strict reading answers 400 as before.
/// </summary>
public sealed class DriftTests
{
    private const int DriftLogId = 9;
    private const string Marker = "drift-marker-7f3a";

    private static bool IsDriftLog(LogEntry entry) =>
        entry.EventId.Id == DriftLogId && entry.Category == "WebhookGen.GridXReceiver";

    private static Task<ReceiverHost> StartAsync(string? reading = null) =>
        ReceiverHost.StartAsync(options =>
        {
            if (reading is not null)
            {
                options.Configuration["Webhooks:GridXReceiver:PayloadReading"] = reading;
            }
        });

    /// <summary>An appliance/create without the required <c>data.applianceID</c>, its <c>time</c> as unix seconds.</summary>
    private static System.Text.Json.Nodes.JsonObject DriftedBody()
    {
        var body = Payloads.ApplianceCreate.Sample();
        body["data"]!.AsObject().Remove("applianceID");
        body["data"]!["name"] = Marker;
        body["time"] = 1525109898;
        return body;
    }

    [Fact]
    public async Task Tolerant_by_default_a_drifted_delivery_reaches_the_handler_with_its_drift()
    {
        await using var host = await StartAsync();

        var response = await host.PostSignedAsync(Payloads.ApplianceCreate.Path, DriftedBody());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var delivery = host.Recorder.Deliveries.ShouldHaveSingleItem();
        var payload = delivery.Payload.ShouldBeOfType<ApplianceCreateEvent>();
        payload.Data.ShouldNotBeNull().ApplianceID.ShouldBe(Guid.Empty);
        payload.Data.Name.ShouldBe(Marker);
        payload.Time.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1525109898));
        payload.Time.Offset.ShouldBe(TimeSpan.Zero);
        delivery.Drift.ShouldBe(
        [
            new PayloadDrift("time", PayloadDriftKind.NonstandardDateTime),
            new PayloadDrift("data.applianceID", PayloadDriftKind.MissingRequired),
        ], ignoreOrder: true);
    }

    [Fact]
    public async Task Strict_answers_400_naming_the_member_and_does_not_call_the_handler()
    {
        await using var host = await StartAsync("Strict");

        var response = await host.PostSignedAsync(Payloads.ApplianceCreate.Path, DriftedBody());

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("field").GetString().ShouldBe("time");
        host.Recorder.ShouldHaveNoDelivery();
        host.Logs.Entries.ShouldNotContain(entry => IsDriftLog(entry));
    }

    [Fact]
    public async Task A_missing_required_member_alone_is_400_in_strict_and_200_in_tolerant()
    {
        var body = Payloads.ApplianceCreate.Sample();
        body.Remove("source");

        await using (var strict = await StartAsync("Strict"))
        {
            (await strict.PostSignedAsync(Payloads.ApplianceCreate.Path, body)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            strict.Recorder.ShouldHaveNoDelivery();
        }

        await using var tolerant = await StartAsync("Tolerant");
        (await tolerant.PostSignedAsync(Payloads.ApplianceCreate.Path, body)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var delivery = tolerant.Recorder.Deliveries.ShouldHaveSingleItem();
        delivery.Payload.ShouldBeOfType<ApplianceCreateEvent>().Source.ShouldBeNull();
        delivery.Drift.ShouldBe([new PayloadDrift("source", PayloadDriftKind.MissingRequired)]);
    }

    [Fact]
    public async Task Each_drifted_member_is_logged_once_as_a_warning_without_its_value()
    {
        await using var host = await StartAsync();

        for (var i = 0; i < 3; i++)
        {
            (await host.PostSignedAsync(Payloads.ApplianceCreate.Path, DriftedBody())).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        host.Recorder.Deliveries.Count.ShouldBe(3);
        var logged = host.Logs.Entries.Where(IsDriftLog).ToList();
        logged.Count.ShouldBe(2);
        logged.ShouldAllBe(entry => entry.Level == LogLevel.Warning);
        logged.ShouldContain(entry => entry.Message.Contains("'data.applianceID'", StringComparison.Ordinal) && entry.Message.Contains("missing_required", StringComparison.Ordinal));
        logged.ShouldContain(entry => entry.Message.Contains("'time'", StringComparison.Ordinal) && entry.Message.Contains("nonstandard_date_time", StringComparison.Ordinal));
        host.Logs.AllText.ShouldNotContain(Marker);
        host.Logs.AllText.ShouldNotContain("1525109898");
    }

    [Fact]
    public async Task Malformed_JSON_and_a_body_that_is_not_an_object_stay_400_when_tolerant()
    {
        await using var host = await StartAsync();

        (await host.PostSignedAsync(Payloads.ApplianceCreate.Path, "{\"id\":"u8.ToArray())).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await host.PostSignedAsync(Payloads.ApplianceCreate.Path, "[1,2]"u8.ToArray())).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        host.Recorder.ShouldHaveNoDelivery();
    }
}
