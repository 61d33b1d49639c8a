using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Http;

namespace WebhookGen;

/// <summary>The delivery a handler is called for: its event, its id and the HTTP request it came in.</summary>
public sealed class WebhookContext
{
    /// <summary>Creates the context of one delivery.</summary>
    public WebhookContext(HttpContext httpContext, string receiverName, string eventName, string? eventId, ReadOnlyMemory<byte> body)
    {
        HttpContext = httpContext ?? throw new ArgumentNullException(nameof(httpContext));
        ReceiverName = receiverName;
        EventName = eventName;
        EventId = eventId;
        Body = body;
    }

    /// <summary>The HTTP context of the delivery; its <see cref="HttpContext.RequestServices"/> is the request's scope.</summary>
    public HttpContext HttpContext { get; }

    /// <summary>The request's headers.</summary>
    public IHeaderDictionary Headers => HttpContext.Request.Headers;

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
    /// The raw body whose signature was verified. Valid only until the handler returns: it lives in a pooled buffer.
    /// </summary>
    public ReadOnlyMemory<byte> Body { get; }
}
