using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using StandardWebhooks.Receiver;
using WebhookGen.IntegrationTests.Infrastructure;
using WebhookGen.IntegrationTests.Receivers;
using WebhookGen.IntegrationTests.Schemes;
using Xunit;

namespace WebhookGen.IntegrationTests.TestKit;

/// <summary>
/// The generated sample events (<c>{Receiver}Examples</c>) are valid for their spec: each one, sent by the generated
/// sender, is accepted and reaches its own handler, on a route of its own (gridX) and on one route told apart by the
/// body's <c>type</c> (the Standard Webhooks sample).
/// </summary>
public sealed class GeneratedExamplesTests
{
    [Fact]
    public async Task Every_gridX_example_sent_by_the_sender_reaches_its_handler()
    {
        await using var host = await ReceiverHost.StartAsync();
        var sender = new GridXReceiverSender(host.Client, host.Secret!);

        var responses = new[]
        {
            await sender.SendApplianceCreateAsync(GridXReceiverExamples.ApplianceCreate()),
            await sender.SendApplianceOfflineAsync(GridXReceiverExamples.ApplianceOffline()),
            await sender.SendApplianceOnlineAsync(GridXReceiverExamples.ApplianceOnline()),
            await sender.SendInverterStatusAsync(GridXReceiverExamples.InverterStatus()),
            await sender.SendGatewayCreateAsync(GridXReceiverExamples.GatewayCreate()),
            await sender.SendGatewayOfflineAsync(GridXReceiverExamples.GatewayOffline()),
            await sender.SendGatewayOnlineAsync(GridXReceiverExamples.GatewayOnline()),
            await sender.SendEvPluggedAsync(GridXReceiverExamples.EvPlugged()),
            await sender.SendComissioningDoneAsync(GridXReceiverExamples.ComissioningDone()),
        };

        await ShouldAllBeOkAsync(responses);
        host.Recorder.Deliveries.Select(d => d.Handler).Distinct().Count().ShouldBe(9, "each example reached its own handler");
    }

    [Fact]
    public async Task Every_standard_webhooks_example_is_dispatched_by_its_type_to_its_handler()
    {
        var secret = StandardWebhooksSigner.NewSecret();
        await using var host = await ReceiverHost.StartAsync(options =>
        {
            options.Idempotency = true;
            options.Configuration["Webhooks:TallybookReceiver:Secret"] = secret;
            options.AddServices = services => services.AddTallybookReceiver();
            options.Map = app => app.MapTallybookReceiver();
        });
        var sender = new TallybookReceiverSender(host.Client, secret);

        var responses = new[]
        {
            await sender.SendInvoicePaidAsync(TallybookReceiverExamples.InvoicePaid()),
            await sender.SendInvoicePaymentFailedAsync(TallybookReceiverExamples.InvoicePaymentFailed()),
            await sender.SendSubscriptionCanceledAsync(TallybookReceiverExamples.SubscriptionCanceled()),
        };

        await ShouldAllBeOkAsync(responses);
        host.Logs.Entries.Where(e => e.Category == "StandardWebhooks.Receiver.TallybookReceiver").Select(e => e.EventId.Id)
            .ShouldBe([1, 2, 3], ignoreOrder: true, "each example reached its own handler, which logs its own event id");
    }

    private static async Task ShouldAllBeOkAsync(HttpResponseMessage[] responses)
    {
        foreach (var response in responses)
        {
            using (response)
            {
                response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            }
        }
    }
}
