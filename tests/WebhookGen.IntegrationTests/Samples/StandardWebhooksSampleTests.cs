using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using StandardWebhooks.Receiver;
using WebhookGen.IntegrationTests.Infrastructure;
using WebhookGen.IntegrationTests.Schemes;
using Xunit;

namespace WebhookGen.IntegrationTests.Samples;

/// <summary>
/// The sample <c>samples/StandardWebhooks.Receiver</c>: its own <see cref="TallybookReceiver"/> and log lines, compiled
/// into this project (the csproj links them), mapped as its Program.cs maps them, on the default <c>POST /webhooks/</c>.
/// Each of the spec's three events, signed as Standard Webhooks, reaches its handler, which logs its typed fields.
/// </summary>
public sealed class StandardWebhooksSampleTests
{
    private const string Category = "StandardWebhooks.Receiver.TallybookReceiver";

    [Fact]
    public async Task Invoice_paid_is_logged_with_its_typed_fields()
    {
        var line = await DeliverAsync("msg_paid", """
            {"id":"evt_paid","type":"invoice.paid","timestamp":"2024-11-05T09:12:44Z","data":{"invoiceId":"inv_8Hc2Lq0Xr4",
            "customerId":"cus_5Tn7Wd2Ke1","amountDue":4900,"amountPaid":4900,"currency":"EUR","paidAt":"2024-11-05T09:12:41Z"}}
            """);

        line.EventId.Id.ShouldBe(1);
        line.Message.ShouldStartWith("invoice.paid: invoice inv_8Hc2Lq0Xr4 paid 4900 EUR at ");
        line.Message.ShouldContain("(message msg_paid)");
    }

    [Fact]
    public async Task Invoice_payment_failed_is_logged_with_its_typed_fields()
    {
        var line = await DeliverAsync("msg_failed", """
            {"id":"evt_failed","type":"invoice.payment_failed","timestamp":"2024-11-05T09:10:00Z","data":{"invoiceId":"inv_8Hc2Lq0Xr4",
            "customerId":"cus_5Tn7Wd2Ke1","amountDue":4900,"currency":"EUR","attempt":2,"failureCode":"insufficient_funds","nextAttemptAt":null}}
            """);

        line.EventId.Id.ShouldBe(2);
        line.Message.ShouldStartWith("invoice.payment_failed: invoice inv_8Hc2Lq0Xr4, attempt 2 failed with insufficient_funds, next attempt at (null)");
        line.Message.ShouldContain("(message msg_failed)");
    }

    [Fact]
    public async Task Subscription_canceled_is_logged_with_its_typed_fields()
    {
        var line = await DeliverAsync("msg_canceled", """
            {"id":"evt_canceled","type":"subscription.canceled","timestamp":"2024-11-05T08:00:00Z","data":{"subscriptionId":"sub_1Pq",
            "customerId":"cus_5Tn7Wd2Ke1","canceledAt":"2024-11-05T08:00:00Z","effectiveAt":"2024-11-30T23:59:59Z","reason":"customer_request"}}
            """);

        line.EventId.Id.ShouldBe(3);
        line.Message.ShouldStartWith("subscription.canceled: subscription sub_1Pq canceled (customer_request), access ends at ");
        line.Message.ShouldContain("(message msg_canceled)");
    }

    /// <summary>Starts the sample's receiver, posts <paramref name="json"/> signed now, expects 200 and returns the one line the handler logged.</summary>
    private static async Task<LogEntry> DeliverAsync(string webhookId, string json)
    {
        var secret = StandardWebhooksSigner.NewSecret();
        await using var host = await ReceiverHost.StartAsync(options =>
        {
            options.Idempotency = true;
            options.Configuration["Webhooks:TallybookReceiver:Secret"] = secret;
            options.AddServices = services => services.AddTallybookReceiver();
            options.Map = app => app.MapTallybookReceiver();
        });
        var body = Encoding.UTF8.GetBytes(json);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        using var request = ReceiverHost.CreateRequest("/webhooks/", body, signature: null);
        request.Set(StandardWebhooksSigner.IdHeader, webhookId);
        request.Set(StandardWebhooksSigner.TimestampHeader, SchemeSigners.Seconds(timestamp));
        request.Set(StandardWebhooksSigner.SignatureHeader, StandardWebhooksSigner.Header(webhookId, timestamp, body, [secret]));
        using var response = await host.Client.SendAsync(request);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        return host.Logs.Entries.Where(e => e.Category == Category).ShouldHaveSingleItem(host.Logs.AllText);
    }
}
