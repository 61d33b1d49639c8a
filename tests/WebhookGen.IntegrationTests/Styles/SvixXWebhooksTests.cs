using System;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using WebhookGen.IntegrationTests.Infrastructure;
using WebhookGen.IntegrationTests.Receivers.Styles.Svix;
using WebhookGen.Signatures;
using Xunit;

namespace WebhookGen.IntegrationTests.Styles;

/// <summary>
/// ReDoc <c>x-webhooks</c> in OpenAPI 3.0 (<c>specs/svix/openapi.json</c>): seven events at <c>POST /webhooks/</c>, named
/// by the body's <c>type</c>, which every event declares, so a delivery without one is an unknown event. Signed with a
/// verifier set in code (the spec declares none); 401 on failure.
/// </summary>
public sealed class SvixXWebhooksTests : SharedRouteContract
{
    private const string AppId = "app_1srOrx2ZWZBpBUvZwXKQmoEYga2";
    private const string EndpointId = "ep_1srOrx2ZWZBpBUvZwXKQmoEYga2";
    private const string MsgId = "msg_1srOrx2ZWZBpBUvZwXKQmoEYga2";
    private const string AttemptId = "atmpt_1srOrx2ZWZBpBUvZwXKQmoEYga2";

    private static readonly StyleSignature HubSha256 = new("X-Hub-Signature-256", HmacAlgorithm.Sha256);

    protected override string ReceiverName => nameof(SvixReceiver);

    protected override StyleSignature Signature => HubSha256;

    protected override HttpStatusCode SignatureFailureStatus => HttpStatusCode.Unauthorized;

    protected override string SharedRoute => "/webhooks/";

    protected override string KnownEventValue => "endpoint.created";

    protected override string KnownEventHandler => nameof(SvixReceiver.OnEndpointCreatedEventAsync);

    protected override Task<ReceiverHost> StartAsync(Action<ReceiverHostOptions>? configure = null) =>
        StartAsync(prefix: null, configure);

    protected override (JsonObject Body, Action<HttpRequestMessage>? Configure) SampleDelivery(string? eventValue)
    {
        var body = EndpointEvent("endpoint.created");
        if (eventValue is null)
        {
            body.Remove("type");
        }
        else
        {
            body["type"] = eventValue;
        }

        return (body, null);
    }

    [Theory]
    [InlineData("endpoint.created", nameof(SvixReceiver.OnEndpointCreatedEventAsync), "EndpointCreatedEvent")]
    [InlineData("endpoint.deleted", nameof(SvixReceiver.OnEndpointDeletedEventAsync), "EndpointDeletedEvent")]
    [InlineData("endpoint.updated", nameof(SvixReceiver.OnEndpointUpdatedEventAsync), "EndpointUpdatedEvent")]
    public async Task Endpoint_created_deleted_and_updated_reach_their_handlers_with_typed_values(string type, string handler, string eventName)
    {
        var delivery = await DeliverAsync(EndpointEvent(type), handler, eventName);

        delivery.EventId.ShouldBeNull();
        // The three payloads are distinct types; each is checked against its own typed "type".
        var (typeMatches, appId, appUid, endpointId, endpointUid) = delivery.Payload switch
        {
            EndpointCreatedEvent e => (e.Type == EndpointCreatedEventType.EndpointCreated && e.Type.IsDefined, e.Data.AppId, e.Data.AppUid, e.Data.EndpointId, e.Data.EndpointUid),
            EndpointDeletedEvent e => (e.Type == EndpointDeletedEventType.EndpointDeleted && e.Type.IsDefined, e.Data.AppId, e.Data.AppUid, e.Data.EndpointId, e.Data.EndpointUid),
            EndpointUpdatedEvent e => (e.Type == EndpointUpdatedEventType.EndpointUpdated && e.Type.IsDefined, e.Data.AppId, e.Data.AppUid, e.Data.EndpointId, e.Data.EndpointUid),
            var other => throw new ShouldAssertException("Unexpected payload " + other.GetType()),
        };
        typeMatches.ShouldBeTrue();
        appId.ShouldBe(AppId);
        appUid.ShouldBe("unique-app-identifier");
        endpointId.ShouldBe(EndpointId);
        endpointUid.ShouldBeNull();
    }

    [Fact]
    public async Task Endpoint_disabled_reaches_its_handler_with_typed_values()
    {
        var body = EndpointEvent("endpoint.disabled");
        body["data"]!["failSince"] = "2022-11-06T15:04:05+00:00";
        body["data"]!["endpointUid"] = "unique-ep-identifier";

        var delivery = await DeliverAsync(body, nameof(SvixReceiver.OnEndpointDisabledEventAsync), "EndpointDisabledEvent");

        var payload = delivery.Payload.ShouldBeOfType<EndpointDisabledEvent>();
        payload.Type.ShouldBe(EndpointDisabledEventType.EndpointDisabled);
        payload.Data.AppId.ShouldBe(AppId);
        payload.Data.EndpointId.ShouldBe(EndpointId);
        payload.Data.EndpointUid.ShouldBe("unique-ep-identifier");
        payload.Data.FailSince.ShouldBe(new DateTimeOffset(2022, 11, 6, 15, 4, 5, TimeSpan.Zero));
    }

    [Fact]
    public async Task Message_attempt_exhausted_reaches_its_handler_with_typed_values()
    {
        var delivery = await DeliverAsync(AttemptEvent("message.attempt.exhausted", 500), nameof(SvixReceiver.OnMessageAttemptExhaustedEventAsync), "MessageAttemptExhaustedEvent");

        var payload = delivery.Payload.ShouldBeOfType<MessageAttemptExhaustedEvent>();
        payload.Type.ShouldBe(MessageAttemptExhaustedEventType.MessageAttemptExhausted);
        payload.Data.AppId.ShouldBe(AppId);
        payload.Data.EndpointId.ShouldBe(EndpointId);
        payload.Data.MsgId.ShouldBe(MsgId);
        payload.Data.MsgEventId.ShouldBe("unique-msg-identifier");
        payload.Data.AppUid.ShouldBeNull();
        ShouldBeSampleAttempt(payload.Data.LastAttempt, 500);
    }

    [Fact]
    public async Task Message_attempt_failing_reaches_its_handler_with_typed_values()
    {
        var delivery = await DeliverAsync(AttemptEvent("message.attempt.failing", 502), nameof(SvixReceiver.OnMessageAttemptFailingEventAsync), "MessageAttemptFailingEvent");

        var payload = delivery.Payload.ShouldBeOfType<MessageAttemptFailingEvent>();
        payload.Type.ShouldBe(MessageAttemptFailingEventType.MessageAttemptFailing);
        payload.Data.MsgId.ShouldBe(MsgId);
        ShouldBeSampleAttempt(payload.Data.LastAttempt, 502);
    }

    [Fact]
    public async Task Message_attempt_recovered_reaches_its_handler_with_typed_values()
    {
        var delivery = await DeliverAsync(AttemptEvent("message.attempt.recovered", 200), nameof(SvixReceiver.OnMessageAttemptRecoveredEventAsync), "MessageAttemptRecoveredEvent");

        var payload = delivery.Payload.ShouldBeOfType<MessageAttemptRecoveredEvent>();
        payload.Type.ShouldBe(MessageAttemptRecoveredEventType.MessageAttemptRecovered);
        payload.Data.EndpointId.ShouldBe(EndpointId);
        ShouldBeSampleAttempt(payload.Data.LastAttempt, 200);
    }

    [Fact]
    public async Task A_delivery_without_type_is_an_unknown_event()
    {
        var (body, _) = SampleDelivery(eventValue: null);

        await ShouldBeAcknowledgedAsUnknownAsync(body, "(none)");
    }

    [Fact]
    public async Task A_type_of_null_is_an_unknown_event()
    {
        var body = EndpointEvent("endpoint.created");
        body["type"] = null;

        await ShouldBeAcknowledgedAsUnknownAsync(body, "(none)");
    }

    [Fact]
    public async Task The_type_is_matched_exactly()
    {
        await ShouldBeAcknowledgedAsUnknownAsync(EndpointEvent("Endpoint.Created"), "Endpoint.Created");
    }

    [Fact]
    public async Task An_unknown_event_status_code_set_in_code_is_used()
    {
        await using var host = await ReceiverHostFor(options => options.UnknownEventStatusCode = 204);

        var response = await host.PostSignedAsync(Signature, SharedRoute, EndpointEvent("endpoint.renamed"));

        await response.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        host.Recorder.ShouldHaveNoDelivery();
        host.Logs.ShouldHaveLoggedOneUnknownEvent(ReceiverName, "endpoint.renamed", 204);
    }

    [Fact]
    public async Task A_missing_required_member_is_rejected_naming_it()
    {
        var body = AttemptEvent("message.attempt.exhausted", 500);
        body["data"]!.AsObject().Remove("msgId");

        await ShouldBeRejectedAsInvalidAsync(body, "data.msgId");
    }

    [Fact]
    public async Task A_wrong_type_deep_in_the_body_is_rejected_naming_its_path()
    {
        var body = AttemptEvent("message.attempt.failing", 500);
        body["data"]!["lastAttempt"]!["responseStatusCode"] = "500";

        await ShouldBeRejectedAsInvalidAsync(body, "data.lastAttempt.responseStatusCode");
    }

    [Fact]
    public async Task A_body_shaped_like_another_event_is_rejected_as_the_event_its_type_names()
    {
        // Named endpoint.disabled, shaped like endpoint.created: failSince is missing.
        await ShouldBeRejectedAsInvalidAsync(EndpointEvent("endpoint.disabled"), "data.failSince");
    }

    [Fact]
    public async Task Data_of_null_is_rejected_naming_it()
    {
        var body = EndpointEvent("endpoint.created");
        body["data"] = null;

        await ShouldBeRejectedAsInvalidAsync(body, "data");
    }

    [Theory]
    [InlineData("/webhooks")]
    [InlineData("/webhooks/")]
    public async Task The_shared_route_is_served_with_and_without_a_trailing_slash(string path)
    {
        await using var host = await StartAsync();

        var response = await host.PostSignedAsync(Signature, path, EndpointEvent("endpoint.created"));

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        host.Recorder.ShouldHaveSingleDelivery().Handler.ShouldBe(nameof(SvixReceiver.OnEndpointCreatedEventAsync));
    }

    [Fact]
    public async Task The_route_prefix_can_be_replaced()
    {
        await using var host = await StartAsync(prefix: "/hooks/svix");

        var moved = await host.PostSignedAsync(Signature, "/hooks/svix/", EndpointEvent("endpoint.deleted"));
        await moved.ShouldHaveStatusAsync(HttpStatusCode.OK);
        host.Recorder.ShouldHaveSingleDelivery().Handler.ShouldBe(nameof(SvixReceiver.OnEndpointDeletedEventAsync));

        var old = await host.PostSignedAsync(Signature, "/webhooks/", EndpointEvent("endpoint.deleted"));
        await old.ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        host.Recorder.Deliveries.Count.ShouldBe(1);
    }

    private static Task<ReceiverHost> StartAsync(string? prefix, Action<ReceiverHostOptions>? configure = null) =>
        StyleHosting.StartAsync(
            nameof(SvixReceiver),
            services => services.AddSvixReceiver(options => options.UseSignatureVerifier(HubSha256.CreateVerifier())),
            app => app.MapSvixReceiver(prefix),
            configure);

    private static Task<ReceiverHost> ReceiverHostFor(Action<WebhookReceiverOptions> configure) =>
        StyleHosting.StartAsync(
            nameof(SvixReceiver),
            services => services.AddSvixReceiver(options =>
            {
                options.UseSignatureVerifier(HubSha256.CreateVerifier());
                configure(options);
            }),
            app => app.MapSvixReceiver());

    private static JsonObject EndpointEvent(string type) => new()
    {
        ["type"] = type,
        ["data"] = new JsonObject
        {
            ["appId"] = AppId,
            ["appUid"] = "unique-app-identifier",
            ["endpointId"] = EndpointId,
            ["endpointUid"] = null,
        },
    };

    private static JsonObject AttemptEvent(string type, int status) => new()
    {
        ["type"] = type,
        ["data"] = new JsonObject
        {
            ["appId"] = AppId,
            ["endpointId"] = EndpointId,
            ["msgId"] = MsgId,
            ["msgEventId"] = "unique-msg-identifier",
            ["lastAttempt"] = new JsonObject
            {
                ["id"] = AttemptId,
                ["responseStatusCode"] = status,
                ["timestamp"] = "2022-11-06T15:04:05.123+01:00",
            },
        },
    };

    private static void ShouldBeSampleAttempt(MessageAttempetLast attempt, int status)
    {
        attempt.Id.ShouldBe(AttemptId);
        attempt.ResponseStatusCode.ShouldBe(status);
        attempt.Timestamp.ShouldBe(new DateTimeOffset(2022, 11, 6, 15, 4, 5, 123, TimeSpan.FromHours(1)));
    }
}
