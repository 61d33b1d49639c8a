using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Http;

namespace WebhookGen;

/// <summary>
/// The delivery a handler is called for: its event, its ids and, when the handler runs inside the request, the HTTP request
/// it came in. A receiver with a durable inbox runs its handlers later, in the background: there is no request then.
/// </summary>
public sealed class WebhookContext
{
    private IHeaderDictionary? _noHeaders;

    /// <summary>Creates the context of a delivery handled inside its request.</summary>
    public WebhookContext(HttpContext httpContext, string receiverName, string eventName, string? eventId, ReadOnlyMemory<byte> body)
    {
        HttpContext = httpContext ?? throw new ArgumentNullException(nameof(httpContext));
        Services = httpContext.RequestServices;
        ReceiverName = receiverName;
        EventName = eventName;
        EventId = eventId;
        Body = body;
    }

    /// <summary>Creates the context of a delivery handled from the inbox, in the service scope <paramref name="services"/>.</summary>
    public WebhookContext(IServiceProvider services, string receiverName, string eventName, string? eventId, ReadOnlyMemory<byte> body)
    {
        Services = services ?? throw new ArgumentNullException(nameof(services));
        ReceiverName = receiverName;
        EventName = eventName;
        EventId = eventId;
        Body = body;
    }

    /// <summary>
    /// The HTTP context of the delivery when the handler runs inside the request; <see langword="null"/> when it runs from
    /// the durable inbox (docs/inbox.md), after the sender was answered.
    /// </summary>
    public HttpContext? HttpContext { get; }

    /// <summary>The service scope the handler runs in: the request's, or the inbox worker's scope for this delivery.</summary>
    public IServiceProvider Services { get; }

    /// <summary>The request's headers; empty when the handler runs from the inbox (headers are not stored).</summary>
    public IHeaderDictionary Headers => HttpContext?.Request.Headers ?? (_noHeaders ??= new HeaderDictionary());

    /// <summary>
    /// Which run of the handler this is for the delivery: 1 inside the request; from the inbox, 1 and up as failed runs are
    /// retried. It counts WebhookGen's runs only, not the sender's own retries.
    /// </summary>
    public int Attempt { get; init; } = 1;

    /// <summary>The name of the receiver class.</summary>
    public string ReceiverName { get; }

    /// <summary>The event as the spec names it, for example <c>appliance/create</c>.</summary>
    public string EventName { get; }

    /// <summary>The event's id where the spec gives one (for gridX, the body's <c>id</c>), otherwise <see langword="null"/>.</summary>
    public string? EventId { get; }

    /// <summary>
    /// The id this delivery was deduplicated by, from signed content only: a signed id header's value (Standard Webhooks'
    /// <c>webhook-id</c>), else <see cref="EventId"/>, else <c>sha256:</c> and the body's digest; <see langword="null"/> when
    /// idempotency is off (docs/idempotency.md).
    /// </summary>
    public string? IdempotencyId { get; init; }

    /// <summary>
    /// The delivery's id as its sender labels it (GitHub's <c>X-GitHub-Delivery</c>, <c>Idempotency:IdHeader</c>), for logs
    /// and support requests; <see langword="null"/> when the request has none. Unsigned headers label a delivery but never
    /// decide whether it is new: see <see cref="IdempotencyId"/>.
    /// </summary>
    public string? DeliveryId { get; init; }

    /// <summary>
    /// How the payload differs from the spec (a required member missing, a date-time as unix seconds, an enum value it
    /// does not list), one entry per member and kind; empty when it matches. See docs/drift.md.
    /// </summary>
    public IReadOnlyList<PayloadDrift> Drift { get; init; } = [];

    /// <summary>
    /// The raw body whose signature was verified (from the inbox: the JSON the payload was read from). Valid only until the
    /// handler returns: it lives in a pooled buffer.
    /// </summary>
    public ReadOnlyMemory<byte> Body { get; }
}
