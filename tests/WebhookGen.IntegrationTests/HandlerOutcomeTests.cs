using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Shouldly;
using WebhookGen.IntegrationTests.Infrastructure;
using WebhookGen.IntegrationTests.Receivers;
using Xunit;

namespace WebhookGen.IntegrationTests;

/// <summary>What the sender is told when a handler fails or asks to be called again.</summary>
public sealed class HandlerOutcomeTests
{
    [Fact]
    public async Task A_handler_that_throws_is_answered_500_without_the_exception()
    {
        await using var host = await ReceiverHost.StartAsync();
        host.Recorder.Behavior = HandlerBehavior.Throw;
        var body = Payloads.ComissioningDone.Sample();

        var response = await host.PostSignedAsync(Payloads.ComissioningDone.Path, body);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.InternalServerError);
        var answer = problem.GetRawText();
        answer.ShouldNotContain(host.Recorder.FailureMessage);
        answer.ShouldNotContain(nameof(HandlerFailureException));
        answer.ShouldNotContain(" at ");
        answer.ShouldNotContain(host.Secret!);
        answer.ShouldNotContain(Payloads.CustomerEmail);
        host.Recorder.ShouldHaveSingleDelivery().Handler.ShouldBe(Payloads.ComissioningDone.Handler);
    }

    [Fact]
    public async Task A_handler_failure_is_logged_with_its_exception_but_without_the_secret_or_the_body()
    {
        await using var host = await ReceiverHost.StartAsync();
        host.Recorder.Behavior = HandlerBehavior.Throw;
        var body = Payloads.ComissioningDone.Sample();
        var id = (string)body["id"]!;

        var response = await host.PostSignedAsync(Payloads.ComissioningDone.Path, body);

        await response.ShouldHaveStatusAsync(HttpStatusCode.InternalServerError);
        var error = host.Logs.Entries.Where(entry => entry.Level == LogLevel.Error).ShouldHaveSingleItem();
        error.Category.ShouldBe("WebhookGen.GridXReceiver");
        error.Message.ShouldContain("comissioning/done");
        error.Message.ShouldContain(id);
        error.Exception.ShouldNotBeNull().ShouldContain(host.Recorder.FailureMessage);

        var log = host.Logs.AllText;
        log.ShouldNotContain(host.Secret!);
        log.ShouldNotContain(body.ToJsonString(Payloads.Json));
        log.ShouldNotContain(Payloads.CustomerEmail);
        log.ShouldNotContain(Payloads.CustomerAddress);
    }

    [Fact]
    public async Task A_handler_failure_is_500_even_when_the_sender_does_not_accept_json()
    {
        await using var host = await ReceiverHost.StartAsync();
        host.Recorder.Behavior = HandlerBehavior.Throw;

        var response = await host.PostSignedAsync(Payloads.GatewayCreate.Path, Payloads.GatewayCreate.Sample(), request => request.Headers.Add("Accept", "text/html"));

        var answer = await response.ShouldHaveStatusAsync(HttpStatusCode.InternalServerError);
        answer.ShouldNotContain(host.Recorder.FailureMessage);
        host.Logs.Entries.Count(entry => entry.Level >= LogLevel.Error).ShouldBe(1, host.Logs.AllText);
    }

    [Fact]
    public async Task A_handler_that_asks_to_retry_later_is_answered_503_with_retry_after()
    {
        await using var host = await ReceiverHost.StartAsync();
        host.Recorder.Behavior = HandlerBehavior.RetryLater;

        var response = await host.PostSignedAsync(Payloads.InverterStatus.Path, Payloads.InverterStatus.Sample());

        await response.ShouldHaveStatusAsync(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldBe(System.TimeSpan.FromSeconds(30));
        response.Headers.GetValues("Retry-After").ShouldBe(["30"]);
        host.Recorder.ShouldHaveSingleDelivery().Handler.ShouldBe(Payloads.InverterStatus.Handler);
    }

    [Fact]
    public async Task Deliveries_are_logged_at_debug_level_with_their_event_id_only()
    {
        await using var host = await ReceiverHost.StartAsync();
        var body = Payloads.GatewayOffline.Sample();
        var id = (string)body["id"]!;

        var response = await host.PostSignedAsync(Payloads.GatewayOffline.Path, body);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var handled = host.Logs.Entries.Where(entry => entry.Category == "WebhookGen.GridXReceiver").ShouldHaveSingleItem();
        handled.Level.ShouldBe(LogLevel.Debug);
        handled.Message.ShouldContain(id);
        host.Logs.AllText.ShouldNotContain(Payloads.UserMail);
        host.Logs.AllText.ShouldNotContain(host.Secret!);
    }

    [Fact]
    public async Task A_handler_that_returns_a_default_result_is_answered_200()
    {
        // default(WebhookResult) is documented as Ok(); sent as is it would be the invalid status line "HTTP/1.1 0".
        await using var host = await ReceiverHost.StartAsync();
        host.Recorder.Behavior = HandlerBehavior.DefaultResult;

        var response = await host.PostSignedAsync(Payloads.GatewayCreate.Path, Payloads.GatewayCreate.Sample());

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        host.Recorder.ShouldHaveSingleDelivery();
    }
}
