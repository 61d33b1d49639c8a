using System;
using System.Threading;
using System.Threading.Tasks;
using WebhookGen.Inbox;

namespace WebhookGen.Hosting;

/// <summary>An event a route can dispatch to. Only <see cref="WebhookEventDescriptor{TReceiver, TEvent}"/> derives from it.</summary>
public abstract class WebhookEvent
{
    private protected WebhookEvent()
    {
    }

    /// <summary>The receiver the event belongs to.</summary>
    public abstract WebhookReceiverDescriptor Receiver { get; }

    /// <summary>The event's name in the spec.</summary>
    public abstract string EventName { get; }

    /// <summary>The receiver class the event's handler is declared on (the class marked <see cref="WebhookReceiverAttribute"/>).</summary>
    public abstract Type ReceiverType { get; }

    /// <summary>How the event's body is written: <see cref="WebhookBodyFormats.Json"/> or <see cref="WebhookBodyFormats.Jwt"/>.</summary>
    public abstract WebhookBodyFormats BodyFormat { get; }

    /// <summary>The body property that names the event and its value here, where the spec pins one per event.</summary>
    public abstract WebhookBodyEventName? BodyEventName { get; }

    /// <summary>Takes a verified delivery of this event: parse, deduplicate, then run the handler or queue it.</summary>
    internal abstract Task AcceptAsync(WebhookDelivery delivery);

    /// <summary>Reads a queued delivery's payload again and runs the handler, in <paramref name="services"/>' scope.</summary>
    internal abstract Task<WebhookResult> RunQueuedAsync(IServiceProvider services, WebhookInboxMessage message, int attempt, WebhookPayloadReading reading, CancellationToken cancellationToken);
}
