using System;
using System.Buffers;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WebhookGen.Idempotency;
using WebhookGen.Inbox;
using WebhookGen.Json;
using WebhookGen.Jwt;
using WebhookGen.Signatures;

namespace WebhookGen.Hosting;

/// <summary>
/// The one pipeline every generated endpoint runs, in order: read the raw body (bounded), verify its signature before
/// anything parses it, check its media type and member names, name the event (a route of several), parse, deduplicate,
/// then run the handler — or, with the durable inbox, store the delivery and answer at once. Each step that ends a
/// delivery answers through <see cref="WebhookDelivery"/>; descriptors only describe. Client errors are never 5xx;
/// handler failures are 500 so the sender retries.
/// </summary>
internal static class WebhookRequestProcessor
{
    /// <summary>Receives a delivery on a route that carries one event, under its receiver's <paramref name="runtime"/>.</summary>
    public static Task ProcessAsync(HttpContext httpContext, WebhookEvent evt, WebhookReceiverRuntime runtime) =>
        ReceiveAsync(new WebhookDelivery(httpContext, evt.Receiver, runtime, evt.EventName, evt.EventName), evt.BodyFormat, evt, route: null);

    /// <summary>Receives a delivery on a route that carries several events, told apart by a header or a body property.</summary>
    public static Task ProcessAsync(HttpContext httpContext, WebhookRouteDescriptor route, WebhookReceiverRuntime runtime) =>
        // A route whose every event is ignored has no format of its own: it acknowledges whatever the receiver's events are sent as.
        ReceiveAsync(
            new WebhookDelivery(httpContext, route.Receiver, runtime, route.Description, eventName: null),
            route.BodyFormats == WebhookBodyFormats.None ? route.Receiver.BodyFormats : route.BodyFormats,
            evt: null,
            route);

    private static async Task ReceiveAsync(WebhookDelivery delivery, WebhookBodyFormats formats, WebhookEvent? evt, WebhookRouteDescriptor? route)
    {
        try
        {
            WebhookBodyReader.PooledBody body;
            try
            {
                body = await WebhookBodyReader.ReadAsync(delivery.HttpContext, delivery.Options.MaxRequestBodySize, delivery.Aborted).ConfigureAwait(false);
            }
            catch (Exception exception) when (IsClientFault(delivery, exception))
            {
                delivery.RejectClientFault(exception);
                return;
            }

            if (body.Buffer is null)
            {
                await delivery.RejectTooLargeAsync().ConfigureAwait(false);
                return;
            }

            try
            {
                delivery.Body = body.Buffer.AsMemory(0, body.Length);
                if (!Verify(delivery)
                    || !await WebhookContentType.AcceptAsync(delivery, formats).ConfigureAwait(false)
                    || (route is { ReadsBody: true } && !formats.HasFlag(WebhookBodyFormats.Jwt) && !await AcceptNamesOnceAsync(delivery).ConfigureAwait(false)))
                {
                    return;
                }

                evt ??= await SelectAsync(delivery, route!).ConfigureAwait(false);
                if (evt is not null)
                {
                    await evt.AcceptAsync(delivery).ConfigureAwait(false);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(body.Buffer);
            }
        }
        finally
        {
            delivery.Stop();
        }
    }

    /// <summary>The handled event a route's verified delivery names; null when it was answered here instead.</summary>
    private static async ValueTask<WebhookEvent?> SelectAsync(WebhookDelivery delivery, WebhookRouteDescriptor route)
    {
        switch (route.Match(delivery.HttpContext, delivery.Body.Span, out var evt, out var key))
        {
            case RouteMatch.Event:
                return evt;
            case RouteMatch.Unhandled:
                delivery.AcknowledgeUnhandledEvent(key ?? string.Empty);
                return null;
            case RouteMatch.Unknown:
                delivery.AcknowledgeUnknownEvent(key);
                return null;
            default:
                await delivery.RejectPayloadAsync(string.Empty, "The body is not valid JSON or not a JSON object, so it names no event.").ConfigureAwait(false);
                return null;
        }
    }

    /// <summary>Parses a verified delivery of <paramref name="descriptor"/>'s event, deduplicates it, then handles or queues it.</summary>
    public static async Task AcceptAsync<TReceiver, TEvent>(WebhookDelivery delivery, WebhookEventDescriptor<TReceiver, TEvent> descriptor)
        where TReceiver : class
    {
        delivery.Identify(descriptor.EventName);
        if (descriptor.BodyFormat == WebhookBodyFormats.Jwt)
        {
            var (outcome, claims) = await delivery.Runtime.GetJwtVerifier(delivery.Options).VerifyAsync(delivery.Body, delivery.Aborted).ConfigureAwait(false);
            if (outcome != JwtVerificationResult.Valid)
            {
                await delivery.RejectTokenAsync(outcome).ConfigureAwait(false);
                return;
            }

            delivery.Body = claims;
        }

        // The parse refuses a member named twice, and reads the member that names the event on the way.
        TEvent payload;
        System.Collections.Generic.IReadOnlyList<PayloadDrift> drift;
        string? otherEvent = null;
        try
        {
            payload = WebhookJson.Deserialize(delivery.Body.Span, descriptor.Read, delivery.Options.PayloadReading, descriptor.BodyEventName, out drift, out otherEvent);
        }
        catch (WebhookPayloadException exception)
        {
            await (otherEvent is null
                ? delivery.RejectPayloadAsync(exception.Path, exception.Reason, exception.Message)
                : RejectOtherEventAsync(delivery, descriptor, otherEvent)).ConfigureAwait(false);
            return;
        }

        if (otherEvent is not null)
        {
            await RejectOtherEventAsync(delivery, descriptor, otherEvent).ConfigureAwait(false);
            return;
        }

        var request = delivery.HttpContext.Request;
        var eventId = descriptor.EventId?.Invoke(payload);
        var idempotencyId = WebhookIdempotencyGate.FindId(request, delivery.Options.Idempotency, delivery.Runtime.GetSignedIdHeader(delivery.Options), eventId, delivery.Body.Span);
        var deliveryId = delivery.Runtime.GetDeliveryIdHeader(delivery.Options) is { } labelHeader && request.Headers[labelHeader].ToString() is { Length: > 0 } label
            ? label
            : null;
        delivery.Identify(descriptor.EventName, eventId, idempotencyId);
        if (drift.Count > 0)
        {
            delivery.Runtime.DriftLog.Report(descriptor.EventName, drift);
            delivery.Telemetry.Drifted(drift);
        }

        // A verified, parsed delivery with an id reserves it first: a repeat or a concurrent duplicate is answered here.
        WebhookIdempotencyGate.Lease? lease = null;
        if (idempotencyId is not null)
        {
            lease = await WebhookIdempotencyGate.EnterAsync(delivery, idempotencyId).ConfigureAwait(false);
            if (lease is null)
            {
                return;
            }
        }

        if (delivery.Options.Inbox.Enabled)
        {
            var message = new WebhookInboxMessage(
                Guid.NewGuid().ToString("N"), delivery.Receiver.Name, descriptor.EventName, delivery.Body.ToArray(), eventId, idempotencyId, deliveryId, delivery.Runtime.TimeProvider.GetUtcNow());
            await WebhookInboxQueue.EnqueueAsync(delivery, message, lease).ConfigureAwait(false);
            return;
        }

        var context = new WebhookContext(delivery.HttpContext, delivery.Receiver.Name, descriptor.EventName, eventId, delivery.Body)
        {
            IdempotencyId = idempotencyId,
            DeliveryId = deliveryId,
            Drift = drift,
        };
        await RunHandlerAsync(delivery, descriptor, payload, context, lease).ConfigureAwait(false);
    }

    /// <summary>Runs the handler inside the request and answers with its result; the id is recorded only after a 2xx.</summary>
    private static async Task RunHandlerAsync<TReceiver, TEvent>(
        WebhookDelivery delivery, WebhookEventDescriptor<TReceiver, TEvent> descriptor, TEvent payload, WebhookContext context, WebhookIdempotencyGate.Lease? lease)
        where TReceiver : class
    {
        WebhookResult result;
        var telemetry = delivery.Telemetry;
        var handlerSpan = telemetry.StartHandler();
        var started = Stopwatch.GetTimestamp();
        try
        {
            var handler = delivery.HttpContext.RequestServices.GetRequiredService<TReceiver>();
            result = await descriptor.Handle(handler, payload, context, delivery.Aborted).ConfigureAwait(false);
            telemetry.HandlerAnswered(handlerSpan, started, result.StatusCode);
        }
        catch (OperationCanceledException) when (delivery.Aborted.IsCancellationRequested)
        {
            handlerSpan?.Dispose();
            await ReleaseAsync(lease).ConfigureAwait(false);
            return;
        }
#pragma warning disable CA1031 // Any handler failure is answered 500 so the sender retries; the exception is logged.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            telemetry.HandlerThrew(handlerSpan, started, exception);

            // Released before answering, so that the sender's retry is processed rather than met with 409.
            await ReleaseAsync(lease).ConfigureAwait(false);
            await delivery.AnswerHandlerFailedAsync(exception).ConfigureAwait(false);
            return;
        }

        // Recorded only after a 2xx; any other answer (RetryLater, 4xx, 5xx) releases the id for the sender's retry.
        if (lease is not null)
        {
            await lease.EndAsync(result.StatusCode).ConfigureAwait(false);
        }

        delivery.Answer(result);
    }

    private static ValueTask ReleaseAsync(WebhookIdempotencyGate.Lease? lease) =>
        lease is null ? ValueTask.CompletedTask : lease.ReleaseAsync();

    /// <summary>
    /// Refuses a JSON body that names a member twice in one object (400), before a route of several events reads it to
    /// name the event: what routes it and what reads it could otherwise take different values. (Elsewhere the parse
    /// refuses it.) Only the name is logged, never a value.
    /// </summary>
    private static async ValueTask<bool> AcceptNamesOnceAsync(WebhookDelivery delivery)
    {
        if (JsonDuplicateProperties.Find(delivery.Body.Span) is not { } name)
        {
            return true;
        }

        var repeat = JsonDuplicateProperties.Repeat(name);
        await delivery.RejectPayloadAsync(repeat.Path, repeat.Reason).ConfigureAwait(false);
        return false;
    }

    /// <summary>A body that names another event than the route's (in the member <paramref name="descriptor"/> says): 400.</summary>
    private static Task RejectOtherEventAsync(WebhookDelivery delivery, WebhookEvent descriptor, string otherEvent)
    {
        var property = descriptor.BodyEventName!.Property;
        var reason = $"The body names the event '{WebhookDelivery.Shorten(otherEvent)}' in '{property}', but was sent to the route of '{descriptor.EventName}'.";
        return delivery.RejectPayloadAsync(property, reason);
    }

    private static bool Verify(WebhookDelivery delivery)
    {
        var options = delivery.Options;
        if (options.AllowUnsignedDeliveries)
        {
            WebhookLog.Unsigned(delivery.Logger, delivery.Receiver.Name, delivery.Name);
            return true;
        }

        // Fail closed: options validation refuses to start without a verifier or a secret; should that be bypassed, nothing passes.
        var verifier = delivery.Runtime.GetVerifier(options);
        if (verifier is null && delivery.Receiver.ReceivesOnlyJwt)
        {
            // No HTTP signature is declared and every body is a signed token, verified before its claims are read.
            return true;
        }

        var secrets = delivery.Runtime.GetSecrets(options);
        var outcome = verifier is null || secrets.Count == 0
            ? SignatureVerificationResult.Mismatch
            : verifier.Verify(delivery.HttpContext.Request.Headers, delivery.Body.Span, secrets);
        if (outcome == SignatureVerificationResult.Valid)
        {
            return true;
        }

        delivery.RejectSignature(outcome);
        return false;
    }

    /// <summary>
    /// Whether reading the body failed for the client's reasons: it went away (an abort), sent a malformed or too slow
    /// request (Kestrel's <see cref="BadHttpRequestException"/>), or its connection broke (an <see cref="IOException"/>).
    /// </summary>
    private static bool IsClientFault(WebhookDelivery delivery, Exception exception) =>
        exception is BadHttpRequestException or IOException
        || (exception is OperationCanceledException && delivery.Aborted.IsCancellationRequested);
}
