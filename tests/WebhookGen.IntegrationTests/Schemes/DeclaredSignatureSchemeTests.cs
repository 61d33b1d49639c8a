using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using WebhookGen.IntegrationTests.Infrastructure;
using WebhookGen.IntegrationTests.Schemes.Freight;
using WebhookGen.Signatures;
using Xunit;

namespace WebhookGen.IntegrationTests.Schemes;

/// <summary>
/// A scheme no rule recognises, declared by <c>x-webhook-signature</c> in <c>specs/declared-signature/openapi.yaml</c>:
/// <c>X-Acme-Signature</c> is the base64 HMAC-SHA256 of <c>{X-Acme-Timestamp}:{body}</c> under the secret's UTF-8 bytes,
/// several separated by commas, with a tolerance of 600 s; <c>x-webhook-delivery-id</c> names <c>X-Acme-Delivery</c>.
/// A receiver written as <c>paths</c> under <c>/acme-freight</c>; 403 on failure, as its operations declare.
/// </summary>
public sealed class DeclaredSignatureSchemeTests : SignatureSchemeContract
{
    private const string Dispatched = "/acme-freight/shipments/dispatched";
    private const string Delivered = "/acme-freight/shipments/delivered";
    private const string Exception = "/acme-freight/shipments/exception";

    private static readonly Guid ShipmentId = Guid.Parse("0f8e2c1a-5b3d-4e6f-9a7b-1c2d3e4f5a6b");

    protected override string ReceiverName => nameof(DeclaredSignatureReceiver);

    protected override HttpStatusCode SignatureFailureStatus => HttpStatusCode.Forbidden;

    protected override TimeSpan SpecTolerance => TimeSpan.FromSeconds(600);

    protected override string SignatureHeader => AcmeSigner.SignatureHeader;

    protected override string SampleRoute => Dispatched;

    protected override string SampleHandler => nameof(DeclaredSignatureReceiver.OnShipmentDispatchedAsync);

    /// <summary>"Acme v2": hex, prefixed <c>v2=</c>, over <c>{timestamp}.{body}</c>.</summary>
    protected override WebhookSignatureScheme OverridingScheme => new()
    {
        HeaderName = AcmeSigner.SignatureHeader,
        SecretEncoding = SecretEncoding.Utf8,
        Encoding = SignatureEncoding.Hex,
        Prefix = "v2=",
        SignedContent = [SignedContentPart.Timestamp, SignedContentPart.Body],
        ContentSeparator = ".",
        TimestampHeaderName = AcmeSigner.TimestampHeader,
    };

    protected override string NewSecret() => AcmeSigner.NewSecret();

    protected override void AddReceiver(IServiceCollection services, Action<WebhookReceiverOptions>? configure) => services.AddDeclaredSignatureReceiver(configure);

    protected override void MapReceiver(WebApplication app) => app.MapDeclaredSignatureReceiver();

    protected override void Sign(HttpRequestMessage request, byte[] body, long timestamp, string deliveryId, IReadOnlyList<string> secrets)
    {
        request.Set(AcmeSigner.TimestampHeader, SchemeSigners.Seconds(timestamp));
        request.Set(AcmeSigner.DeliveryHeader, deliveryId);
        request.Set(AcmeSigner.SignatureHeader, AcmeSigner.Header(timestamp, body, secrets));
    }

    protected override void SignAsOverridingScheme(HttpRequestMessage request, byte[] body, long timestamp, string deliveryId, string secret)
    {
        request.Set(AcmeSigner.TimestampHeader, SchemeSigners.Seconds(timestamp));
        request.Set(AcmeSigner.DeliveryHeader, deliveryId);
        request.Set(AcmeSigner.SignatureHeader, "v2=" + Convert.ToHexStringLower(SchemeSigners.Mac(Encoding.UTF8.GetBytes(secret), SchemeSigners.Seconds(timestamp) + ".", body)));
    }

    /// <summary>The spec's bodies have no <c>id</c>: <paramref name="eventId"/> goes into the shipper's reference instead.</summary>
    protected override JsonObject SampleBody(string eventId) => new()
    {
        ["shipmentId"] = ShipmentId.ToString(),
        ["trackingNumber"] = "AF0012345678",
        ["reference"] = eventId,
        ["dispatchedAt"] = "2024-11-05T07:45:00+01:00",
        ["origin"] = new JsonObject { ["depot"] = "HAM-03", ["city"] = "Hamburg", ["country"] = "DE" },
        ["parcels"] = 3,
        ["estimatedDelivery"] = "2024-11-07",
    };

    protected override void ShouldBeSample(SchemeDelivery delivery, string eventId)
    {
        delivery.EventName.ShouldBe("shipmentDispatched");
        delivery.EventId.ShouldBeNull();
        var payload = delivery.Payload.ShouldBeOfType<ShipmentDispatched>();
        payload.ShipmentId.ShouldBe(ShipmentId);
        payload.TrackingNumber.ShouldBe("AF0012345678");
        payload.Reference.ShouldBe(eventId);
        payload.DispatchedAt.ShouldBe(new DateTimeOffset(2024, 11, 5, 7, 45, 0, TimeSpan.FromHours(1)));
        payload.Origin.Depot.ShouldBe("HAM-03");
        payload.Origin.City.ShouldBe("Hamburg");
        payload.Origin.Country.ShouldBe("DE");
        payload.Parcels.ShouldBe(3);
        payload.EstimatedDelivery.ShouldBe(new DateOnly(2024, 11, 7));
    }

    [Fact]
    public void The_generated_receiver_has_the_scheme_the_extension_declares_key_by_key()
    {
        var receiver = DeclaredSignatureReceiverWebhooks.Receiver;

        var scheme = receiver.SignatureScheme.ShouldNotBeNull();
        scheme.HeaderName.ShouldBe("X-Acme-Signature");
        scheme.Algorithm.ShouldBe(HmacAlgorithm.Sha256);
        scheme.Encoding.ShouldBe(SignatureEncoding.Base64);
        scheme.Prefix.ShouldBe(string.Empty);
        scheme.SignedContent.ShouldBe([SignedContentPart.Timestamp, SignedContentPart.Body]);
        scheme.ContentSeparator.ShouldBe(":");
        scheme.SignatureSeparator.ShouldBe(",");
        scheme.IdHeaderName.ShouldBeNull();
        scheme.TimestampHeaderName.ShouldBe("X-Acme-Timestamp");
        scheme.TimestampPrefix.ShouldBeNull();
        scheme.TimestampTolerance.ShouldBe(TimeSpan.FromSeconds(600));
        scheme.SecretEncoding.ShouldBe(SecretEncoding.Utf8);
        receiver.SignatureFailureStatusCode.ShouldBe(403);
        receiver.DeliveryIdHeader.ShouldBe("X-Acme-Delivery");
        receiver.DefaultRoutePrefix.ShouldBe("/acme-freight");
    }

    [Fact]
    public async Task A_timestamp_nine_minutes_old_is_within_the_declared_tolerance()
    {
        // Beyond the default 300 s: only the spec's 600 s accepts it.
        await using var host = await StartAsync();
        var eventId = NewEventId();

        var response = await PostSignedAsync(host, StyleBytes(SampleBody(eventId)), timestamp: host.Clock.UnixSeconds - 540);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        ShouldBeSample(host.ShouldHaveSingleDelivery(), eventId);
    }

    [Fact]
    public async Task Delivered_and_exception_reach_their_handlers_at_their_own_paths()
    {
        await using var host = await StartAsync();
        var delivered = new JsonObject
        {
            ["shipmentId"] = ShipmentId.ToString(),
            ["trackingNumber"] = "AF0012345678",
            ["deliveredAt"] = "2024-11-07T10:02:00Z",
            ["signedBy"] = "M. Mustermann",
            ["proofOfDeliveryUrl"] = "https://track.acme-freight.example/pod/AF0012345678",
        };
        var exception = new JsonObject
        {
            ["shipmentId"] = ShipmentId.ToString(),
            ["trackingNumber"] = "AF0012345678",
            ["occurredAt"] = "2024-11-06T18:30:00Z",
            ["kind"] = "customs_hold",
            ["location"] = new JsonObject { ["depot"] = "CPH-01", ["country"] = "DK" },
            ["newEstimatedDelivery"] = "2024-11-09",
        };

        var first = await PostSignedAsync(host, StyleBytes(delivered), route: Delivered);
        var second = await PostSignedAsync(host, StyleBytes(exception), route: Exception);

        await first.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await second.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var deliveries = host.Recorder.Deliveries;
        deliveries.Select(d => d.Handler).ShouldBe([nameof(DeclaredSignatureReceiver.OnShipmentDeliveredAsync), nameof(DeclaredSignatureReceiver.OnShipmentExceptionAsync)]);
        var d1 = deliveries[0].Payload.ShouldBeOfType<ShipmentDelivered>();
        d1.SignedBy.ShouldBe("M. Mustermann");
        d1.ProofOfDeliveryUrl.ShouldBe(new Uri("https://track.acme-freight.example/pod/AF0012345678"));
        var d2 = deliveries[1].Payload.ShouldBeOfType<ShipmentException>();
        d2.Kind.ShouldBe(ShipmentExceptionKind.CustomsHold);
        d2.Location.ShouldNotBeNull().Depot.ShouldBe("CPH-01");
        d2.NewEstimatedDelivery.ShouldBe(new DateOnly(2024, 11, 9));
    }

    [Fact]
    public async Task X_Acme_Delivery_labels_a_delivery_but_a_repeated_value_with_another_body_is_a_new_delivery()
    {
        // The scheme signs `{timestamp}:{body}`, not X-Acme-Delivery: the header cannot decide whether a delivery is new.
        await using var host = await StartAsync(idempotency: true);

        var first = await PostSignedAsync(host, StyleBytes(SampleBody("ref-1")), deliveryId: "4f6c0b8e-2d1a-4e55-9b7a-3c2d1e0f9a8b");
        var other = await PostSignedAsync(host, StyleBytes(SampleBody("ref-2")), deliveryId: "4f6c0b8e-2d1a-4e55-9b7a-3c2d1e0f9a8b");

        await first.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await other.ShouldHaveStatusAsync(HttpStatusCode.OK);
        host.Recorder.Deliveries.Select(d => ((ShipmentDispatched)d.Payload).Reference).ShouldBe(["ref-1", "ref-2"]);
        host.Recorder.Deliveries.ShouldAllBe(d => d.DeliveryId == "4f6c0b8e-2d1a-4e55-9b7a-3c2d1e0f9a8b");
        host.Recorder.Deliveries.ShouldAllBe(d => d.IdempotencyId != null && d.IdempotencyId.StartsWith("sha256:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_captured_body_replayed_under_new_delivery_ids_is_handled_once()
    {
        await using var host = await StartAsync(idempotency: true);
        var body = StyleBytes(SampleBody("ref-same"));

        var first = await PostSignedAsync(host, body, deliveryId: "delivery-one");
        var replay = await PostSignedAsync(host, body, deliveryId: "delivery-two");

        await first.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await replay.ShouldHaveStatusAsync(HttpStatusCode.OK);
        host.ShouldHaveSingleDelivery().DeliveryId.ShouldBe("delivery-one");
    }

    [Fact]
    public async Task A_delivery_without_its_timestamp_header_is_refused()
    {
        await using var host = await StartAsync();
        var body = StyleBytes(SampleBody(NewEventId()));

        var response = await host.PostAsync(Dispatched, body, request =>
        {
            Sign(request, body, host.Clock.UnixSeconds, "delivery-no-ts", [host.Setup.Secret]);
            request.Headers.Remove(AcmeSigner.TimestampHeader).ShouldBeTrue();
        });

        await response.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        host.ShouldHaveNoDelivery();
        host.ShouldHaveRejected(SignatureVerificationResult.Missing);
    }

    [Fact]
    public async Task The_separator_is_part_of_the_signed_content()
    {
        // Signed over "{timestamp}.{body}" (the common default) instead of the declared "{timestamp}:{body}".
        await using var host = await StartAsync();
        var body = StyleBytes(SampleBody(NewEventId()));
        var t = host.Clock.UnixSeconds;

        var response = await host.PostAsync(Dispatched, body, request =>
        {
            Sign(request, body, t, "delivery-dot", [host.Setup.Secret]);
            request.Set(AcmeSigner.SignatureHeader, Convert.ToBase64String(SchemeSigners.Mac(Encoding.UTF8.GetBytes(host.Setup.Secret), SchemeSigners.Seconds(t) + ".", body)));
        });

        await response.ShouldHaveStatusAsync(HttpStatusCode.Forbidden);
        host.ShouldHaveNoDelivery();
        host.ShouldHaveRejected(SignatureVerificationResult.Mismatch);
    }
}
