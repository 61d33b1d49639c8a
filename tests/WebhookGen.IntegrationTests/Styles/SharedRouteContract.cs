using System;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Shouldly;
using WebhookGen.IntegrationTests.Infrastructure;
using WebhookGen.IntegrationTests.Receivers;
using WebhookGen.Signatures;
using Xunit;

namespace WebhookGen.IntegrationTests.Styles;

/// <summary>
/// What every route that receives several events must do, whatever names the event (a body property, a discriminator
/// mapping, a header): verify the signature first, then dispatch a known event to its handler and acknowledge an unknown
/// one with <see cref="WebhookReceiverOptions.UnknownEventStatusCode"/> and a warning, calling no handler. Each spec style
/// derives from it and adds its own events.
/// </summary>
public abstract class SharedRouteContract
{
    /// <summary>A value no spec uses for an event.</summary>
    protected const string UnknownEventValue = "acme.thing.happened.v99";

    /// <summary>The receiver class, as in <c>Webhooks:{ReceiverName}</c> and <see cref="WebhookContext.ReceiverName"/>.</summary>
    protected abstract string ReceiverName { get; }

    /// <summary>How the tests sign deliveries for this receiver.</summary>
    protected abstract StyleSignature Signature { get; }

    /// <summary>The status of a delivery whose signature does not verify: 403 where the spec declares it, otherwise 401.</summary>
    protected abstract HttpStatusCode SignatureFailureStatus { get; }

    /// <summary>The route that receives several events, under the default prefix.</summary>
    protected abstract string SharedRoute { get; }

    /// <summary>The value that names <see cref="SampleDelivery"/>'s event.</summary>
    protected abstract string KnownEventValue { get; }

    /// <summary>The handler <see cref="SampleDelivery"/>'s event reaches.</summary>
    protected abstract string KnownEventHandler { get; }

    /// <summary>Starts a host with this receiver registered, its verifier set and its routes mapped with the defaults.</summary>
    protected abstract Task<ReceiverHost> StartAsync(Action<ReceiverHostOptions>? configure = null);

    /// <summary>
    /// A delivery that is valid for the event <see cref="KnownEventValue"/> names, with its event named
    /// <paramref name="eventValue"/> instead (in the body or a header, as the style does); none when null.
    /// </summary>
    protected abstract (JsonObject Body, Action<HttpRequestMessage>? Configure) SampleDelivery(string? eventValue);

    [Fact]
    public async Task The_sample_event_reaches_its_handler_through_the_shared_route()
    {
        await using var host = await StartAsync();
        var (body, configure) = SampleDelivery(KnownEventValue);

        var response = await host.PostSignedAsync(Signature, SharedRoute, body, configure);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        host.Recorder.ShouldHaveSingleDelivery().Handler.ShouldBe(KnownEventHandler);
        host.Logs.UnknownEventWarnings().ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unknown_event_is_acknowledged_with_200_logged_as_a_warning_and_not_handled()
    {
        await using var host = await StartAsync();
        var (body, configure) = SampleDelivery(UnknownEventValue);

        var response = await host.PostSignedAsync(Signature, SharedRoute, body, configure);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        host.Recorder.ShouldHaveNoDelivery();
        host.Logs.ShouldHaveLoggedOneUnknownEvent(ReceiverName, UnknownEventValue, 200);
    }

    [Fact]
    public async Task An_unknown_event_is_answered_with_the_configured_UnknownEventStatusCode()
    {
        await using var host = await StartAsync(options => options.Configuration[$"Webhooks:{ReceiverName}:UnknownEventStatusCode"] = "202");
        var (body, configure) = SampleDelivery(UnknownEventValue);

        var response = await host.PostSignedAsync(Signature, SharedRoute, body, configure);

        await response.ShouldHaveStatusAsync(HttpStatusCode.Accepted);
        host.Recorder.ShouldHaveNoDelivery();
        host.Logs.ShouldHaveLoggedOneUnknownEvent(ReceiverName, UnknownEventValue, 202);

        // A known event on the same host is still answered by its handler's result.
        var (known, configureKnown) = SampleDelivery(KnownEventValue);
        var handled = await host.PostSignedAsync(Signature, SharedRoute, known, configureKnown);
        await handled.ShouldHaveStatusAsync(HttpStatusCode.OK);
        host.Recorder.ShouldHaveSingleDelivery().Handler.ShouldBe(KnownEventHandler);
    }

    [Fact]
    public async Task A_wrong_signature_on_the_shared_route_is_rejected_and_no_handler_is_called()
    {
        await using var host = await StartAsync();
        var (body, configure) = SampleDelivery(KnownEventValue);
        var bytes = StyleHosting.Bytes(body);

        var response = await host.PostWithHeaderAsync(SharedRoute, bytes, Signature.HeaderName, Signature.Sign(bytes, "not-the-secret"), configure);

        await response.ShouldHaveStatusAsync(SignatureFailureStatus);
        host.Recorder.ShouldHaveNoDelivery();
        host.Logs.AllText.ShouldContain("signature Mismatch");
    }

    [Fact]
    public async Task A_missing_signature_on_the_shared_route_is_rejected_and_no_handler_is_called()
    {
        await using var host = await StartAsync();
        var (body, configure) = SampleDelivery(KnownEventValue);

        var response = await host.PostWithHeaderAsync(SharedRoute, StyleHosting.Bytes(body), Signature.HeaderName, value: null, configure);

        await response.ShouldHaveStatusAsync(SignatureFailureStatus);
        host.Recorder.ShouldHaveNoDelivery();
        host.Logs.AllText.ShouldContain("signature Missing");
    }

    [Fact]
    public async Task A_signature_with_another_hash_function_is_rejected()
    {
        await using var host = await StartAsync();
        var (body, configure) = SampleDelivery(KnownEventValue);
        var bytes = StyleHosting.Bytes(body);
        var other = Signature with { Algorithm = Signature.Algorithm == HmacAlgorithm.Sha512 ? HmacAlgorithm.Sha256 : HmacAlgorithm.Sha512 };

        var response = await host.PostWithHeaderAsync(SharedRoute, bytes, Signature.HeaderName, other.Sign(bytes, host.Secret!), configure);

        await response.ShouldHaveStatusAsync(SignatureFailureStatus);
        host.Recorder.ShouldHaveNoDelivery();
    }

    [Fact]
    public async Task An_unknown_event_with_a_wrong_signature_is_rejected_not_acknowledged()
    {
        // The event is named only after the signature verifies: an unsigned unknown event must not get the friendly 200.
        await using var host = await StartAsync();
        var (body, configure) = SampleDelivery(UnknownEventValue);
        var bytes = StyleHosting.Bytes(body);

        var response = await host.PostWithHeaderAsync(SharedRoute, bytes, Signature.HeaderName, Signature.Sign(bytes, "not-the-secret"), configure);

        await response.ShouldHaveStatusAsync(SignatureFailureStatus);
        host.Recorder.ShouldHaveNoDelivery();
        host.Logs.UnknownEventWarnings().ShouldBeEmpty();
    }

    [Fact]
    public async Task A_body_altered_after_signing_is_rejected()
    {
        await using var host = await StartAsync();
        var (body, configure) = SampleDelivery(KnownEventValue);
        var signature = Signature.Sign(StyleHosting.Bytes(body), host.Secret!);
        body["injected"] = "by a proxy";

        var response = await host.PostWithHeaderAsync(SharedRoute, StyleHosting.Bytes(body), Signature.HeaderName, signature, configure);

        await response.ShouldHaveStatusAsync(SignatureFailureStatus);
        host.Recorder.ShouldHaveNoDelivery();
    }

    /// <summary>
    /// Posts a signed delivery to <paramref name="path"/> (default <see cref="SharedRoute"/>) with a delivery header, and
    /// checks what every delivery must have: 200 with no body, one call of <paramref name="handler"/> for
    /// <paramref name="eventName"/>, the receiver's name, the header and the raw bytes. Returns the recorded call.
    /// </summary>
    protected async Task<Delivery> DeliverAsync(JsonObject body, string handler, string eventName, Action<HttpRequestMessage>? configure = null, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        await using var host = await StartAsync();
        var bytes = StyleHosting.Bytes(body);
        var deliveryId = "delivery-" + Guid.NewGuid().ToString("N");

        var response = await host.PostSignedAsync(Signature, path ?? SharedRoute, bytes, request =>
        {
            request.AddDeliveryHeader(deliveryId);
            configure?.Invoke(request);
        });

        var responseBody = await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        responseBody.ShouldBeEmpty();
        var delivery = host.Recorder.ShouldHaveSingleDelivery();
        delivery.Receiver.ShouldBe(ReceiverName);
        delivery.Handler.ShouldBe(handler);
        delivery.EventName.ShouldBe(eventName);
        delivery.ReceiverName.ShouldBe(ReceiverName);
        delivery.DeliveryHeader.ShouldBe(deliveryId);
        delivery.Body.ShouldBe(bytes);
        host.Logs.UnknownEventWarnings().ShouldBeEmpty();
        return delivery;
    }

    /// <summary>
    /// Posts a validly signed <paramref name="body"/> and asserts a 400 problem whose <c>field</c> is <paramref name="field"/>,
    /// with no handler called and no "unknown event" warning.
    /// </summary>
    protected async Task<JsonElement> ShouldBeRejectedAsInvalidAsync(JsonObject body, string field, Action<HttpRequestMessage>? configure = null, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        await using var host = await StartAsync();

        var response = await host.PostSignedAsync(Signature, path ?? SharedRoute, body, configure);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("field").GetString().ShouldBe(field);
        problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain(field);
        host.Recorder.ShouldHaveNoDelivery();
        host.Logs.UnknownEventWarnings().ShouldBeEmpty();
        return problem;
    }

    /// <summary>Posts a validly signed <paramref name="body"/> and asserts it is acknowledged as an unknown event.</summary>
    protected async Task ShouldBeAcknowledgedAsUnknownAsync(JsonObject body, string loggedValue, Action<HttpRequestMessage>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        await using var host = await StartAsync();

        var response = await host.PostSignedAsync(Signature, SharedRoute, body, configure);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        host.Recorder.ShouldHaveNoDelivery();
        host.Logs.ShouldHaveLoggedOneUnknownEvent(ReceiverName, loggedValue, 200);
    }
}
