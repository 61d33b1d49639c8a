using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Shouldly;
using WebhookGen.IntegrationTests.Infrastructure;
using WebhookGen.IntegrationTests.Receivers;
using Xunit;

namespace WebhookGen.IntegrationTests.Idempotency;

/// <summary>Repeated deliveries of one event id over real HTTP, with the default in-memory store.</summary>
public sealed class IdempotencyTests
{
    private static Task<ReceiverHost> StartAsync(Action<ReceiverHostOptions>? configure = null) =>
        ReceiverHost.StartAsync(options =>
        {
            options.Idempotency = true;
            configure?.Invoke(options);
        });

    private static byte[] Body(GridXEvent evt) => Encoding.UTF8.GetBytes(evt.Sample().ToJsonString(Payloads.Json));

    [Fact]
    public async Task A_repeated_delivery_is_answered_200_without_calling_the_handler_again()
    {
        await using var host = await StartAsync();
        var body = Body(Payloads.ApplianceCreate);

        var first = await host.PostSignedAsync(Payloads.ApplianceCreate.Path, body);
        var second = await host.PostSignedAsync(Payloads.ApplianceCreate.Path, body);

        await first.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await second.ShouldHaveStatusAsync(HttpStatusCode.OK);
        host.Recorder.Deliveries.Count.ShouldBe(1);
        host.Logs.Entries.ShouldContain(entry => entry.Level == LogLevel.Information && entry.Message.Contains("repeated delivery", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Different_ids_are_each_handled()
    {
        await using var host = await StartAsync();

        (await host.PostSignedAsync(Payloads.ApplianceCreate.Path, Body(Payloads.ApplianceCreate))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await host.PostSignedAsync(Payloads.ApplianceCreate.Path, Body(Payloads.ApplianceCreate))).StatusCode.ShouldBe(HttpStatusCode.OK);

        host.Recorder.Deliveries.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_handler_that_throws_does_not_mark_the_event_so_the_retry_is_handled()
    {
        await using var host = await StartAsync();
        var body = Body(Payloads.GatewayCreate);
        host.Recorder.Behavior = HandlerBehavior.Throw;

        var failed = await host.PostSignedAsync(Payloads.GatewayCreate.Path, body);
        host.Recorder.Behavior = HandlerBehavior.Ok;
        var retried = await host.PostSignedAsync(Payloads.GatewayCreate.Path, body);
        var repeated = await host.PostSignedAsync(Payloads.GatewayCreate.Path, body);

        await failed.ShouldHaveStatusAsync(HttpStatusCode.InternalServerError);
        await retried.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await repeated.ShouldHaveStatusAsync(HttpStatusCode.OK);
        host.Recorder.Deliveries.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Retry_later_does_not_mark_the_event()
    {
        await using var host = await StartAsync();
        var body = Body(Payloads.InverterStatus);
        host.Recorder.Behavior = HandlerBehavior.RetryLater;

        var later = await host.PostSignedAsync(Payloads.InverterStatus.Path, body);
        var again = await host.PostSignedAsync(Payloads.InverterStatus.Path, body);
        host.Recorder.Behavior = HandlerBehavior.Ok;
        var handled = await host.PostSignedAsync(Payloads.InverterStatus.Path, body);
        var repeated = await host.PostSignedAsync(Payloads.InverterStatus.Path, body);

        await later.ShouldHaveStatusAsync(HttpStatusCode.ServiceUnavailable);
        await again.ShouldHaveStatusAsync(HttpStatusCode.ServiceUnavailable);
        await handled.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await repeated.ShouldHaveStatusAsync(HttpStatusCode.OK);
        host.Recorder.Deliveries.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Twenty_parallel_identical_deliveries_call_the_handler_exactly_once()
    {
        await using var host = await StartAsync();
        var body = Body(Payloads.EvPlugged);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => host.PostSignedAsync(Payloads.EvPlugged.Path, body)));

        host.Recorder.Deliveries.Count.ShouldBe(1);
        responses.ShouldAllBe(response => response.StatusCode == HttpStatusCode.OK || response.StatusCode == HttpStatusCode.Conflict);
        foreach (var conflict in responses.Where(response => response.StatusCode == HttpStatusCode.Conflict))
        {
            conflict.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldBe(TimeSpan.FromSeconds(5));
        }

        // Once the first is done, a retry of any of them is acknowledged.
        (await host.PostSignedAsync(Payloads.EvPlugged.Path, body)).StatusCode.ShouldBe(HttpStatusCode.OK);
        host.Recorder.Deliveries.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_configured_header_that_the_signature_does_not_cover_is_refused_at_start()
    {
        // gridX signs the body alone: a header named here would let a captured delivery be replayed under a new value.
        var exception = await Should.ThrowAsync<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            StartAsync(options => options.Configuration["Webhooks:GridXReceiver:Idempotency:IdHeader"] = "X-Delivery"));

        exception.Message.ShouldContain("'Webhooks:GridXReceiver:Idempotency:IdHeader' names 'X-Delivery', which the signature of GridXReceiver does not cover");
    }

    [Fact]
    public async Task A_signed_body_replayed_under_other_unsigned_headers_is_handled_once()
    {
        await using var host = await StartAsync();
        var body = Body(Payloads.ApplianceOnline);

        var responses = new List<HttpResponseMessage>();
        foreach (var label in new[] { "d1", "d2", null })
        {
            responses.Add(await host.PostSignedAsync(Payloads.ApplianceOnline.Path, body, request =>
            {
                if (label is not null)
                {
                    request.Headers.Add("X-Delivery", label);
                }
            }));
        }

        responses.ShouldAllBe(response => response.StatusCode == HttpStatusCode.OK);
        host.Recorder.Deliveries.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Deduplication_can_be_turned_off_in_configuration()
    {
        await using var host = await StartAsync(options => options.Configuration["Webhooks:GridXReceiver:Idempotency:Enabled"] = "false");
        var body = Body(Payloads.GatewayOnline);

        (await host.PostSignedAsync(Payloads.GatewayOnline.Path, body)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await host.PostSignedAsync(Payloads.GatewayOnline.Path, body)).StatusCode.ShouldBe(HttpStatusCode.OK);

        host.Recorder.Deliveries.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_delivery_that_fails_its_signature_reserves_nothing()
    {
        await using var host = await StartAsync();
        var body = Body(Payloads.GatewayOffline);

        (await host.PostAsync(Payloads.GatewayOffline.Path, body, Signer.Sign(body, "wrong-secret"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await host.PostSignedAsync(Payloads.GatewayOffline.Path, body)).StatusCode.ShouldBe(HttpStatusCode.OK);

        host.Recorder.Deliveries.Count.ShouldBe(1);
    }
}
