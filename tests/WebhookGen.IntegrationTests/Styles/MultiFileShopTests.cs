using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using WebhookGen.IntegrationTests.Infrastructure;
using WebhookGen.IntegrationTests.Receivers.Styles.Shop;
using WebhookGen.IntegrationTests.Schemes;
using Xunit;

namespace WebhookGen.IntegrationTests.Styles;

/// <summary>
/// <see cref="ShopReceiver"/>, generated from a spec spread over twelve files, over real HTTP: signed as the shared
/// parameters file declares (Standard Webhooks), dispatched by the body's <c>type</c>, typed from every file.
/// </summary>
public sealed class MultiFileShopTests
{
    private const string Route = "/webhooks/";
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_order_created_reaches_its_handler_typed_from_every_file()
    {
        await using var host = await StartAsync("Tolerant");

        var response = await PostAsync(host, Delivery("2"));

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var delivery = host.ShouldHaveSingleDelivery();
        delivery.Handler.ShouldBe(nameof(ShopReceiver.OnOrderCreatedAsync));
        var order = delivery.Payload.ShouldBeOfType<OrderCreatedEvent>().Data;
        order.Status.ShouldBe(OrderStatus.Paid);
        order.Customer.BillingAddress.ShouldNotBeNull().City.ShouldBe("Lyon");
        var line = order.Lines.ShouldHaveSingleItem();
        line.Quantity.ShouldBe(2);
        line.Price.Currency.ShouldBe(MoneyCurrency.Eur);
    }

    [Fact]
    public async Task A_member_of_the_wrong_type_from_a_schema_file_is_rejected_when_strict()
    {
        await using var host = await StartAsync("Strict");

        var response = await PostAsync(host, Delivery("\"two\""));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetRawText().ShouldContain("data.lines[0].quantity");
        host.ShouldHaveNoDelivery();
    }

    private static Task<SchemeHost> StartAsync(string payloadReading)
    {
        var secret = StandardWebhooksSigner.NewSecret();
        return SchemeHost.StartAsync(new SchemeHostSetup
        {
            ReceiverName = nameof(ShopReceiver),
            AddReceiver = (services, configure) => services.AddShopReceiver(configure),
            Map = app => app.MapShopReceiver(),
            Secret = secret,
            Clock = new FakeClock(Now),
            Configuration = new Dictionary<string, string?> { ["Webhooks:ShopReceiver:PayloadReading"] = payloadReading },
        });
    }

    private static Task<System.Net.Http.HttpResponseMessage> PostAsync(SchemeHost host, byte[] body) =>
        host.PostAsync(Route, body, request =>
        {
            var id = "msg_" + Guid.NewGuid().ToString("N");
            var timestamp = Now.ToUnixTimeSeconds();
            request.Set(StandardWebhooksSigner.IdHeader, id);
            request.Set(StandardWebhooksSigner.TimestampHeader, SchemeSigners.Seconds(timestamp));
            request.Set(StandardWebhooksSigner.SignatureHeader, StandardWebhooksSigner.Header(id, timestamp, body, [host.Setup.Secret]));
        });

    private static byte[] Delivery(string quantity) => Encoding.UTF8.GetBytes($$$"""
        {"type":"order.created","timestamp":"2026-11-30T10:00:00Z","data":{
          "id":"3fa85f64-5717-4562-b3fc-2c963f66afa6","status":"paid",
          "customer":{"id":"c1","email":"ada@example.test","billing_address":{"city":"Lyon","country":"FR"}},
          "lines":[{"sku":"tea","quantity":{{{quantity}}},"price":{"value":"9.90","currency":"EUR"}}]}}
        """);
}
