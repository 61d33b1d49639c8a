using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WebhookGen.Diagnostics;
using WebhookGen.Jwt;
using WebhookGen.Signatures;

namespace WebhookGen.Hosting;

/// <summary>
/// One delivery on its way through <see cref="WebhookRequestProcessor"/>: the request, the receiver's services, the options
/// it is received under, its telemetry and the name it goes by so far. Every answer that ends a delivery early is written
/// here, and each is logged and counted exactly once, in the same way.
/// </summary>
internal sealed class WebhookDelivery
{
    public WebhookDelivery(HttpContext httpContext, WebhookReceiverDescriptor receiver, WebhookReceiverRuntime runtime, string name, string? eventName)
    {
        HttpContext = httpContext;
        Receiver = receiver;
        Runtime = runtime;
        Telemetry = WebhookTelemetry.Start(Runtime.Metrics, receiver.Name, receiver.SpanName, eventName);
        Options = Runtime.Options;
        Name = name;
    }

    public HttpContext HttpContext { get; }

    public WebhookReceiverDescriptor Receiver { get; }

    public WebhookReceiverRuntime Runtime { get; }

    /// <summary>The options the delivery is received under, read once so that a reload cannot change them halfway.</summary>
    public WebhookReceiverOptions Options { get; }

    public ILogger Logger => Runtime.Logger;

    public WebhookTelemetry Telemetry { get; private set; }

    /// <summary>The event's name in logs; on a route of several events, the route's description until the event is known.</summary>
    public string Name { get; private set; }

    /// <summary>The body whose signature was verified (for a JWT event, the token's claims once it is verified).</summary>
    public ReadOnlyMemory<byte> Body { get; set; }

    public CancellationToken Aborted => HttpContext.RequestAborted;

    /// <summary>The event's id where the spec gives one, once the payload is read.</summary>
    public string? EventId { get; private set; }

    /// <summary>The event is known: it names the delivery in logs, metrics and the span from now on.</summary>
    public void Identify(string eventName, string? eventId = null, string? idempotencyId = null)
    {
        Name = eventName;
        EventId = eventId;
        Telemetry = Telemetry.ForEvent(eventName, eventId, idempotencyId);
    }

    /// <summary>Ends the delivery's span with the status it was answered.</summary>
    public void Stop() => Telemetry.Stop(HttpContext.Response.StatusCode);

    public Task RejectTooLargeAsync()
    {
        WebhookLog.BodyTooLarge(Logger, Receiver.Name, Name, Options.MaxRequestBodySize);
        Telemetry.Rejected(WebhookRejectionReason.BodyTooLarge);
        return WriteProblemAsync(StatusCodes.Status413PayloadTooLarge, "Payload too large", $"The body must not exceed {Options.MaxRequestBodySize} bytes.");
    }

    /// <summary>A slow, cut or malformed upload is the client's fault, and any client can send one: no error, no stack trace.</summary>
    public void RejectClientFault(Exception exception)
    {
        WebhookLog.ClientFault(Logger, Receiver.Name, Name, exception.GetType().Name);
        if (!HttpContext.Response.HasStarted && !Aborted.IsCancellationRequested)
        {
            HttpContext.Response.StatusCode = exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest;
        }
    }

    public void RejectSignature(SignatureVerificationResult outcome)
    {
        WebhookLog.SignatureRejected(Logger, Receiver.Name, Name, outcome);
        Telemetry.Rejected(WebhookRejectionReason.ForSignature(outcome));
        HttpContext.Response.StatusCode = Receiver.SignatureFailureStatusCode;
    }

    public Task RejectMediaTypeAsync(string detail)
    {
        WebhookLog.UnsupportedContentType(Logger, Receiver.Name, Name, Shorten(HttpContext.Request.ContentType));
        Telemetry.Rejected(WebhookRejectionReason.UnsupportedMediaType);
        return WriteProblemAsync(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", detail);
    }

    /// <summary>
    /// A JWT body that fails verification: <c>401</c>, or <c>503</c> when no key could be fetched to verify it with.
    /// Only the outcome is logged, never the token or its claims.
    /// </summary>
    public Task RejectTokenAsync(JwtVerificationResult outcome)
    {
        WebhookLog.TokenRejected(Logger, Receiver.Name, Name, outcome);
        Telemetry.Rejected(WebhookRejectionReason.ForToken(outcome));
        if (outcome == JwtVerificationResult.KeysUnavailable)
        {
            HttpContext.Response.Headers.RetryAfter = "60";
            return WriteProblemAsync(StatusCodes.Status503ServiceUnavailable, "Token keys unavailable", "The keys to verify the token with cannot be fetched now; retry later.");
        }

        HttpContext.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }

    /// <summary>
    /// A payload that cannot be taken: 400 with a problem body naming <paramref name="path"/>, logged with the path and
    /// reason only (never a value of the payload) and counted as an invalid payload.
    /// </summary>
    public Task RejectPayloadAsync(string path, string reason, string? detail = null)
    {
        WebhookLog.PayloadRejected(Logger, Receiver.Name, Name, path, reason);
        Telemetry.Rejected(WebhookRejectionReason.InvalidPayload);
        return WriteProblemAsync(StatusCodes.Status400BadRequest, "Invalid webhook payload", detail ?? reason, path);
    }

    /// <summary>A verified delivery of an event the spec does not describe: acknowledged, never a 5xx.</summary>
    public void AcknowledgeUnknownEvent(string? value)
    {
        var status = Options.UnknownEventStatusCode;
        WebhookLog.UnknownEvent(Logger, Receiver.Name, Name, Shorten(value), status);
        Telemetry.Rejected(WebhookRejectionReason.UnknownEvent);
        HttpContext.Response.StatusCode = status;
    }

    /// <summary>A verified delivery of an event of the spec that the receiver chose not to handle: acknowledged and counted.</summary>
    public void AcknowledgeUnhandledEvent(string eventName)
    {
        var status = Options.UnknownEventStatusCode;
        WebhookLog.UnhandledEvent(Logger, Receiver.Name, Name, Shorten(eventName), status);
        Telemetry.Rejected(WebhookRejectionReason.NotHandled);
        HttpContext.Response.StatusCode = status;
    }

    /// <summary>A repeat of a delivery already handled (or accepted into the inbox): 200, the handler is not called.</summary>
    public void AnswerDuplicate(string id)
    {
        Idempotency.IdempotencyLog.Duplicate(Logger, Receiver.Name, Name, id);
        Telemetry.Duplicate();
        Answer(StatusCodes.Status200OK, retryAfter: null);
    }

    /// <summary>The same id is being handled elsewhere: 409 with <c>Retry-After</c>, for the sender to come back.</summary>
    public void AnswerInProgress(string id)
    {
        Idempotency.IdempotencyLog.InProgress(Logger, Receiver.Name, Name, id);
        Telemetry.InProgress();
        Answer(StatusCodes.Status409Conflict, Options.Idempotency.InProgressRetryAfter);
    }

    /// <summary>A store the delivery depends on failed: 503 with <c>Retry-After</c>, never an unexplained 500.</summary>
    public void AnswerUnavailable(string reason, TimeSpan retryAfter)
    {
        Telemetry.Rejected(reason);
        Answer(StatusCodes.Status503ServiceUnavailable, retryAfter);
    }

    /// <summary>Stored in the durable inbox: 200 at once, the handler runs in the background.</summary>
    public void AnswerQueued()
    {
        Telemetry.Queued();
        Answer(StatusCodes.Status200OK, retryAfter: null);
    }

    /// <summary>The handler's answer, sent as its status (and <c>Retry-After</c>).</summary>
    public void Answer(WebhookResult result)
    {
        Telemetry.Answered(result.StatusCode);
        WebhookLog.Handled(Logger, Receiver.Name, Name, EventId, result.StatusCode);
        Answer(result.StatusCode, result.RetryAfter);
    }

    /// <summary>The handler threw: 500 so that the sender retries. Its exception is logged with configured secrets masked.</summary>
    public Task AnswerHandlerFailedAsync(Exception exception)
    {
        WebhookLog.HandlerFailed(Logger, Receiver.Name, Name, EventId, RedactedException.For(exception, Options.GetSecrets()));
        return WriteProblemAsync(StatusCodes.Status500InternalServerError, "The webhook handler failed", detail: null);
    }

    private void Answer(int statusCode, TimeSpan? retryAfter)
    {
        HttpContext.Response.StatusCode = statusCode;
        if (retryAfter is { } delay)
        {
            HttpContext.Response.Headers.RetryAfter = ((long)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// Sets the status and writes a problem+json body when the sender accepts one. A sender whose <c>Accept</c> rules
    /// out JSON gets the status alone: <see cref="IProblemDetailsService.WriteAsync"/> would throw and turn a 400 or 413 into a 500.
    /// </summary>
    private async Task WriteProblemAsync(int statusCode, string title, string? detail, string? field = null)
    {
        HttpContext.Response.StatusCode = statusCode;
        var problem = new ProblemDetails { Status = statusCode, Title = title, Detail = detail };
        if (!string.IsNullOrEmpty(field))
        {
            problem.Extensions["field"] = field;
        }

        var problemDetails = HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        _ = await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = HttpContext, ProblemDetails = problem }).ConfigureAwait(false);
    }

    /// <summary>A value from the sender, cut short for a log line.</summary>
    public static string Shorten(string? value) =>
        value is null ? "(none)" : value.Length <= 100 ? value : value[..100] + "…";
}
