using System;
using Microsoft.Extensions.Logging;

namespace WebhookGen.Inbox;

/// <summary>The log lines of the durable inbox. None carries the payload; handler exceptions are logged with secrets masked.</summary>
internal static partial class InboxLog
{
    [LoggerMessage(50, LogLevel.Debug, "{Receiver} queued {EventName} {EventId} as {MessageId}; answered 200")]
    public static partial void Queued(ILogger logger, string receiver, string eventName, string? eventId, string messageId);

    [LoggerMessage(51, LogLevel.Error, "{Receiver} could not store a delivery of {EventName} {EventId} in the inbox; answered 503 so the sender retries")]
    public static partial void EnqueueFailed(ILogger logger, string receiver, string eventName, string? eventId, Exception exception);

    [LoggerMessage(52, LogLevel.Debug, "{Receiver} handled {EventName} {MessageId} from the inbox on attempt {Attempt}: {StatusCode}")]
    public static partial void Handled(ILogger logger, string receiver, string eventName, string messageId, int attempt, int statusCode);

    [LoggerMessage(53, LogLevel.Warning, "{Receiver}'s handler for {EventName} {MessageId} did not succeed on attempt {Attempt} of {MaxAttempts} ({Outcome}); next attempt in {Delay}")]
    public static partial void RetryScheduled(ILogger logger, string receiver, string eventName, string messageId, int attempt, int maxAttempts, string outcome, TimeSpan delay);

    [LoggerMessage(54, LogLevel.Error, "{Receiver} gave up {EventName} {MessageId} after {Attempts} attempts ({Reason}): it is a dead letter until replayed")]
    public static partial void DeadLettered(ILogger logger, string receiver, string eventName, string messageId, int attempts, string reason);

    [LoggerMessage(55, LogLevel.Error, "{Receiver}'s handler for {EventName} {MessageId} threw on attempt {Attempt}")]
    public static partial void HandlerFailed(ILogger logger, string receiver, string eventName, string messageId, int attempt, Exception exception);

    [LoggerMessage(56, LogLevel.Warning, "The inbox lease of {MessageId} lapsed before its handler finished; another worker runs it again")]
    public static partial void LeaseLost(ILogger logger, string messageId);

    [LoggerMessage(57, LogLevel.Error, "The inbox store failed to {Operation}; the worker tries again in {Delay}")]
    public static partial void StoreFailed(ILogger logger, string operation, TimeSpan delay, Exception exception);

    [LoggerMessage(58, LogLevel.Error, "The inbox holds {MessageId} for {Receiver}'s event {EventName}, which this app does not handle (the receiver or the spec changed); it is a dead letter")]
    public static partial void NoHandler(ILogger logger, string receiver, string eventName, string messageId);
}
