using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Shouldly;
using WebhookGen.IntegrationTests.Infrastructure;
using WebhookGen.IntegrationTests.Receivers;
using WebhookGen.IntegrationTests.Schemes;
using Xunit;

namespace WebhookGen.IntegrationTests.Security;

/// <summary>
/// What a receiver logs when things go wrong: no configured secret in a handler's exception, no error or stack trace for
/// a client's broken upload (anyone can send one), a warning at start for a short secret, and a reload that would leave
/// the receiver without a valid secret keeps the last valid options instead of failing every delivery.
/// </summary>
public sealed class LogHygieneTests
{
    private static readonly GridXEvent Event = Payloads.ApplianceCreate;

    private static byte[] Body() => Encoding.UTF8.GetBytes(Event.Sample().ToJsonString(Payloads.Json));

    [Fact]
    public async Task A_handler_exception_is_logged_with_its_type_and_stack_but_never_the_secret()
    {
        await using var host = await ReceiverHost.StartAsync();
        host.Recorder.Behavior = HandlerBehavior.Throw;
        host.Recorder.FailureMessage = "could not reach the ledger with key " + host.Secret + " (timeout)";

        var response = await host.PostSignedAsync(Event.Path, Body());

        await response.ShouldHaveStatusAsync(HttpStatusCode.InternalServerError);
        var failure = host.Logs.Entries.Where(e => e.Level == LogLevel.Error).ShouldHaveSingleItem();
        failure.Exception.ShouldNotBeNull();
        failure.Exception.ShouldContain(typeof(HandlerFailureException).FullName!);
        failure.Exception.ShouldContain("could not reach the ledger with key [secret] (timeout)");
        failure.Exception.ShouldContain(nameof(GridXReceiver));
        host.Logs.AllText.ShouldNotContain(host.Secret!);
    }

    [Fact]
    public async Task A_body_cut_off_by_the_client_is_logged_at_debug_without_an_error()
    {
        await using var host = await ReceiverHost.StartAsync();

        using (var client = new TcpClient())
        {
            await client.ConnectAsync(host.BaseAddress.Host, host.BaseAddress.Port);
            var stream = client.GetStream();
            var head = $"POST {Event.Path} HTTP/1.1\r\nHost: {host.BaseAddress.Authority}\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{{\"type\":";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.FlushAsync();
            await Task.Delay(100);
        }

        var logged = await EventuallyAsync(() => host.Logs.Entries.Any(e => e.Category == "WebhookGen.GridXReceiver" && e.EventId.Id == 12));
        logged.ShouldBeTrue("the cut body is noticed and logged at debug");
        host.Logs.Entries.Where(e => e.Level >= LogLevel.Warning).ShouldBeEmpty();
        host.Logs.Entries.ShouldAllBe(e => e.Exception == null || e.Level <= LogLevel.Debug);
        host.Recorder.Deliveries.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("k", true)]
    [InlineData("fifteen-chars!!", true)]
    [InlineData("sixteen-chars!!!", false)]
    public async Task A_short_secret_gets_a_warning_at_start_that_never_shows_it(string secret, bool warned)
    {
        await using var host = await ReceiverHost.StartAsync(options => options.Secret = secret);

        var warnings = host.Logs.Entries.Where(e => e.Category == "WebhookGen.GridXReceiver" && e.EventId.Id == 13).ToList();
        warnings.Count.ShouldBe(warned ? 1 : 0, string.Join(" | ", warnings.Select(w => w.Category + ": " + w.Message)));
        if (warned)
        {
            warnings[0].Level.ShouldBe(LogLevel.Warning);
            warnings[0].Message.ShouldContain($"has {secret.Length} characters");
            warnings[0].Message.ShouldNotContain(secret);
        }
    }

    [Fact]
    public async Task A_reload_that_removes_the_secret_keeps_the_last_valid_options_and_says_why()
    {
        const string SecretKey = "Webhooks:GridXReceiver:Secret";
        var secret = "gridx-" + Guid.NewGuid().ToString("N");
        var configuration = new ReloadableConfiguration(new Dictionary<string, string?> { [SecretKey] = secret });
        await using var host = await ReceiverHost.StartAsync(options =>
        {
            options.Secret = null;
            options.AddConfiguration = builder => builder.Add(configuration);
        });
        (await PostAsync(host, secret)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The options monitor rebuilds the options in the reload's own callback, where their validation throws: this
        // source raises it to the caller, a file watcher would not. The receiver must carry on either way.
        Should.Throw<AggregateException>(() => configuration.Reload(new Dictionary<string, string?>()));
        var afterReload = await PostAsync(host, secret);
        var again = await PostAsync(host, secret);

        // Verified with the secret that was last valid; a duplicate would be answered 200 as well.
        await afterReload.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await again.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var error = host.Logs.Entries.Where(e => e.Category == "WebhookGen.GridXReceiver" && e.EventId.Id == 14).ShouldHaveSingleItem();
        error.Level.ShouldBe(LogLevel.Error);
        error.Message.ShouldContain("No signing secret is configured for GridXReceiver");
        host.Logs.AllText.ShouldNotContain(secret);
    }

    private static Task<System.Net.Http.HttpResponseMessage> PostAsync(ReceiverHost host, string secret)
    {
        var body = Body();
        return host.PostAsync(Event.Path, body, Signer.Sign(body, secret));
    }

    private static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }
}
