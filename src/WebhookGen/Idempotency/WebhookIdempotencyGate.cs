using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WebhookGen.Diagnostics;

namespace WebhookGen.Idempotency;

/// <summary>
/// Where the request pipeline deduplicates: before the handler, reserve the delivery's id (or answer a repeat);
/// after it, complete the reservation on a 2xx or release it otherwise.
/// </summary>
internal static class WebhookIdempotencyGate
{
    /// <summary>Ids longer than this are hashed into the key, so that a sender cannot make keys arbitrarily long.</summary>
    private const int MaxIdLength = 200;

    /// <summary>
    /// The id a delivery is deduplicated by, taken from signed content only, so that a captured delivery cannot be replayed
    /// under a new id: the signed id header's value (Standard Webhooks' <c>webhook-id</c>), else the event's id from the
    /// body, else a digest of the body (<paramref name="signedIdHeader"/>: the header the signature covers as the
    /// delivery's id, if any). Null when deduplication is off or the body is empty.
    /// </summary>
    public static string? FindId(HttpRequest request, WebhookIdempotencyOptions options, string? signedIdHeader, string? eventId, ReadOnlySpan<byte> body)
    {
        if (!options.Enabled)
        {
            return null;
        }

        if (!string.IsNullOrEmpty(signedIdHeader) && request.Headers[signedIdHeader].ToString() is { Length: > 0 } header)
        {
            return header;
        }

        if (!string.IsNullOrEmpty(eventId))
        {
            return eventId;
        }

        return body.IsEmpty ? null : BodyDigestPrefix + Convert.ToHexString(SHA256.HashData(body));
    }

    /// <summary>What an id taken from the body's digest starts with.</summary>
    public const string BodyDigestPrefix = "sha256:";

    /// <summary>The store key: <c>{receiver}:{id}</c>, a long id replaced by its SHA-256.</summary>
    public static string Key(string receiverName, string id) =>
        receiverName + ":" + (id.Length <= MaxIdLength ? id : BodyDigestPrefix + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(id))));

    /// <summary>
    /// Reserves the id. Returns the lease to complete or release, or null when the delivery has been answered here
    /// (a repeat: 200; the same id in progress: 409 with Retry-After; the store failing: 503 with Retry-After), which
    /// <paramref name="telemetry"/> records.
    /// </summary>
    public static async Task<Lease?> EnterAsync(HttpContext httpContext, WebhookIdempotencyOptions options, ILogger logger, string receiverName, string eventName, string id, WebhookTelemetry telemetry)
    {
        var store = httpContext.RequestServices.GetRequiredService<IWebhookIdempotencyStore>();
        var key = Key(receiverName, id);
        WebhookIdempotencyReservation reservation;
        try
        {
            reservation = await store.TryReserveAsync(key, options.ReservationTimeout, httpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (httpContext.RequestAborted.IsCancellationRequested)
        {
            return null;
        }
#pragma warning disable CA1031 // A store that fails must not turn into an unhandled 500 without a Retry-After.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            IdempotencyLog.ReserveFailed(logger, receiverName, eventName, id, exception);
            telemetry.Rejected(WebhookRejectionReason.IdempotencyUnavailable);
            Answer(httpContext, StatusCodes.Status503ServiceUnavailable, options.InProgressRetryAfter);
            return null;
        }

        switch (reservation.Status)
        {
            case WebhookIdempotencyStatus.Reserved when reservation.Token is { } token:
                return new Lease(store, options, logger, receiverName, eventName, id, key, token);
            case WebhookIdempotencyStatus.Completed:
                IdempotencyLog.Duplicate(logger, receiverName, eventName, id);
                telemetry.Duplicate();
                Answer(httpContext, StatusCodes.Status200OK, retryAfter: null);
                return null;
            default:
                IdempotencyLog.InProgress(logger, receiverName, eventName, id);
                telemetry.InProgress();
                Answer(httpContext, StatusCodes.Status409Conflict, options.InProgressRetryAfter);
                return null;
        }
    }

    private static void Answer(HttpContext httpContext, int statusCode, TimeSpan? retryAfter)
    {
        httpContext.Response.StatusCode = statusCode;
        if (retryAfter is { } delay)
        {
            httpContext.Response.Headers.RetryAfter = ((long)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>A held reservation. Neither method throws: a store failure is logged, and the reservation lapses on its own.</summary>
    internal sealed class Lease(IWebhookIdempotencyStore store, WebhookIdempotencyOptions options, ILogger logger, string receiverName, string eventName, string id, string key, string token)
    {
        /// <summary>Completes the reservation when <paramref name="statusCode"/> is 2xx, releases it otherwise.</summary>
        public ValueTask EndAsync(int statusCode) =>
            statusCode is >= 200 and < 300 ? CompleteAsync() : ReleaseAsync();

        public async ValueTask CompleteAsync()
        {
            try
            {
                await store.CompleteAsync(key, token, options.Retention, CancellationToken.None).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // The handler has run; its answer stands.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                IdempotencyLog.CompleteFailed(logger, receiverName, eventName, id, exception);
            }
        }

        public async ValueTask ReleaseAsync()
        {
            try
            {
                await store.ReleaseAsync(key, token, CancellationToken.None).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // The reservation lapses after ReservationTimeout anyway.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                IdempotencyLog.ReleaseFailed(logger, receiverName, eventName, id, exception);
            }
        }
    }
}
