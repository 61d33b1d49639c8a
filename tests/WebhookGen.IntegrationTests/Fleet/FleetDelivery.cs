using System;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using WebhookGen.IntegrationTests.Schemes;

namespace WebhookGen.IntegrationTests.Fleet;

/// <summary>
/// One Tallybook event as a Standard Webhooks sender delivers it to the fleet: a fixed <c>webhook-id</c> and body, signed
/// afresh (a new <c>webhook-timestamp</c>) on every attempt, as senders sign each retry.
/// </summary>
public sealed class FleetDelivery
{
    private const string Path = "webhooks/";

    private FleetDelivery(string id, byte[] body)
    {
        Id = id;
        Body = body;
    }

    /// <summary>The <c>webhook-id</c>: <c>msg_{run}_{index}</c>; the receiver's <c>IdempotencyId</c>, so its handled-log key.</summary>
    public string Id { get; }

    public byte[] Body { get; }

    /// <summary>The <c>webhook-id</c> of delivery <paramref name="index"/> of run <paramref name="run"/>.</summary>
    public static string IdOf(string run, int index) => "msg_" + run + "_" + index.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>Delivery <paramref name="index"/>: the spec's three events in turn, each with its own event id.</summary>
    public static FleetDelivery Create(string run, int index)
    {
        var n = index.ToString(CultureInfo.InvariantCulture);
        var customer = "cus_" + (index % 997).ToString(CultureInfo.InvariantCulture);
        var json = (index % 3) switch
        {
            0 => $$$"""{"id":"evt_{{{n}}}","type":"invoice.paid","timestamp":"2024-11-05T09:12:44Z","data":{"invoiceId":"inv_{{{n}}}","customerId":"{{{customer}}}","amountDue":4900,"amountPaid":4900,"currency":"EUR","paidAt":"2024-11-05T09:12:41Z"}}""",
            1 => $$$"""{"id":"evt_{{{n}}}","type":"invoice.payment_failed","timestamp":"2024-11-05T09:10:00Z","data":{"invoiceId":"inv_{{{n}}}","customerId":"{{{customer}}}","amountDue":4900,"currency":"EUR","attempt":2,"failureCode":"insufficient_funds","nextAttemptAt":null}}""",
            _ => $$$"""{"id":"evt_{{{n}}}","type":"subscription.canceled","timestamp":"2024-11-05T08:00:00Z","data":{"subscriptionId":"sub_{{{n}}}","customerId":"{{{customer}}}","canceledAt":"2024-11-05T08:00:00Z","effectiveAt":"2024-11-30T23:59:59Z","reason":"customer_request"}}""",
        };
        return new FleetDelivery(IdOf(run, index), Encoding.UTF8.GetBytes(json));
    }

    /// <summary>A request of this delivery to <paramref name="receiver"/>'s <c>POST /webhooks/</c>, signed now with <paramref name="secret"/>.</summary>
    public HttpRequestMessage Sign(Uri receiver, string secret)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var content = new ByteArrayContent(Body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(receiver, Path)) { Content = content };
        request.Headers.TryAddWithoutValidation(StandardWebhooksSigner.IdHeader, Id);
        request.Headers.TryAddWithoutValidation(StandardWebhooksSigner.TimestampHeader, SchemeSigners.Seconds(timestamp));
        request.Headers.TryAddWithoutValidation(StandardWebhooksSigner.SignatureHeader, StandardWebhooksSigner.Header(Id, timestamp, Body, [secret]));
        return request;
    }
}
