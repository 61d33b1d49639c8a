using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WebhookGen.Diagnostics;
using WebhookGen.Idempotency;
using WebhookGen.Json;
using WebhookGen.Jwt;
using WebhookGen.Signatures;

namespace WebhookGen.Hosting;

/// <summary>
/// The one pipeline every generated endpoint runs: read the raw body (bounded), verify its signature before anything
/// parses it, parse it, call the handler, answer. Client errors are never 5xx; handler failures are 500 so the sender retries.
/// </summary>
internal static class WebhookRequestProcessor
{
    /// <summary>Receives a delivery on a route that carries one event.</summary>
    public static Task ProcessAsync<TReceiver, TEvent>(HttpContext httpContext, WebhookEventDescriptor<TReceiver, TEvent> descriptor)
        where TReceiver : class =>
        ReceiveAsync(httpContext, descriptor.Receiver, descriptor.EventName, descriptor.EventName, descriptor.BodyFormat, descriptor, static (http, evt, delivery) => evt.HandleVerifiedAsync(http, delivery));

    /// <summary>Receives a delivery on a route that carries several events, told apart by a header or a body property.</summary>
    public static Task ProcessAsync(HttpContext httpContext, WebhookRouteDescriptor route) =>
        // A route whose every event is ignored has no format of its own: it acknowledges whatever the receiver's events are sent as.
        ReceiveAsync(httpContext, route.Receiver, route.Description, telemetryEvent: null, route.BodyFormats == WebhookBodyFormats.None ? route.Receiver.BodyFormats : route.BodyFormats, route, static (http, r, delivery) => r.DispatchAsync(http, delivery));

    /// <summary>Parses a verified body and calls the handler.</summary>
    public static async Task HandleAsync<TReceiver, TEvent>(HttpContext httpContext, WebhookEventDescriptor<TReceiver, TEvent> descriptor, VerifiedDelivery delivery)
        where TReceiver : class
    {
        var receiver = descriptor.Receiver;
        var logger = delivery.Runtime.Logger;
        var cancellationToken = httpContext.RequestAborted;
        var json = delivery.Body;
        if (descriptor.BodyFormat == WebhookBodyFormats.Jwt)
        {
            var (outcome, claims) = await delivery.Runtime.GetJwtVerifier(delivery.Options).VerifyAsync(delivery.Body, cancellationToken).ConfigureAwait(false);
            if (outcome != JwtVerificationResult.Valid)
            {
                await RejectTokenAsync(httpContext, descriptor.EventName, delivery, outcome).ConfigureAwait(false);
                return;
            }

            json = claims;
            if (!await AcceptNamesOnceAsync(httpContext, delivery.Runtime, receiver.Name, descriptor.EventName, delivery.Telemetry, json).ConfigureAwait(false))
            {
                return;
            }
        }

        if (descriptor.BodyEventName is { } named
            && WebhookEventSelector.TryReadTopLevelString(json.Span, named.Property, out var value)
            && value is not null
            && !string.Equals(value, named.Value, StringComparison.Ordinal))
        {
            var reason = $"The body names the event '{Shorten(value)}' in '{named.Property}', but was sent to the route of '{descriptor.EventName}'.";
            await RejectPayloadAsync(httpContext, logger, receiver.Name, descriptor.EventName, delivery.Telemetry.ForEvent(descriptor.EventName, eventId: null, deliveryId: null), named.Property, reason).ConfigureAwait(false);
            return;
        }

        TEvent payload;
        IReadOnlyList<PayloadDrift> drift;
        try
        {
            payload = WebhookJson.Deserialize(json.Span, descriptor.Read, delivery.Options.PayloadReading, out drift);
        }
        catch (WebhookPayloadException exception)
        {
            await RejectPayloadAsync(
                httpContext, logger, receiver.Name, descriptor.EventName, delivery.Telemetry.ForEvent(descriptor.EventName, eventId: null, deliveryId: null), exception.Path, exception.Reason, exception.Message).ConfigureAwait(false);
            return;
        }

        var eventId = descriptor.EventId?.Invoke(payload);
        var idempotency = delivery.Options.Idempotency;
        var idempotencyId = WebhookIdempotencyGate.FindId(httpContext.Request, idempotency, delivery.Runtime.GetSignedIdHeader(delivery.Options), eventId, delivery.Body.Span);
        var deliveryId = delivery.Runtime.GetDeliveryIdHeader(delivery.Options) is { } labelHeader && httpContext.Request.Headers[labelHeader].ToString() is { Length: > 0 } label
            ? label
            : null;
        var context = new WebhookContext(httpContext, receiver.Name, descriptor.EventName, eventId, delivery.Body)
        {
            IdempotencyId = idempotencyId,
            DeliveryId = deliveryId,
            Drift = drift,
        };
        var telemetry = delivery.Telemetry.ForEvent(descriptor.EventName, eventId, idempotencyId);
        if (drift.Count > 0)
        {
            delivery.Runtime.DriftLog.Report(descriptor.EventName, drift);
            telemetry.Drifted(drift);
        }

        // A verified, parsed delivery with an id reserves it first: a repeat or a concurrent duplicate is answered here.
        WebhookIdempotencyGate.Lease? lease = null;
        if (idempotencyId is not null)
        {
            lease = await WebhookIdempotencyGate.EnterAsync(httpContext, idempotency, logger, receiver.Name, descriptor.EventName, idempotencyId, telemetry).ConfigureAwait(false);
            if (lease is null)
            {
                return;
            }
        }

        WebhookResult result;
        var handlerSpan = telemetry.StartHandler();
        var started = Stopwatch.GetTimestamp();
        try
        {
            var handler = httpContext.RequestServices.GetRequiredService<TReceiver>();
            result = await descriptor.Handle(handler, payload, context, cancellationToken).ConfigureAwait(false);
            telemetry.HandlerRan(started, result.StatusCode >= 500 ? StatusCodeText(result.StatusCode) : null);
            handlerSpan?.SetTag(WebhookTags.StatusCode, result.StatusCode).Dispose();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            handlerSpan?.Dispose();
            await ReleaseAsync(lease).ConfigureAwait(false);
            return;
        }
#pragma warning disable CA1031 // Any handler failure is answered 500 so the sender retries; the exception is logged.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            // The exception's type only: its message is the handler's and may carry payload values.
            var errorType = exception.GetType().FullName ?? nameof(Exception);
            telemetry.HandlerRan(started, errorType);
            handlerSpan?.SetStatus(ActivityStatusCode.Error).SetTag(WebhookTags.ErrorType, errorType).Dispose();
            telemetry.Failed(errorType);
            WebhookLog.HandlerFailed(logger, receiver.Name, descriptor.EventName, eventId, RedactedException.For(exception, delivery.Options.GetSecrets()));

            // Released before answering, so that the sender's retry is processed rather than met with 409.
            await ReleaseAsync(lease).ConfigureAwait(false);
            await WriteProblemAsync(httpContext, StatusCodes.Status500InternalServerError, "The webhook handler failed", detail: null).ConfigureAwait(false);
            return;
        }

        // Recorded only after a 2xx; any other answer (RetryLater, 4xx, 5xx) releases the id for the sender's retry.
        if (lease is not null)
        {
            await lease.EndAsync(result.StatusCode).ConfigureAwait(false);
        }

        telemetry.Answered(result.StatusCode);
        WebhookLog.Handled(logger, receiver.Name, descriptor.EventName, eventId, result.StatusCode);
        httpContext.Response.StatusCode = result.StatusCode;
        if (result.RetryAfter is { } retryAfter)
        {
            httpContext.Response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// Answers a JWT body that fails verification: <c>401</c>, or <c>503</c> when no key could be fetched to verify it with.
    /// Only the outcome is logged, never the token or its claims.
    /// </summary>
    private static Task RejectTokenAsync(HttpContext httpContext, string eventName, VerifiedDelivery delivery, JwtVerificationResult outcome)
    {
        WebhookLog.TokenRejected(delivery.Runtime.Logger, delivery.Runtime.Descriptor.Name, eventName, outcome);
        delivery.Telemetry.ForEvent(eventName, eventId: null, deliveryId: null).Rejected(WebhookRejectionReason.ForToken(outcome));
        if (outcome == JwtVerificationResult.KeysUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "60";
            return WriteProblemAsync(httpContext, StatusCodes.Status503ServiceUnavailable, "Token keys unavailable", "The keys to verify the token with cannot be fetched now; retry later.");
        }

        httpContext.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }

    private static ValueTask ReleaseAsync(WebhookIdempotencyGate.Lease? lease) =>
        lease is null ? ValueTask.CompletedTask : lease.ReleaseAsync();

    private static string StatusCodeText(int statusCode) => statusCode.ToString(CultureInfo.InvariantCulture);

    /// <summary>Answers a verified delivery of an event the spec does not describe: never a 5xx.</summary>
    public static void AcknowledgeUnknownEvent(HttpContext httpContext, WebhookRouteDescriptor route, VerifiedDelivery delivery, string? value)
    {
        var status = delivery.Options.UnknownEventStatusCode;
        WebhookLog.UnknownEvent(delivery.Runtime.Logger, route.Receiver.Name, route.Description, Shorten(value), status);
        delivery.Telemetry.Rejected(WebhookRejectionReason.UnknownEvent);
        httpContext.Response.StatusCode = status;
    }

    /// <summary>Answers a verified delivery of an event of the spec that the receiver chose not to handle: acknowledged and counted.</summary>
    public static void AcknowledgeUnhandledEvent(HttpContext httpContext, WebhookRouteDescriptor route, VerifiedDelivery delivery, string eventName)
    {
        var status = delivery.Options.UnknownEventStatusCode;
        WebhookLog.UnhandledEvent(delivery.Runtime.Logger, route.Receiver.Name, route.Description, Shorten(eventName), status);
        delivery.Telemetry.Rejected(WebhookRejectionReason.NotHandled);
        httpContext.Response.StatusCode = status;
    }

    /// <summary>Answers a verified body that is not a JSON object on a route that reads the event's name from it.</summary>
    public static Task RejectUnreadableBodyAsync(HttpContext httpContext, WebhookRouteDescriptor route, VerifiedDelivery delivery)
    {
        const string Reason = "The body is not valid JSON or not a JSON object, so it names no event.";
        return RejectPayloadAsync(httpContext, delivery.Runtime.Logger, route.Receiver.Name, route.Description, delivery.Telemetry, string.Empty, Reason);
    }

    /// <summary>
    /// Answers a payload that cannot be taken (400 with a problem body naming <paramref name="path"/>), logged with the
    /// path and reason only and counted as an invalid payload.
    /// </summary>
    private static Task RejectPayloadAsync(
        HttpContext httpContext, ILogger logger, string receiverName, string eventName, WebhookTelemetry telemetry, string path, string reason, string? detail = null)
    {
        WebhookLog.PayloadRejected(logger, receiverName, eventName, path, reason);
        telemetry.Rejected(WebhookRejectionReason.InvalidPayload);
        return WriteProblemAsync(httpContext, StatusCodes.Status400BadRequest, "Invalid webhook payload", detail ?? reason, path);
    }

    /// <summary>
    /// Read the body (bounded), verify its signature, then hand the verified bytes on; in the delivery's span and counted.
    /// <c>eventName</c> names the event in logs (a route of several: its description); <c>telemetryEvent</c> names it in
    /// metrics and the span, null until a route of several has read it.
    /// </summary>
    private static async Task ReceiveAsync<TState>(
        HttpContext httpContext,
        WebhookReceiverDescriptor receiver,
        string eventName,
        string? telemetryEvent,
        WebhookBodyFormats formats,
        TState state,
        Func<HttpContext, TState, VerifiedDelivery, Task> next)
    {
        var telemetry = WebhookTelemetry.Start(receiver.Name, receiver.SpanName, telemetryEvent);
        try
        {
            var runtime = httpContext.RequestServices.GetRequiredKeyedService<WebhookReceiverRuntime>(receiver.Name);
            var options = runtime.Options;
            PooledBody body;
            try
            {
                body = await ReadBodyAsync(httpContext, options.MaxRequestBodySize, httpContext.RequestAborted).ConfigureAwait(false);
            }
            catch (Exception exception) when (IsClientFault(httpContext, exception))
            {
                // A slow, cut or malformed upload is the client's fault, and any client can send one: no error, no stack trace.
                WebhookLog.ClientFault(runtime.Logger, receiver.Name, eventName, exception.GetType().Name);
                if (!httpContext.Response.HasStarted && !httpContext.RequestAborted.IsCancellationRequested)
                {
                    httpContext.Response.StatusCode = exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest;
                }

                return;
            }

            if (body.Buffer is null)
            {
                WebhookLog.BodyTooLarge(runtime.Logger, receiver.Name, eventName, options.MaxRequestBodySize);
                telemetry.Rejected(WebhookRejectionReason.BodyTooLarge);
                await WriteProblemAsync(httpContext, StatusCodes.Status413PayloadTooLarge, "Payload too large", $"The body must not exceed {options.MaxRequestBodySize} bytes.").ConfigureAwait(false);
                return;
            }

            try
            {
                var bytes = body.Buffer.AsMemory(0, body.Length);
                if (Verify(httpContext, receiver, eventName, options, runtime, bytes.Span, telemetry)
                    && await WebhookContentType.AcceptAsync(httpContext, runtime, receiver.Name, eventName, telemetry, formats).ConfigureAwait(false)
                    && (formats.HasFlag(WebhookBodyFormats.Jwt) || await AcceptNamesOnceAsync(httpContext, runtime, receiver.Name, eventName, telemetry, bytes).ConfigureAwait(false)))
                {
                    await next(httpContext, state, new VerifiedDelivery(runtime, options, bytes, telemetry)).ConfigureAwait(false);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(body.Buffer);
            }
        }
        finally
        {
            telemetry.Stop(httpContext.Response.StatusCode);
        }
    }

    /// <summary>
    /// Refuses a JSON body that names a member twice in one object (400): what routes it and what reads it could
    /// otherwise take different values. Only the name is logged, never a value.
    /// </summary>
    private static async ValueTask<bool> AcceptNamesOnceAsync(
        HttpContext httpContext, WebhookReceiverRuntime runtime, string receiverName, string eventName, WebhookTelemetry telemetry, ReadOnlyMemory<byte> json)
    {
        if (JsonDuplicateProperties.Find(json.Span) is not { } name)
        {
            return true;
        }

        var reason = $"The member '{Shorten(name)}' appears twice in one object; each member may be named once.";
        await RejectPayloadAsync(httpContext, runtime.Logger, receiverName, eventName, telemetry, Shorten(name), reason).ConfigureAwait(false);
        return false;
    }

    private static bool Verify(
        HttpContext httpContext,
        WebhookReceiverDescriptor receiver,
        string eventName,
        WebhookReceiverOptions options,
        WebhookReceiverRuntime runtime,
        ReadOnlySpan<byte> body,
        WebhookTelemetry telemetry)
    {
        if (options.AllowUnsignedDeliveries)
        {
            WebhookLog.Unsigned(runtime.Logger, receiver.Name, eventName);
            return true;
        }

        // Fail closed: options validation refuses to start without a verifier or a secret; should that be bypassed, nothing passes.
        var verifier = runtime.GetVerifier(options);
        if (verifier is null && receiver.ReceivesOnlyJwt)
        {
            // No HTTP signature is declared and every body is a signed token, verified before its claims are read.
            return true;
        }

        var secrets = options.GetSecrets();
        var outcome = verifier is null || secrets.Count == 0
            ? SignatureVerificationResult.Mismatch
            : verifier.Verify(httpContext.Request.Headers, body, secrets);
        if (outcome == SignatureVerificationResult.Valid)
        {
            return true;
        }

        WebhookLog.SignatureRejected(runtime.Logger, receiver.Name, eventName, outcome);
        telemetry.Rejected(WebhookRejectionReason.ForSignature(outcome));
        httpContext.Response.StatusCode = receiver.SignatureFailureStatusCode;
        return false;
    }

    /// <summary>
    /// Whether reading the body failed for the client's reasons: it went away (an abort), sent a malformed or too slow
    /// request (Kestrel's <see cref="BadHttpRequestException"/>), or its connection broke (an <see cref="IOException"/>).
    /// </summary>
    private static bool IsClientFault(HttpContext httpContext, Exception exception) =>
        exception is BadHttpRequestException or IOException
        || (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested);

    /// <summary>A value from the sender, cut short for a log line.</summary>
    internal static string Shorten(string? value) =>
        value is null ? "(none)" : value.Length <= 100 ? value : value[..100] + "…";

    private readonly record struct PooledBody(byte[]? Buffer, int Length);

    /// <summary>Reads the whole body into a pooled buffer; <see cref="PooledBody.Buffer"/> is null when it exceeds the limit.</summary>
    private static async ValueTask<PooledBody> ReadBodyAsync(HttpContext httpContext, long limit, CancellationToken cancellationToken)
    {
        // The body is buffered in one array, so no limit goes beyond what an array holds; clamping also keeps
        // limit + 1 below from overflowing (a limit of long.MaxValue, "unbounded", read every body as empty).
        limit = Math.Min(limit, Array.MaxLength - 1);

        var request = httpContext.Request;
        if (request.ContentLength > limit)
        {
            return default;
        }

        // The server's own limit must not cut a body that ours allows.
        if (httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature && sizeFeature.MaxRequestBodySize < limit)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(limit + 1, request.ContentLength is { } length ? length + 1 : 4096));
        var count = 0;
        try
        {
            while (true)
            {
                if (count > limit)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return default;
                }

                if (count == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(limit + 1, (long)buffer.Length * 2));
                    buffer.AsSpan(0, count).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                // Never read more than one byte past the limit, however large the rented buffer is.
                var room = (int)Math.Min(buffer.Length - count, limit + 1 - count);
                var read = await request.Body.ReadAsync(buffer.AsMemory(count, room), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                count += read;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        return new PooledBody(buffer, count);
    }

    /// <summary>
    /// Sets the status and writes a problem+json body when the sender accepts one. A sender whose <c>Accept</c> rules
    /// out JSON gets the status alone: <see cref="IProblemDetailsService.WriteAsync"/> would throw and turn a 400 or 413 into a 500.
    /// </summary>
    internal static async Task WriteProblemAsync(HttpContext httpContext, int statusCode, string title, string? detail, string? field = null)
    {
        httpContext.Response.StatusCode = statusCode;
        var problem = new ProblemDetails { Status = statusCode, Title = title, Detail = detail };
        if (!string.IsNullOrEmpty(field))
        {
            problem.Extensions["field"] = field;
        }

        var problemDetails = httpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        _ = await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem }).ConfigureAwait(false);
    }
}
