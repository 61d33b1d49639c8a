using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WebhookGen.Inbox;
using WebhookGen.Json;

namespace WebhookGen.Hosting;

/// <summary>
/// One event of a receiver: how its payload is read, how its id is found and which handler it goes to.
/// Generated per event; <see cref="WebhookEndpointRouteBuilderExtensions.MapWebhookEvent"/> maps its endpoint.
/// </summary>
public sealed class WebhookEventDescriptor<TReceiver, TEvent> : WebhookEvent
    where TReceiver : class
{
    /// <summary>Describes an event.</summary>
    /// <param name="receiver">The receiver the event belongs to.</param>
    /// <param name="eventName">The event's name in the spec.</param>
    /// <param name="read">Reads the payload (the claims, for a JWT body).</param>
    /// <param name="handle">Calls the handler.</param>
    /// <param name="eventId">Finds the event's id in its payload.</param>
    /// <param name="bodyFormat">How the body is written: JSON, or a signed JWT whose claims are the payload.</param>
    /// <param name="bodyEventName">On the event's own route, the body property that names the event and its value here.</param>
    public WebhookEventDescriptor(
        WebhookReceiverDescriptor receiver,
        string eventName,
        WebhookPayloadReader<TEvent> read,
        WebhookHandler<TReceiver, TEvent> handle,
        Func<TEvent, string?>? eventId = null,
        WebhookBodyFormats bodyFormat = WebhookBodyFormats.Json,
        WebhookBodyEventName? bodyEventName = null)
    {
        Receiver = receiver ?? throw new ArgumentNullException(nameof(receiver));
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        EventName = eventName;
        Read = read ?? throw new ArgumentNullException(nameof(read));
        Handle = handle ?? throw new ArgumentNullException(nameof(handle));
        EventId = eventId;
        if (bodyFormat is not (WebhookBodyFormats.Json or WebhookBodyFormats.Jwt))
        {
            throw new ArgumentOutOfRangeException(nameof(bodyFormat), bodyFormat, "An event's body is JSON or a JWT.");
        }

        BodyFormat = bodyFormat;
        BodyEventName = bodyEventName;
        receiver.Register(this);
    }

    /// <inheritdoc />
    public override WebhookReceiverDescriptor Receiver { get; }

    /// <inheritdoc />
    public override string EventName { get; }

    /// <inheritdoc />
    public override Type ReceiverType => typeof(TReceiver);

    /// <summary>Reads the payload.</summary>
    public WebhookPayloadReader<TEvent> Read { get; }

    /// <summary>Calls the handler.</summary>
    public WebhookHandler<TReceiver, TEvent> Handle { get; }

    /// <summary>Finds the event's id in its payload, where the spec has one.</summary>
    public Func<TEvent, string?>? EventId { get; }

    /// <inheritdoc />
    public override WebhookBodyFormats BodyFormat { get; }

    /// <inheritdoc />
    public override WebhookBodyEventName? BodyEventName { get; }

    internal override Task AcceptAsync(WebhookDelivery delivery) => WebhookRequestProcessor.AcceptAsync(delivery, this);

    internal override async Task<WebhookResult> RunQueuedAsync(IServiceProvider services, WebhookInboxMessage message, int attempt, WebhookPayloadReading reading, CancellationToken cancellationToken)
    {
        // Drift was reported when the delivery was accepted; read again, it is only handed to the handler.
        var payload = WebhookJson.Deserialize(message.Payload.Span, Read, reading, out var drift);
        var context = new WebhookContext(services, Receiver.Name, EventName, message.EventId, message.Payload)
        {
            IdempotencyId = message.IdempotencyId,
            DeliveryId = message.DeliveryId,
            Drift = drift,
            Attempt = attempt,
        };
        var handler = services.GetRequiredService<TReceiver>();
        return await Handle(handler, payload, context, cancellationToken).ConfigureAwait(false);
    }
}
