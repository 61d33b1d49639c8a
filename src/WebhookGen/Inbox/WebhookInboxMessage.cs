using System;

namespace WebhookGen.Inbox;

/// <summary>
/// A delivery that was verified and validated, kept durably until its handler has run. Stored once per delivery the
/// sender was answered 2xx for; the handler's payload is read again from <see cref="Payload"/>.
/// </summary>
/// <param name="Id">The message's id in the inbox, unique (a new GUID per delivery).</param>
/// <param name="ReceiverName">The receiver class the delivery came to.</param>
/// <param name="EventName">The event as the spec names it.</param>
/// <param name="Payload">The verified JSON the payload is read from (a JWT body's claims, not the token).</param>
/// <param name="EventId">The event's id from the payload, if the spec gives one.</param>
/// <param name="IdempotencyId">The id the delivery was deduplicated by, if deduplication is on.</param>
/// <param name="DeliveryId">The sender's label of the delivery (<c>X-GitHub-Delivery</c>), if any.</param>
/// <param name="ReceivedAt">When the receiver accepted the delivery.</param>
public sealed record WebhookInboxMessage(
    string Id,
    string ReceiverName,
    string EventName,
    ReadOnlyMemory<byte> Payload,
    string? EventId,
    string? IdempotencyId,
    string? DeliveryId,
    DateTimeOffset ReceivedAt);
