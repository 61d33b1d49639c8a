using System;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WebhookGen.Diagnostics;
using WebhookGen.Hosting;

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
    /// Reserves the delivery's id. Returns the lease to complete or release, or null when <paramref name="delivery"/> has
    /// been answered here: a repeat (200), the same id in progress (409), the store failing (503, both with Retry-After).
    /// A <see cref="ValueTask{TResult}"/>: with a store that answers synchronously (the in-memory one), nothing is allocated for it.
    /// </summary>
    public static async ValueTask<Lease?> EnterAsync(WebhookDelivery delivery, string id)
    {
        var options = delivery.Options.Idempotency;
        var store = delivery.HttpContext.RequestServices.GetRequiredService<IWebhookIdempotencyStore>();
        var key = Key(delivery.Receiver.Name, id);
        WebhookIdempotencyReservation reservation;
        try
        {
            reservation = await store.TryReserveAsync(key, options.ReservationTimeout, delivery.Aborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (delivery.Aborted.IsCancellationRequested)
        {
            return null;
        }
#pragma warning disable CA1031 // A store that fails must not turn into an unhandled 500 without a Retry-After.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            IdempotencyLog.ReserveFailed(delivery.Logger, delivery.Receiver.Name, delivery.Name, id, exception);
            delivery.AnswerUnavailable(WebhookRejectionReason.IdempotencyUnavailable, options.InProgressRetryAfter);
            return null;
        }

        switch (reservation.Status)
        {
            case WebhookIdempotencyStatus.Reserved when reservation.Token is { } token:
                return new Lease(store, delivery, id, key, token);
            case WebhookIdempotencyStatus.Completed:
                delivery.AnswerDuplicate(id);
                return null;
            default:
                delivery.AnswerInProgress(id);
                return null;
        }
    }

    /// <summary>A held reservation. Neither method throws: a store failure is logged, and the reservation lapses on its own.</summary>
    internal sealed class Lease(IWebhookIdempotencyStore store, WebhookDelivery delivery, string id, string key, string token)
    {
        /// <summary>Completes the reservation when <paramref name="statusCode"/> is 2xx, releases it otherwise.</summary>
        public ValueTask EndAsync(int statusCode) =>
            statusCode is >= 200 and < 300 ? CompleteAsync() : ReleaseAsync();

        public async ValueTask CompleteAsync()
        {
            try
            {
                await store.CompleteAsync(key, token, delivery.Options.Idempotency.Retention, CancellationToken.None).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // The handler has run; its answer stands.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                IdempotencyLog.CompleteFailed(delivery.Logger, delivery.Receiver.Name, delivery.Name, id, exception);
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
                IdempotencyLog.ReleaseFailed(delivery.Logger, delivery.Receiver.Name, delivery.Name, id, exception);
            }
        }
    }
}
