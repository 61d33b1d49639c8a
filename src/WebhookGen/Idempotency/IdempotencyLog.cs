using System;
using Microsoft.Extensions.Logging;

namespace WebhookGen.Idempotency;

/// <summary>The log lines of deduplication. None carries the payload.</summary>
internal static partial class IdempotencyLog
{
    [LoggerMessage(20, LogLevel.Information, "{Receiver} acknowledged a repeated delivery of {EventName} {DeliveryId} without calling the handler: it was handled already")]
    public static partial void Duplicate(ILogger logger, string receiver, string eventName, string deliveryId);

    [LoggerMessage(21, LogLevel.Information, "{Receiver} answered 409 to a delivery of {EventName} {DeliveryId}: the same id is being handled; the sender retries")]
    public static partial void InProgress(ILogger logger, string receiver, string eventName, string deliveryId);

    [LoggerMessage(22, LogLevel.Error, "{Receiver} could not reserve {EventName} {DeliveryId} in the idempotency store; answered 503 so the sender retries")]
    public static partial void ReserveFailed(ILogger logger, string receiver, string eventName, string deliveryId, Exception exception);

    [LoggerMessage(23, LogLevel.Error, "{Receiver} handled {EventName} {DeliveryId} but could not record it in the idempotency store; a repeat may be handled again")]
    public static partial void CompleteFailed(ILogger logger, string receiver, string eventName, string deliveryId, Exception exception);

    [LoggerMessage(24, LogLevel.Warning, "{Receiver} could not release its reservation of {EventName} {DeliveryId}; a retry is answered 409 until the reservation lapses")]
    public static partial void ReleaseFailed(ILogger logger, string receiver, string eventName, string deliveryId, Exception exception);
}
