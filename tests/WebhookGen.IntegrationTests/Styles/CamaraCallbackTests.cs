using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using WebhookGen.IntegrationTests.Infrastructure;
using WebhookGen.IntegrationTests.Receivers;
using WebhookGen.IntegrationTests.Receivers.Styles.Camara;
using WebhookGen.Signatures;
using Xunit;

namespace WebhookGen.IntegrationTests.Styles;

/// <summary>
/// An OpenAPI 3.0 callback whose body has a discriminator mapping
/// (<c>specs/camara-device-roaming-status/device-roaming-status-subscriptions.yaml</c>): the callback URL is
/// <c>{$request.body#/sink}</c>, so the route is the prefix itself (<c>POST /webhooks/</c>), and the CloudEvent's
/// <c>type</c> names one of five events. The body is <c>application/cloudevents+json</c>. The spec declares 403 for
/// the callback, so a failed signature is 403; the scheme itself is set in code.
/// </summary>
public sealed class CamaraCallbackTests : SharedRouteContract
{
    private const string TypePrefix = "org.camaraproject.device-roaming-status-subscriptions.v0.";
    private const string Source = "https://notificationSendServer12.supertelco.com";
    private const string SubscriptionId = "qs15-h556-rt89-1298";

    private static readonly StyleSignature HmacSha512 = new("X-Camara-Signature", HmacAlgorithm.Sha512);
    private static readonly DateTimeOffset Time = new(2023, 1, 17, 13, 18, 23, 682, TimeSpan.Zero);

    protected override string ReceiverName => nameof(CamaraRoamingReceiver);

    protected override StyleSignature Signature => HmacSha512;

    protected override HttpStatusCode SignatureFailureStatus => HttpStatusCode.Forbidden;

    protected override string SharedRoute => "/webhooks/";

    protected override string KnownEventValue => TypePrefix + "roaming-status";

    protected override string KnownEventHandler => nameof(CamaraRoamingReceiver.OnRoamingStatusAsync);

    protected override Task<ReceiverHost> StartAsync(Action<ReceiverHostOptions>? configure = null) =>
        StyleHosting.StartAsync(
            ReceiverName,
            services => services.AddCamaraRoamingReceiver(options => options.UseSignatureVerifier(HmacSha512.CreateVerifier())),
            app => app.MapCamaraRoamingReceiver(),
            configure);

    protected override (JsonObject Body, Action<HttpRequestMessage>? Configure) SampleDelivery(string? eventValue)
    {
        var body = RoamingStatusEvent();
        if (eventValue is null)
        {
            body.Remove("type");
        }
        else
        {
            body["type"] = eventValue;
        }

        return (body, AsCloudEvent);
    }

    [Fact]
    public async Task Roaming_status_reaches_its_handler_with_typed_values()
    {
        var delivery = await DeliverCloudEventAsync(RoamingStatusEvent(), nameof(CamaraRoamingReceiver.OnRoamingStatusAsync), "roaming-status");

        var payload = delivery.Payload.ShouldBeOfType<EventRoamingStatus>();
        payload.Type.ShouldBe(EventTypeNotification.OrgCamaraprojectDeviceRoamingStatusSubscriptionsV0RoamingStatus);
        ShouldBeSampleEnvelope(payload, delivery);
    }

    [Fact]
    public async Task Roaming_on_reaches_its_handler_with_typed_values()
    {
        var delivery = await DeliverCloudEventAsync(Event("roaming-on", BasicData()), nameof(CamaraRoamingReceiver.OnRoamingOnAsync), "roaming-on");

        var payload = delivery.Payload.ShouldBeOfType<EventRoamingOn>();
        payload.Type.ShouldBe(EventTypeNotification.OrgCamaraprojectDeviceRoamingStatusSubscriptionsV0RoamingOn);
        ShouldBeSampleEnvelope(payload, delivery);
    }

    [Fact]
    public async Task Roaming_off_reaches_its_handler_with_typed_values()
    {
        var delivery = await DeliverCloudEventAsync(Event("roaming-off", BasicData()), nameof(CamaraRoamingReceiver.OnRoamingOffAsync), "roaming-off");

        var payload = delivery.Payload.ShouldBeOfType<EventRoamingOff>();
        payload.Type.ShouldBe(EventTypeNotification.OrgCamaraprojectDeviceRoamingStatusSubscriptionsV0RoamingOff);
        ShouldBeSampleEnvelope(payload, delivery);
    }

    [Fact]
    public async Task Roaming_change_country_reaches_its_handler_with_typed_values()
    {
        var data = BasicData();
        data["countryCode"] = 208;
        data["countryName"] = new JsonArray("FR");

        var delivery = await DeliverCloudEventAsync(Event("roaming-change-country", data), nameof(CamaraRoamingReceiver.OnRoamingChangeCountryAsync), "roaming-change-country");

        var payload = delivery.Payload.ShouldBeOfType<EventRoamingChangeCountry>();
        payload.Type.ShouldBe(EventTypeNotification.OrgCamaraprojectDeviceRoamingStatusSubscriptionsV0RoamingChangeCountry);
        ShouldBeSampleEnvelope(payload, delivery);
    }

    [Fact]
    public async Task Subscription_ends_reaches_its_handler_with_typed_values()
    {
        var data = BasicData();
        data["terminationReason"] = "SUBSCRIPTION_EXPIRED";
        data["terminationDescription"] = "The subscription reached its expiry time";

        var delivery = await DeliverCloudEventAsync(Event("subscription-ends", data), nameof(CamaraRoamingReceiver.OnSubscriptionEndsAsync), "subscription-ends");

        var payload = delivery.Payload.ShouldBeOfType<EventSubscriptionEnds>();
        payload.Type.ShouldBe(EventTypeNotification.OrgCamaraprojectDeviceRoamingStatusSubscriptionsV0SubscriptionEnds);
        ShouldBeSampleEnvelope(payload, delivery);
    }

    [Fact]
    public async Task A_delivery_without_type_is_an_unknown_event()
    {
        var (body, configure) = SampleDelivery(eventValue: null);

        await ShouldBeAcknowledgedAsUnknownAsync(body, "(none)", configure);
    }

    [Fact]
    public async Task A_type_the_enum_does_not_list_is_an_unknown_event()
    {
        // EventTypeNotification is an open enum, but the route knows only the five mapped values.
        var (body, configure) = SampleDelivery(TypePrefix + "roaming-paused");

        await ShouldBeAcknowledgedAsUnknownAsync(body, TypePrefix + "roaming-paused", configure);
    }

    [Fact]
    public async Task A_plain_json_content_type_is_accepted_too()
    {
        var delivery = await DeliverAsync(RoamingStatusEvent(), nameof(CamaraRoamingReceiver.OnRoamingStatusAsync), TypePrefix + "roaming-status");

        delivery.Payload.ShouldBeOfType<EventRoamingStatus>().Id.ShouldBe("123654");
    }

    [Fact]
    public async Task A_missing_time_is_rejected_naming_it()
    {
        var body = RoamingStatusEvent();
        body.Remove("time");

        await ShouldBeRejectedAsInvalidAsync(body, "time", AsCloudEvent);
    }

    [Fact]
    public async Task A_specversion_that_is_not_a_string_is_rejected_naming_it()
    {
        var body = RoamingStatusEvent();
        body["specversion"] = 1.0;

        await ShouldBeRejectedAsInvalidAsync(body, "specversion", AsCloudEvent);
    }

    [Fact]
    public async Task Data_that_is_not_an_object_is_rejected_naming_it()
    {
        var body = RoamingStatusEvent();
        body["data"] = "roaming";

        await ShouldBeRejectedAsInvalidAsync(body, "data", AsCloudEvent);
    }

    [Fact]
    public async Task Roaming_status_data_without_its_required_roaming_is_rejected_naming_it()
    {
        var body = RoamingStatusEvent();
        body["data"]!.AsObject().Remove("roaming");

        await ShouldBeRejectedAsInvalidAsync(body, "data.roaming", AsCloudEvent);
    }

    [Fact]
    public async Task Subscription_ends_data_without_its_required_termination_reason_is_rejected_naming_it()
    {
        var body = Event("subscription-ends", BasicData());

        await ShouldBeRejectedAsInvalidAsync(body, "data.terminationReason", AsCloudEvent);
    }

    [Fact]
    public void Each_event_types_its_data_as_the_spec_maps_it()
    {
        // Reflection, so that this compiles before and after the fix.
        DataType(typeof(EventRoamingStatus)).ShouldBe(typeof(RoamingStatus));
        DataType(typeof(EventRoamingChangeCountry)).ShouldBe(typeof(RoamingChangeCountry));
        DataType(typeof(EventSubscriptionEnds)).ShouldBe(typeof(SubscriptionEnds));
        DataType(typeof(EventRoamingOn)).ShouldBe(typeof(BasicDeviceEventData));
        DataType(typeof(EventRoamingOff)).ShouldBe(typeof(BasicDeviceEventData));
    }

    private static Type DataType(Type eventType) =>
        eventType.GetProperty("Data", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)?.PropertyType
        ?? eventType.GetProperty("Data")!.PropertyType;

    private Task<Delivery> DeliverCloudEventAsync(JsonObject body, string handler, string shortType) =>
        DeliverAsync(body, handler, TypePrefix + shortType, AsCloudEvent);

    private static void AsCloudEvent(HttpRequestMessage request) =>
        request.Content!.Headers.ContentType = new MediaTypeHeaderValue("application/cloudevents+json");

    private static JsonObject BasicData() => new()
    {
        ["device"] = new JsonObject { ["phoneNumber"] = "+123456789" },
        ["subscriptionId"] = SubscriptionId,
    };

    private static JsonObject RoamingStatusEvent()
    {
        var data = BasicData();
        data["roaming"] = true;
        data["countryCode"] = 262;
        data["countryName"] = new JsonArray("DE");
        return Event("roaming-status", data);
    }

    private static JsonObject Event(string shortType, JsonObject data) => new()
    {
        ["id"] = "123654",
        ["source"] = Source,
        ["type"] = TypePrefix + shortType,
        ["specversion"] = "1.0",
        ["datacontenttype"] = "application/json",
        ["data"] = data,
        ["time"] = "2023-01-17T13:18:23.682Z",
    };

    private static void ShouldBeSampleEnvelope(CloudEvent payload, Delivery delivery)
    {
        delivery.EventId.ShouldBe("123654");
        payload.Id.ShouldBe("123654");
        payload.Source.ShouldBe(Source);
        payload.Type.IsDefined.ShouldBeTrue();
        payload.Specversion.ShouldBe(CloudEventSpecversion._1_0);
        payload.Datacontenttype.ShouldBe(CloudEventDatacontenttype.ApplicationJson);
        payload.Time.ShouldBe(Time);
        object? data = payload.Data;
        data.ShouldNotBeNull();
    }
}
