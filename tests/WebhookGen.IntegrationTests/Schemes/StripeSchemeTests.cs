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
using WebhookGen.IntegrationTests.Schemes.Payments;
using WebhookGen.Signatures;
using Xunit;

namespace WebhookGen.IntegrationTests.Schemes;

/// <summary>
/// Stripe's scheme, recognised from the <c>Stripe-Signature</c> header of <c>specs/stripe-style/openapi.yaml</c>: four
/// events at <c>POST /webhooks/</c> named by the event object's <c>type</c> (a discriminator mapping), signed
/// <c>t=&lt;seconds&gt;,v1=&lt;hex&gt;</c> over <c>{t}.{body}</c> with the secret's UTF-8 bytes, 401 on failure. The spec
/// names no delivery id header, so deliveries are deduplicated by the event's <c>id</c>.
/// </summary>
public sealed class StripeSchemeTests : SignatureSchemeContract
{
    private const string Route = "/webhooks/";

    protected override string ReceiverName => nameof(StripeStyleReceiver);

    protected override HttpStatusCode SignatureFailureStatus => HttpStatusCode.Unauthorized;

    protected override TimeSpan SpecTolerance => TimeSpan.FromMinutes(5);

    protected override string SignatureHeader => StripeSigner.HeaderName;

    protected override string SampleRoute => Route;

    protected override string SampleHandler => nameof(StripeStyleReceiver.OnPaymentIntentSucceededAsync);

    protected override WebhookSignatureScheme OverridingScheme => WebhookSignatureScheme.Hub("X-Hub-Signature-256", HmacAlgorithm.Sha256);

    protected override string NewSecret() => StripeSigner.NewSecret();

    protected override void AddReceiver(IServiceCollection services, Action<WebhookReceiverOptions>? configure) => services.AddStripeStyleReceiver(configure);

    protected override void MapReceiver(WebApplication app) => app.MapStripeStyleReceiver();

    protected override void Sign(HttpRequestMessage request, byte[] body, long timestamp, string deliveryId, IReadOnlyList<string> secrets) =>
        request.Set(StripeSigner.HeaderName, StripeSigner.Header(timestamp, body, secrets));

    protected override void SignAsOverridingScheme(HttpRequestMessage request, byte[] body, long timestamp, string deliveryId, string secret) =>
        request.Set("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(SchemeSigners.Mac(System.Text.Encoding.UTF8.GetBytes(secret), string.Empty, body)));

    protected override JsonObject SampleBody(string eventId) => PaymentIntentSucceeded(eventId);

    protected override void ShouldBeSample(SchemeDelivery delivery, string eventId)
    {
        delivery.EventName.ShouldBe("payment_intent.succeeded");
        delivery.EventId.ShouldBe(eventId);
        var payload = delivery.Payload.ShouldBeOfType<PaymentIntentSucceededEvent>();
        payload.Id.ShouldBe(eventId);
        payload.Type.ShouldBe("payment_intent.succeeded");
        payload.Object.ShouldBe(EventBaseObject.Event);
        payload.ApiVersion.ShouldBe("2024-10-01");
        payload.Created.ShouldBe(1730797960);
        payload.Livemode.ShouldBeFalse();
        payload.PendingWebhooks.ShouldBe(1);
        payload.Request.ShouldNotBeNull().Id.ShouldBe("req_Ab12Cd34");
        payload.Request.IdempotencyKey.ShouldBeNull();
        var intent = payload.Data.Object;
        intent.Id.ShouldBe("pi_3OaK8dL2yQkT0b1c0x1y2z3a");
        intent.Object.ShouldBe(PaymentIntentObject.PaymentIntent);
        intent.Amount.ShouldBe(2000);
        intent.AmountReceived.ShouldBe(2000);
        intent.Currency.ShouldBe("eur");
        intent.Customer.ShouldBe("cus_PzQ1aB2cD3eF4g");
        intent.Status.ShouldBe(PaymentIntentStatus.Succeeded);
        intent.LastPaymentError.ShouldBeNull();
        intent.Metadata.ShouldNotBeNull()["order_id"].ShouldBe("6735");
    }

    [Fact]
    public void The_generated_receiver_verifies_Stripe_signatures_and_names_no_delivery_id_header()
    {
        var receiver = StripeStyleReceiverWebhooks.Receiver;

        var scheme = receiver.SignatureScheme.ShouldNotBeNull();
        scheme.HeaderName.ShouldBe("Stripe-Signature");
        scheme.TimestampPrefix.ShouldBe("t=");
        scheme.TimestampHeaderName.ShouldBeNull();
        scheme.IdHeaderName.ShouldBeNull();
        scheme.SecretEncoding.ShouldBe(SecretEncoding.Utf8);
        scheme.Algorithm.ShouldBe(HmacAlgorithm.Sha256);
        scheme.Encoding.ShouldBe(SignatureEncoding.Hex);
        scheme.Prefix.ShouldBe("v1=");
        scheme.SignedContent.ShouldBe([SignedContentPart.Timestamp, SignedContentPart.Body]);
        scheme.ContentSeparator.ShouldBe(".");
        scheme.SignatureSeparator.ShouldBe(",");
        scheme.TimestampTolerance.ShouldBe(SpecTolerance);
        receiver.SignatureFailureStatusCode.ShouldBe(401);
        receiver.DeliveryIdHeader.ShouldBeNull();
    }

    [Fact]
    public async Task Payment_failed_refunded_and_customer_created_reach_their_handlers_on_the_same_route()
    {
        await using var host = await StartAsync();

        foreach (var body in new[] { PaymentIntentPaymentFailed("evt_pf"), ChargeRefunded("evt_cr"), CustomerCreated("evt_cc") })
        {
            var response = await PostSignedAsync(host, StyleBytes(body));
            await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }

        var deliveries = host.Recorder.Deliveries;
        deliveries.Select(d => d.Handler).ShouldBe(
        [
            nameof(StripeStyleReceiver.OnPaymentIntentPaymentFailedAsync),
            nameof(StripeStyleReceiver.OnChargeRefundedAsync),
            nameof(StripeStyleReceiver.OnCustomerCreatedAsync),
        ]);
        deliveries.Select(d => d.EventId).ShouldBe(["evt_pf", "evt_cr", "evt_cc"]);

        var failed = deliveries[0].Payload.ShouldBeOfType<PaymentIntentPaymentFailedEvent>().Data.Object;
        failed.Status.ShouldBe(PaymentIntentStatus.RequiresPaymentMethod);
        failed.LastPaymentError.ShouldNotBeNull().DeclineCode.ShouldBe("insufficient_funds");

        var refunded = deliveries[1].Payload.ShouldBeOfType<ChargeRefundedEvent>().Data;
        refunded.Object.AmountRefunded.ShouldBe(2000);
        refunded.Object.Refunded.ShouldBeTrue();
        refunded.PreviousAttributes.ShouldNotBeNull()["amount_refunded"].GetInt64().ShouldBe(0);

        var customer = deliveries[2].Payload.ShouldBeOfType<CustomerCreatedEvent>().Data.Object;
        customer.Email.ShouldBe("jenny.rosen@example.com");
        customer.Name.ShouldBeNull();
    }

    [Fact]
    public async Task A_verified_event_of_a_type_the_spec_does_not_list_is_acknowledged_without_a_handler()
    {
        await using var host = await StartAsync();
        var body = PaymentIntentSucceeded("evt_unknown");
        body["type"] = "payment_intent.created";

        var response = await PostSignedAsync(host, StyleBytes(body));

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        host.ShouldHaveNoDelivery();
        host.Host.Logs.Entries.ShouldContain(e => e.EventId.Id == Styles.StyleHosting.UnknownEventLogId && e.Message.Contains("'payment_intent.created'"));
    }

    [Fact]
    public async Task A_signed_body_naming_its_type_twice_is_refused_before_routing_or_reading()
    {
        // Routing would read the first `type` and the parser keep the last: one handler would get another event's data.
        await using var host = await StartAsync();
        var json = StyleBytes(PaymentIntentSucceeded("evt_two_types"));
        var text = System.Text.Encoding.UTF8.GetString(json);
        var twoTypes = System.Text.Encoding.UTF8.GetBytes(text.Insert(text.LastIndexOf('}'), ",\"type\":\"customer.created\""));

        var response = await PostSignedAsync(host, twoTypes);

        await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("The member 'type' appears twice in one object");
        host.ShouldHaveNoDelivery();
    }

    [Fact]
    public async Task A_retry_of_an_event_is_deduplicated_by_the_event_id_in_the_body()
    {
        // Stripe retries with the same event id and a new t= (so a new signature): the id is all that repeats.
        await using var host = await StartAsync(idempotency: true);
        var body = StyleBytes(PaymentIntentSucceeded("evt_retried"));

        var first = await PostSignedAsync(host, body, timestamp: host.Clock.UnixSeconds - 120);
        var retry = await PostSignedAsync(host, body, timestamp: host.Clock.UnixSeconds);

        await first.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await retry.ShouldHaveStatusAsync(HttpStatusCode.OK);
        host.ShouldHaveSingleDelivery().IdempotencyId.ShouldBe("evt_retried");
    }

    [Fact]
    public async Task A_v0_entry_beside_the_v1_signature_is_skipped()
    {
        await using var host = await StartAsync();
        var eventId = NewEventId();
        var body = StyleBytes(PaymentIntentSucceeded(eventId));
        var t = host.Clock.UnixSeconds;

        var response = await host.PostAsync(Route, body, request =>
            request.Set(StripeSigner.HeaderName, $"t={t},v0={new string('a', 64)},v1={StripeSigner.Mac(host.Setup.Secret, t, body)}"));

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        ShouldBeSample(host.ShouldHaveSingleDelivery(), eventId);
    }

    [Fact]
    public async Task The_signed_timestamp_cannot_be_replaced()
    {
        // t= is signed: a valid v1 moved under a fresher t no longer matches, so a stale delivery cannot be refreshed.
        await using var host = await StartAsync();
        var body = StyleBytes(PaymentIntentSucceeded(NewEventId()));
        var signedAt = host.Clock.UnixSeconds - 3600;

        var response = await host.PostAsync(Route, body, request =>
            request.Set(StripeSigner.HeaderName, $"t={host.Clock.UnixSeconds},v1={StripeSigner.Mac(host.Setup.Secret, signedAt, body)}"));

        await response.ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
        host.ShouldHaveNoDelivery();
        host.ShouldHaveRejected(SignatureVerificationResult.Mismatch);
    }

    [Fact]
    public async Task A_header_without_t_is_refused()
    {
        await using var host = await StartAsync();
        var body = StyleBytes(PaymentIntentSucceeded(NewEventId()));

        var response = await host.PostAsync(Route, body, request =>
            request.Set(StripeSigner.HeaderName, "v1=" + StripeSigner.Mac(host.Setup.Secret, host.Clock.UnixSeconds, body)));

        await response.ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
        host.ShouldHaveNoDelivery();
        host.ShouldHaveRejected(SignatureVerificationResult.Missing);
    }

    private static JsonObject Envelope(string eventId, string type, JsonObject data) => new()
    {
        ["id"] = eventId,
        ["object"] = "event",
        ["api_version"] = "2024-10-01",
        ["created"] = 1730797960,
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["request"] = new JsonObject { ["id"] = "req_Ab12Cd34", ["idempotency_key"] = null },
        ["type"] = type,
        ["data"] = data,
    };

    private static JsonObject PaymentIntent(string status, JsonObject? error) => new()
    {
        ["id"] = "pi_3OaK8dL2yQkT0b1c0x1y2z3a",
        ["object"] = "payment_intent",
        ["amount"] = 2000,
        ["amount_received"] = status == "succeeded" ? 2000 : 0,
        ["currency"] = "eur",
        ["customer"] = "cus_PzQ1aB2cD3eF4g",
        ["status"] = status,
        ["last_payment_error"] = error,
        ["metadata"] = new JsonObject { ["order_id"] = "6735" },
    };

    private static JsonObject PaymentIntentSucceeded(string eventId) =>
        Envelope(eventId, "payment_intent.succeeded", new JsonObject { ["object"] = PaymentIntent("succeeded", null) });

    private static JsonObject PaymentIntentPaymentFailed(string eventId) =>
        Envelope(eventId, "payment_intent.payment_failed", new JsonObject
        {
            ["object"] = PaymentIntent("requires_payment_method", new JsonObject { ["code"] = "card_declined", ["decline_code"] = "insufficient_funds", ["message"] = "Your card has insufficient funds." }),
        });

    private static JsonObject ChargeRefunded(string eventId) =>
        Envelope(eventId, "charge.refunded", new JsonObject
        {
            ["object"] = new JsonObject
            {
                ["id"] = "ch_3OaK8dL2yQkT0b1c1a2b3c4d",
                ["object"] = "charge",
                ["amount"] = 2000,
                ["amount_refunded"] = 2000,
                ["currency"] = "eur",
                ["payment_intent"] = "pi_3OaK8dL2yQkT0b1c0x1y2z3a",
                ["refunded"] = true,
            },
            ["previous_attributes"] = new JsonObject { ["amount_refunded"] = 0, ["refunded"] = false },
        });

    private static JsonObject CustomerCreated(string eventId) =>
        Envelope(eventId, "customer.created", new JsonObject
        {
            ["object"] = new JsonObject
            {
                ["id"] = "cus_PzQ1aB2cD3eF4g",
                ["object"] = "customer",
                ["created"] = 1730797950,
                ["email"] = "jenny.rosen@example.com",
                ["name"] = null,
            },
        });
}
