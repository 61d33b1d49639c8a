using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using WebhookGen.IntegrationTests.Infrastructure;
using WebhookGen.IntegrationTests.Schemes.Billing;
using WebhookGen.Signatures;
using Xunit;

namespace WebhookGen.IntegrationTests.Schemes;

/// <summary>
/// Standard Webhooks, recognised from the headers <c>specs/standard-webhooks/openapi.yaml</c> declares: three events at
/// <c>POST /webhooks/</c> named by the body's <c>type</c>, signed <c>webhook-signature: v1,&lt;base64&gt;</c> over
/// <c>{webhook-id}.{webhook-timestamp}.{body}</c> with a <c>whsec_</c> secret, 401 on failure, deduplicated by
/// <c>webhook-id</c>.
/// </summary>
public sealed class StandardWebhooksSchemeTests : SignatureSchemeContract
{
    private const string Route = "/webhooks/";

    protected override string ReceiverName => nameof(StandardWebhooksReceiver);

    protected override HttpStatusCode SignatureFailureStatus => HttpStatusCode.Unauthorized;

    protected override TimeSpan SpecTolerance => TimeSpan.FromMinutes(5);

    protected override string SignatureHeader => StandardWebhooksSigner.SignatureHeader;

    protected override string SampleRoute => Route;

    protected override string SampleHandler => nameof(StandardWebhooksReceiver.OnInvoicePaidAsync);

    protected override WebhookSignatureScheme OverridingScheme => WebhookSignatureScheme.StandardWebhooks("svix-signature", "svix-id", "svix-timestamp");

    protected override string NewSecret() => StandardWebhooksSigner.NewSecret();

    protected override void AddReceiver(IServiceCollection services, Action<WebhookReceiverOptions>? configure) => services.AddStandardWebhooksReceiver(configure);

    protected override void MapReceiver(WebApplication app) => app.MapStandardWebhooksReceiver();

    protected override void Sign(HttpRequestMessage request, byte[] body, long timestamp, string deliveryId, IReadOnlyList<string> secrets)
    {
        request.Set(StandardWebhooksSigner.IdHeader, deliveryId);
        request.Set(StandardWebhooksSigner.TimestampHeader, SchemeSigners.Seconds(timestamp));
        request.Set(StandardWebhooksSigner.SignatureHeader, StandardWebhooksSigner.Header(deliveryId, timestamp, body, secrets));
    }

    protected override void SignAsOverridingScheme(HttpRequestMessage request, byte[] body, long timestamp, string deliveryId, string secret)
    {
        request.Set("svix-id", deliveryId);
        request.Set("svix-timestamp", SchemeSigners.Seconds(timestamp));
        request.Set("svix-signature", StandardWebhooksSigner.Header(deliveryId, timestamp, body, [secret]));
    }

    protected override JsonObject SampleBody(string eventId) => InvoicePaid(eventId);

    protected override void ShouldBeSample(SchemeDelivery delivery, string eventId)
    {
        delivery.EventName.ShouldBe("invoice.paid");
        delivery.EventId.ShouldBe(eventId);
        var payload = delivery.Payload.ShouldBeOfType<InvoicePaidEvent>();
        payload.Id.ShouldBe(eventId);
        payload.Type.ShouldBe(InvoicePaidEventType.InvoicePaid);
        payload.Timestamp.ShouldBe(new DateTimeOffset(2024, 11, 5, 9, 12, 44, TimeSpan.Zero));
        payload.Data.InvoiceId.ShouldBe("inv_8Hc2Lq0Xr4");
        payload.Data.CustomerId.ShouldBe("cus_5Tn7Wd2Ke1");
        payload.Data.AmountDue.ShouldBe(4900);
        payload.Data.AmountPaid.ShouldBe(4900);
        payload.Data.Currency.ShouldBe("EUR");
        payload.Data.PaidAt.ShouldBe(new DateTimeOffset(2024, 11, 5, 9, 12, 41, TimeSpan.Zero));
    }

    [Fact]
    public void The_generated_receiver_verifies_Standard_Webhooks_and_deduplicates_by_webhook_id()
    {
        var receiver = StandardWebhooksReceiverWebhooks.Receiver;

        var scheme = receiver.SignatureScheme.ShouldNotBeNull();
        scheme.HeaderName.ShouldBe("webhook-signature");
        scheme.IdHeaderName.ShouldBe("webhook-id");
        scheme.TimestampHeaderName.ShouldBe("webhook-timestamp");
        scheme.TimestampPrefix.ShouldBeNull();
        scheme.SecretEncoding.ShouldBe(SecretEncoding.WhsecBase64);
        scheme.Algorithm.ShouldBe(HmacAlgorithm.Sha256);
        scheme.Encoding.ShouldBe(SignatureEncoding.Base64);
        scheme.Prefix.ShouldBe("v1,");
        scheme.SignedContent.ShouldBe([SignedContentPart.Id, SignedContentPart.Timestamp, SignedContentPart.Body]);
        scheme.ContentSeparator.ShouldBe(".");
        scheme.SignatureSeparator.ShouldBe(" ");
        scheme.TimestampTolerance.ShouldBe(SpecTolerance);
        receiver.SignatureFailureStatusCode.ShouldBe(401);
        receiver.DeliveryIdHeader.ShouldBe("webhook-id");
    }

    [Fact]
    public async Task Invoice_payment_failed_reaches_its_handler_with_typed_values()
    {
        await using var host = await StartAsync();
        var body = new JsonObject
        {
            ["id"] = "evt_failed_1",
            ["type"] = "invoice.payment_failed",
            ["timestamp"] = "2024-11-05T09:10:00Z",
            ["data"] = new JsonObject
            {
                ["invoiceId"] = "inv_8Hc2Lq0Xr4",
                ["customerId"] = "cus_5Tn7Wd2Ke1",
                ["amountDue"] = 4900,
                ["currency"] = "EUR",
                ["attempt"] = 2,
                ["failureCode"] = "insufficient_funds",
                ["nextAttemptAt"] = null,
            },
        };

        var response = await PostSignedAsync(host, StyleBytes(body));

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var delivery = host.ShouldHaveSingleDelivery();
        delivery.Handler.ShouldBe(nameof(StandardWebhooksReceiver.OnInvoicePaymentFailedAsync));
        var payload = delivery.Payload.ShouldBeOfType<InvoicePaymentFailedEvent>();
        payload.Type.ShouldBe(InvoicePaymentFailedEventType.InvoicePaymentFailed);
        payload.Data.Attempt.ShouldBe(2);
        payload.Data.FailureCode.ShouldBe(FailedPaymentFailureCode.InsufficientFunds);
        payload.Data.NextAttemptAt.ShouldBeNull();
        payload.Data.FailureMessage.ShouldBeNull();
    }

    [Fact]
    public async Task Subscription_canceled_reaches_its_handler_with_typed_values()
    {
        await using var host = await StartAsync();
        var body = new JsonObject
        {
            ["id"] = "evt_canceled_1",
            ["type"] = "subscription.canceled",
            ["timestamp"] = "2024-11-05T08:00:00Z",
            ["data"] = new JsonObject
            {
                ["subscriptionId"] = "sub_1Pq",
                ["customerId"] = "cus_5Tn7Wd2Ke1",
                ["canceledAt"] = "2024-11-05T08:00:00Z",
                ["effectiveAt"] = "2024-11-30T23:59:59Z",
                ["reason"] = "customer_request",
                ["comment"] = "Moving to the yearly plan",
            },
        };

        var response = await PostSignedAsync(host, StyleBytes(body));

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var delivery = host.ShouldHaveSingleDelivery();
        delivery.Handler.ShouldBe(nameof(StandardWebhooksReceiver.OnSubscriptionCanceledAsync));
        var payload = delivery.Payload.ShouldBeOfType<SubscriptionCanceledEvent>();
        payload.Data.Reason.ShouldBe(CanceledSubscriptionReason.CustomerRequest);
        payload.Data.EffectiveAt.ShouldBe(new DateTimeOffset(2024, 11, 30, 23, 59, 59, TimeSpan.Zero));
        payload.Data.Comment.ShouldBe("Moving to the yearly plan");
    }

    [Fact]
    public async Task A_repeated_webhook_id_is_handled_once_even_with_another_event_id_in_the_body()
    {
        await using var host = await StartAsync(idempotency: true);

        var first = await PostSignedAsync(host, StyleBytes(InvoicePaid("evt_first")), deliveryId: "msg_repeated");
        var repeat = await PostSignedAsync(host, StyleBytes(InvoicePaid("evt_second")), deliveryId: "msg_repeated");

        await first.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await repeat.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var delivery = host.ShouldHaveSingleDelivery();
        delivery.EventId.ShouldBe("evt_first");
        delivery.IdempotencyId.ShouldBe("msg_repeated");
    }

    [Fact]
    public async Task The_same_event_id_under_two_webhook_ids_is_handled_twice()
    {
        // The spec designates webhook-id as the delivery's id: it wins over the event's id in the body.
        await using var host = await StartAsync(idempotency: true);

        var first = await PostSignedAsync(host, StyleBytes(InvoicePaid("evt_same")), deliveryId: "msg_one");
        var second = await PostSignedAsync(host, StyleBytes(InvoicePaid("evt_same")), deliveryId: "msg_two");

        await first.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await second.ShouldHaveStatusAsync(HttpStatusCode.OK);
        host.Recorder.Deliveries.Select(d => d.IdempotencyId).ShouldBe(["msg_one", "msg_two"]);
    }

    [Fact]
    public async Task A_secret_configured_without_the_whsec_prefix_is_the_same_key()
    {
        var key = SchemeSigners.RandomBase64(24);
        await using var host = await StartAsync(secret: key);
        var eventId = NewEventId();

        var response = await PostSignedAsync(host, StyleBytes(InvoicePaid(eventId)), secrets: ["whsec_" + key]);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        ShouldBeSample(host.ShouldHaveSingleDelivery(), eventId);
    }

    [Fact]
    public async Task Signatures_of_another_version_are_skipped()
    {
        // v1a is Standard Webhooks' asymmetric signature: not one this receiver verifies, and not a reason to refuse.
        await using var host = await StartAsync();
        var eventId = NewEventId();
        var body = StyleBytes(InvoicePaid(eventId));

        var response = await host.PostAsync(Route, body, request =>
        {
            Sign(request, body, host.Clock.UnixSeconds, "msg_v1a", [host.Setup.Secret]);
            var v1 = request.Headers.GetValues(StandardWebhooksSigner.SignatureHeader).Single();
            request.Set(StandardWebhooksSigner.SignatureHeader, "v1a," + SchemeSigners.RandomBase64(64) + " " + v1);
        });

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        ShouldBeSample(host.ShouldHaveSingleDelivery(), eventId);
    }

    [Fact]
    public async Task The_signed_webhook_id_cannot_be_swapped()
    {
        // The id is signed: a valid signature moved onto another webhook-id no longer matches.
        await using var host = await StartAsync();
        var body = StyleBytes(InvoicePaid(NewEventId()));

        var response = await host.PostAsync(Route, body, request =>
        {
            Sign(request, body, host.Clock.UnixSeconds, "msg_signed", [host.Setup.Secret]);
            request.Set(StandardWebhooksSigner.IdHeader, "msg_swapped");
        });

        await response.ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
        host.ShouldHaveNoDelivery();
        host.ShouldHaveRejected(SignatureVerificationResult.Mismatch);
    }

    [Fact]
    public async Task TimestampTolerance_applies_to_a_scheme_set_in_code_too()
    {
        await using var host = await StartAsync(configure: o =>
        {
            o.UseSignatureScheme(OverridingScheme);
            o.TimestampTolerance = TimeSpan.FromSeconds(30);
        });
        var body = StyleBytes(InvoicePaid(NewEventId()));

        var beyond = await host.PostAsync(Route, body, request => SignAsOverridingScheme(request, body, host.Clock.UnixSeconds - 31, "msg_a", host.Setup.Secret));
        var atEdge = await host.PostAsync(Route, body, request => SignAsOverridingScheme(request, body, host.Clock.UnixSeconds - 30, "msg_b", host.Setup.Secret));

        await beyond.ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
        await atEdge.ShouldHaveStatusAsync(HttpStatusCode.OK);
        host.ShouldHaveSingleDelivery();
        host.ShouldHaveRejected(SignatureVerificationResult.TimestampOutOfRange);
    }

    [Fact]
    public async Task With_a_scheme_set_in_code_Idempotency_IdHeader_names_its_id_header()
    {
        // The spec designates webhook-id; a sender switched to Svix's headers in code is deduplicated by svix-id once
        // Idempotency:IdHeader says so.
        await using var host = await StartAsync(
            configure: o => o.UseSignatureScheme(OverridingScheme),
            configuration: new Dictionary<string, string?> { [$"Webhooks:{ReceiverName}:Idempotency:IdHeader"] = "svix-id" },
            idempotency: true);

        foreach (var eventId in new[] { "evt_first", "evt_second" })
        {
            var body = StyleBytes(InvoicePaid(eventId));
            var response = await host.PostAsync(Route, body, request => SignAsOverridingScheme(request, body, host.Clock.UnixSeconds, "msg_svix", host.Setup.Secret));
            await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }

        host.ShouldHaveSingleDelivery().IdempotencyId.ShouldBe("msg_svix");
    }

    [Fact]
    public async Task A_scheme_set_in_code_brings_its_id_header_for_deduplication()
    {
        await using var host = await StartAsync(configure: o => o.UseSignatureScheme(OverridingScheme), idempotency: true);

        foreach (var eventId in new[] { "evt_first", "evt_second" })
        {
            var body = StyleBytes(InvoicePaid(eventId));
            var response = await host.PostAsync(Route, body, request => SignAsOverridingScheme(request, body, host.Clock.UnixSeconds, "msg_svix", host.Setup.Secret));
            await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }

        host.ShouldHaveSingleDelivery().IdempotencyId.ShouldBe("msg_svix");
    }

    private static JsonObject InvoicePaid(string eventId) => new()
    {
        ["id"] = eventId,
        ["type"] = "invoice.paid",
        ["timestamp"] = "2024-11-05T09:12:44Z",
        ["data"] = new JsonObject
        {
            ["invoiceId"] = "inv_8Hc2Lq0Xr4",
            ["customerId"] = "cus_5Tn7Wd2Ke1",
            ["amountDue"] = 4900,
            ["amountPaid"] = 4900,
            ["currency"] = "EUR",
            ["paidAt"] = "2024-11-05T09:12:41Z",
        },
    };
}
