using System;
using Microsoft.AspNetCore.Http;

namespace WebhookGen.Inbox;

internal enum WebhookInboxOutcomeKind
{
    Complete,
    Retry,
    DeadLetter,
}

/// <summary>What becomes of a queued delivery after one run of its handler.</summary>
internal readonly record struct WebhookInboxOutcome(WebhookInboxOutcomeKind Kind, DateTimeOffset NotBefore, string Reason)
{
    public static WebhookInboxOutcome Retry(DateTimeOffset notBefore, string reason) => new(WebhookInboxOutcomeKind.Retry, notBefore, reason);

    public static WebhookInboxOutcome DeadLetter(string reason) => new(WebhookInboxOutcomeKind.DeadLetter, default, reason);

    /// <summary>
    /// A 2xx completes; a 5xx, <see cref="WebhookResult.RetryLater"/>, 408 or 429 is retried (after its <c>Retry-After</c>
    /// when that is longer than the backoff) until <see cref="WebhookInboxOptions.MaxAttempts"/>; any other answer is the
    /// handler refusing the delivery, which no retry changes: a dead letter at once.
    /// </summary>
    public static WebhookInboxOutcome Of(WebhookResult result, int attempt, WebhookInboxOptions options, DateTimeOffset now)
    {
        var status = result.StatusCode;
        if (status is >= 200 and < 300)
        {
            return new(WebhookInboxOutcomeKind.Complete, default, string.Empty);
        }

        var reason = "answered " + status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var retryable = status >= 500 || status is StatusCodes.Status408RequestTimeout or StatusCodes.Status429TooManyRequests;
        if (!retryable || attempt >= options.MaxAttempts)
        {
            return DeadLetter(reason);
        }

        var delay = Backoff(attempt, options);
        if (result.RetryAfter is { } asked && asked > delay)
        {
            delay = asked;
        }

        return Retry(now + delay, reason);
    }

    /// <summary>A handler that threw is retried until <see cref="WebhookInboxOptions.MaxAttempts"/>; the reason is the exception's type.</summary>
    public static WebhookInboxOutcome Of(Exception exception, int attempt, WebhookInboxOptions options, DateTimeOffset now)
    {
        var reason = "threw " + (exception.GetType().FullName ?? nameof(Exception));
        return attempt >= options.MaxAttempts ? DeadLetter(reason) : Retry(now + Backoff(attempt, options), reason);
    }

    /// <summary>
    /// <see cref="WebhookInboxOptions.FirstRetryDelay"/> doubled per attempt up to <see cref="WebhookInboxOptions.MaxRetryDelay"/>,
    /// then jittered between half and all of it, so that deliveries that failed together do not return together.
    /// </summary>
    public static TimeSpan Backoff(int attempt, WebhookInboxOptions options)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var ceiling = Math.Min(options.FirstRetryDelay.Ticks * Math.Pow(2, exponent), options.MaxRetryDelay.Ticks);
        return TimeSpan.FromTicks((long)(ceiling / 2 + (Random.Shared.NextDouble() * ceiling / 2)));
    }
}
