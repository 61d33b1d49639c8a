using System;
using Microsoft.AspNetCore.Http;

namespace WebhookGen;

/// <summary>
/// What a handler answers the sender: accepted, or "retry later" without throwing.
/// <c>default(WebhookResult)</c> is the same as <see cref="Ok"/>.
/// </summary>
public readonly record struct WebhookResult
{
    // Stored relative to 200, so that default(WebhookResult) means OK rather than a status code of 0.
    private readonly int _statusFrom200;

    private WebhookResult(int statusCode, TimeSpan? retryAfter)
    {
        _statusFrom200 = statusCode - StatusCodes.Status200OK;
        RetryAfter = retryAfter;
    }

    /// <summary>The HTTP status code sent back.</summary>
    public int StatusCode => StatusCodes.Status200OK + _statusFrom200;

    /// <summary>The delay announced in a <c>Retry-After</c> header, if any.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The event was handled: <c>200 OK</c>.</summary>
    public static WebhookResult Ok() => new(StatusCodes.Status200OK, null);

    /// <summary>
    /// The event could not be handled now and the sender should deliver it again:
    /// <c>503 Service Unavailable</c>, with <c>Retry-After</c> when <paramref name="retryAfter"/> is given.
    /// </summary>
    public static WebhookResult RetryLater(TimeSpan? retryAfter = null)
    {
        if (retryAfter is { } delay && delay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(retryAfter), delay, "The delay must not be negative.");
        }

        return new(StatusCodes.Status503ServiceUnavailable, retryAfter);
    }

    /// <summary>Any other status code, for senders that give one a meaning (for example <c>410 Gone</c> to unsubscribe).</summary>
    public static WebhookResult Status(int statusCode)
    {
        if (statusCode is < 100 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "An HTTP status code is between 100 and 599.");
        }

        return new(statusCode, null);
    }
}
