using Microsoft.Extensions.Logging;

namespace GitHub.Receiver;

/// <summary>The sample's log lines: numbers, names, refs and logins only, never the payload, a title, a body or the secret.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "ping: {HookType} hook {HookId} subscribed to {Events} (delivery {DeliveryId})")]
    public static partial void Ping(ILogger logger, long? hookId, string? hookType, string? events, string? deliveryId);

    [LoggerMessage(2, LogLevel.Information, "push: {CommitCount} commit(s) to {Ref} of {Repository}, now at {After} (delivery {DeliveryId})")]
    public static partial void Push(ILogger logger, int commitCount, string @ref, string repository, string after, string? deliveryId);

    [LoggerMessage(3, LogLevel.Information, "issues.opened: #{Number} in {Repository} by {Sender} (delivery {DeliveryId})")]
    public static partial void IssueOpened(ILogger logger, long number, string repository, string sender, string? deliveryId);

    [LoggerMessage(4, LogLevel.Information, "issues.closed: #{Number} in {Repository} as {StateReason} by {Sender} (delivery {DeliveryId})")]
    public static partial void IssueClosed(ILogger logger, long number, string repository, string? stateReason, string sender, string? deliveryId);

    [LoggerMessage(5, LogLevel.Information, "pull_request.opened: #{Number} in {Repository}, {Head} into {Base}, draft {Draft} (delivery {DeliveryId})")]
    public static partial void PullRequestOpened(ILogger logger, long number, string repository, string head, string @base, bool draft, string? deliveryId);

    [LoggerMessage(6, LogLevel.Information, "pull_request.closed: #{Number} in {Repository}, merged {Merged} (delivery {DeliveryId})")]
    public static partial void PullRequestClosed(ILogger logger, long number, string repository, bool merged, string? deliveryId);
}
