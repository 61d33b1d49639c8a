using System;
using Microsoft.Extensions.Logging;
using WebhookGen.Signatures;

namespace WebhookGen.Hosting;

/// <summary>Every log line a receiver writes. None carries a secret, a signature or the payload.</summary>
internal static partial class WebhookLog
{
    [LoggerMessage(1, LogLevel.Warning, "{Receiver} rejected a delivery of {EventName}: the body is larger than {Limit} bytes")]
    public static partial void BodyTooLarge(ILogger logger, string receiver, string eventName, long limit);

    [LoggerMessage(2, LogLevel.Warning, "{Receiver} rejected a delivery of {EventName}: signature {Outcome}")]
    public static partial void SignatureRejected(ILogger logger, string receiver, string eventName, SignatureVerificationResult outcome);

    [LoggerMessage(3, LogLevel.Warning, "{Receiver} rejected a delivery of {EventName}: invalid payload at '{Path}': {Reason}")]
    public static partial void PayloadRejected(ILogger logger, string receiver, string eventName, string path, string reason);

    [LoggerMessage(4, LogLevel.Debug, "{Receiver} handled {EventName} {EventId}: {StatusCode}")]
    public static partial void Handled(ILogger logger, string receiver, string eventName, string? eventId, int statusCode);

    [LoggerMessage(5, LogLevel.Error, "{Receiver}'s handler for {EventName} {EventId} failed; answered 500 so the sender retries")]
    public static partial void HandlerFailed(ILogger logger, string receiver, string eventName, string? eventId, Exception exception);

    [LoggerMessage(7, LogLevel.Warning, "{Receiver} received an event it does not know on {Route}: '{Value}'; answered {StatusCode}")]
    public static partial void UnknownEvent(ILogger logger, string receiver, string route, string value, int statusCode);

    [LoggerMessage(40, LogLevel.Debug, "{Receiver} acknowledged {EventName} on {Route}, an event of the spec it does not handle; answered {StatusCode}")]
    public static partial void UnhandledEvent(ILogger logger, string receiver, string route, string eventName, int statusCode);

    [LoggerMessage(6, LogLevel.Warning, "{Receiver} accepted a delivery of {EventName} without checking a signature (AllowUnsignedDeliveries is on)")]
    public static partial void Unsigned(ILogger logger, string receiver, string eventName);

    [LoggerMessage(8, LogLevel.Warning, "{Receiver} rejected a delivery of {EventName}: Content-Type '{ContentType}' is not JSON in UTF-8; answered 415")]
    public static partial void UnsupportedContentType(ILogger logger, string receiver, string eventName, string contentType);

    [LoggerMessage(11, LogLevel.Warning, "{Receiver} rejected a delivery of {EventName}: token {Outcome}")]
    public static partial void TokenRejected(ILogger logger, string receiver, string eventName, WebhookGen.Jwt.JwtVerificationResult outcome);

    [LoggerMessage(9, LogLevel.Warning, "{Receiver} read a delivery of {EventName} that drifts from the spec at '{Path}': {DriftKind}. Logged once per event, member and kind (see docs/drift.md)")]
    public static partial void PayloadDrifted(ILogger logger, string receiver, string eventName, string path, string driftKind);

    [LoggerMessage(12, LogLevel.Debug, "{Receiver} could not read a delivery of {EventName}: the client aborted or sent a malformed request ({Fault})")]
    public static partial void ClientFault(ILogger logger, string receiver, string eventName, string fault);

    [LoggerMessage(13, LogLevel.Warning, "{Receiver}'s signing secret {Index} of {Count} has {Length} characters; use at least {Minimum} random characters, or a captured delivery's signature can be brute-forced")]
    public static partial void ShortSecret(ILogger logger, string receiver, int index, int count, int length, int minimum);

    [LoggerMessage(14, LogLevel.Error, "{Receiver}'s reloaded options are invalid and were not applied; it keeps its last valid options: {Failures}")]
    public static partial void InvalidReload(ILogger logger, string receiver, string failures);

    [LoggerMessage(10, LogLevel.Warning, "{Receiver} has logged {Capacity} distinct payload drifts; new ones are no longer logged, only counted (webhookgen.payload.drift)")]
    public static partial void PayloadDriftLogFull(ILogger logger, string receiver, int capacity);
}
