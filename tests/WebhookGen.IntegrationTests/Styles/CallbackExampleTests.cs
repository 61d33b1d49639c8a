using System;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using WebhookGen.IntegrationTests.Infrastructure;
using WebhookGen.IntegrationTests.Receivers.Styles;
using WebhookGen.IntegrationTests.Receivers.Styles.Callback;
using WebhookGen.Signatures;
using Xunit;

namespace WebhookGen.IntegrationTests.Styles;

/// <summary>
/// An OpenAPI 3.0 callback with a literal suffix (<c>specs/oai-callback-example/callback-example.yaml</c>):
/// <c>{$request.query.callbackUrl}/data</c> is served at <c>POST /webhooks/data</c>. One event on its route, so nothing
/// names it and there is no "unknown event"; the signature is still checked first. 401 on failure.
/// </summary>
public sealed class CallbackExampleTests
{
    private const string Route = "/webhooks/data";

    private static readonly StyleSignature Signature = new("X-Hub-Signature-256", HmacAlgorithm.Sha256);

    [Fact]
    public async Task On_data_reaches_its_handler_at_the_callback_suffix_with_typed_values()
    {
        await using var host = await StartAsync();
        var body = new JsonObject { ["timestamp"] = "2024-02-29T23:59:59.5-05:00", ["userData"] = "temperature=21.5" };
        var bytes = StyleHosting.Bytes(body);

        var response = await host.PostSignedAsync(Signature, Route, bytes, request => request.AddDeliveryHeader("delivery-1"));

        var responseBody = await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        responseBody.ShouldBeEmpty();
        var delivery = host.Recorder.ShouldHaveSingleDelivery();
        delivery.Handler.ShouldBe(nameof(CallbackExampleReceiver.OnDataAsync));
        delivery.EventName.ShouldBe("onData");
        delivery.ReceiverName.ShouldBe(nameof(CallbackExampleReceiver));
        delivery.EventId.ShouldBeNull();
        delivery.DeliveryHeader.ShouldBe("delivery-1");
        delivery.Body.ShouldBe(bytes);
        var payload = delivery.Payload.ShouldBeOfType<OnDataPayload>();
        payload.Timestamp.ShouldBe(new DateTimeOffset(2024, 2, 29, 23, 59, 59, 500, TimeSpan.FromHours(-5)));
        payload.UserData.ShouldBe("temperature=21.5");
    }

    [Fact]
    public async Task An_empty_object_is_a_valid_delivery_because_nothing_is_required()
    {
        await using var host = await StartAsync();

        var response = await host.PostSignedAsync(Signature, Route, new JsonObject());

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var payload = host.Recorder.ShouldHaveSingleDelivery().Payload.ShouldBeOfType<OnDataPayload>();
        payload.Timestamp.ShouldBeNull();
        payload.UserData.ShouldBeNull();
    }

    [Fact]
    public async Task Only_the_callback_suffix_is_routed()
    {
        await using var host = await StartAsync();
        var body = new JsonObject { ["userData"] = "x" };

        var atPrefix = await host.PostSignedAsync(Signature, "/webhooks/", body);
        var elsewhere = await host.PostSignedAsync(Signature, "/webhooks/streams", body);

        await atPrefix.ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        await elsewhere.ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        host.Recorder.ShouldHaveNoDelivery();
    }

    [Fact]
    public async Task A_wrong_signature_is_rejected_with_401_and_no_handler_is_called()
    {
        await using var host = await StartAsync();
        var bytes = StyleHosting.Bytes(new JsonObject { ["userData"] = "x" });

        var wrong = await host.PostWithHeaderAsync(Route, bytes, Signature.HeaderName, Signature.Sign(bytes, "not-the-secret"));
        var missing = await host.PostWithHeaderAsync(Route, bytes, Signature.HeaderName, value: null);

        await wrong.ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
        await missing.ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
        host.Recorder.ShouldHaveNoDelivery();
    }

    [Fact]
    public async Task A_signature_is_checked_before_the_body_is_parsed()
    {
        await using var host = await StartAsync();
        var bytes = "{ not json"u8.ToArray();

        var response = await host.PostWithHeaderAsync(Route, bytes, Signature.HeaderName, Signature.Sign(bytes, "not-the-secret"));

        await response.ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
        host.Recorder.ShouldHaveNoDelivery();
    }

    [Fact]
    public async Task A_timestamp_that_is_not_a_date_time_is_rejected_naming_it()
    {
        await using var host = await StartAsync();

        var response = await host.PostSignedAsync(Signature, Route, new JsonObject { ["timestamp"] = "yesterday", ["userData"] = "x" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("field").GetString().ShouldBe("timestamp");
        host.Recorder.ShouldHaveNoDelivery();
    }

    [Fact]
    public async Task User_data_that_is_not_a_string_is_rejected_naming_it()
    {
        await using var host = await StartAsync();

        var response = await host.PostSignedAsync(Signature, Route, new JsonObject { ["userData"] = new JsonObject() });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("field").GetString().ShouldBe("userData");
        host.Recorder.ShouldHaveNoDelivery();
    }

    [Fact]
    public async Task A_body_that_is_not_a_json_object_is_rejected()
    {
        await using var host = await StartAsync();

        var response = await host.PostSignedAsync(Signature, Route, "[1, 2]"u8.ToArray());

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        host.Recorder.ShouldHaveNoDelivery();
    }

    [Fact]
    public async Task The_route_prefix_can_be_replaced_and_the_suffix_stays()
    {
        await using var host = await StyleHosting.StartAsync(
            nameof(CallbackExampleReceiver),
            services => services.AddCallbackExampleReceiver(options => options.UseSignatureVerifier(Signature.CreateVerifier())),
            app => app.MapCallbackExampleReceiver("/subscriber/callbacks"));
        var body = new JsonObject { ["userData"] = "moved" };

        var moved = await host.PostSignedAsync(Signature, "/subscriber/callbacks/data", body);
        var old = await host.PostSignedAsync(Signature, Route, body);

        await moved.ShouldHaveStatusAsync(HttpStatusCode.OK);
        await old.ShouldHaveStatusAsync(HttpStatusCode.NotFound);
        host.Recorder.ShouldHaveSingleDelivery().Payload.ShouldBeOfType<OnDataPayload>().UserData.ShouldBe("moved");
    }

    [Fact]
    public async Task Without_a_verifier_in_code_the_receiver_refuses_to_start()
    {
        // The spec declares no scheme (WHG009): a secret alone is not enough.
        var exception = await Should.ThrowAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => StyleHosting.StartAsync(
            nameof(CallbackExampleReceiver),
            services => services.AddCallbackExampleReceiver(),
            app => app.MapCallbackExampleReceiver()));

        exception.Message.ShouldContain("UseSignatureVerifier");
    }

    private static Task<ReceiverHost> StartAsync() =>
        StyleHosting.StartAsync(
            nameof(CallbackExampleReceiver),
            services => services.AddCallbackExampleReceiver(options => options.UseSignatureVerifier(Signature.CreateVerifier())),
            app => app.MapCallbackExampleReceiver());
}
