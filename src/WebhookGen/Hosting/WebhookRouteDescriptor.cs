using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace WebhookGen.Hosting;

/// <summary>
/// One URL that receives several events: after the signature is verified, <see cref="Selector"/> names the event and the
/// delivery goes to its handler. An event the spec does not describe is acknowledged (see
/// <see cref="WebhookReceiverOptions.UnknownEventStatusCode"/>) and logged, never answered with a 5xx. Generated per route.
/// </summary>
public sealed class WebhookRouteDescriptor
{
    private readonly Dictionary<string, WebhookEvent> _events;

    /// <summary>Describes a route.</summary>
    /// <param name="receiver">The receiver the route belongs to.</param>
    /// <param name="selector">What tells the route's events apart.</param>
    /// <param name="events">
    /// Each event by the value <paramref name="selector"/> reads for it; an event under the empty value receives the
    /// deliveries that carry no value.
    /// </param>
    public WebhookRouteDescriptor(WebhookReceiverDescriptor receiver, WebhookEventSelector selector, IEnumerable<KeyValuePair<string, WebhookEvent>> events)
    {
        Receiver = receiver ?? throw new ArgumentNullException(nameof(receiver));
        Selector = selector ?? throw new ArgumentNullException(nameof(selector));
        ArgumentNullException.ThrowIfNull(events);
        _events = new Dictionary<string, WebhookEvent>(StringComparer.Ordinal);
        foreach (var (value, evt) in events)
        {
            _events.Add(value, evt ?? throw new ArgumentException("An event is null.", nameof(events)));
        }

        Description = "(event by " + selector + ")";
    }

    /// <summary>The receiver the route belongs to.</summary>
    public WebhookReceiverDescriptor Receiver { get; }

    /// <summary>What tells the route's events apart.</summary>
    public WebhookEventSelector Selector { get; }

    /// <summary>The events, by the value that names each.</summary>
    public IReadOnlyDictionary<string, WebhookEvent> Events => _events;

    internal string Description { get; }

    /// <summary>Receives one delivery: read, verify, name the event, then parse and dispatch as that event.</summary>
    public Task HandleAsync(HttpContext httpContext) => WebhookRequestProcessor.ProcessAsync(httpContext, this);

    internal Task DispatchAsync(HttpContext httpContext, VerifiedDelivery delivery)
    {
        if (!Selector.TrySelect(httpContext, delivery.Body.Span, out var value))
        {
            return WebhookRequestProcessor.RejectUnreadableBodyAsync(httpContext, this, delivery);
        }

        // An event registered under the empty value is the one whose deliveries carry no value at all.
        if (_events.TryGetValue(value ?? string.Empty, out var evt))
        {
            return evt.HandleVerifiedAsync(httpContext, delivery);
        }

        WebhookRequestProcessor.AcknowledgeUnknownEvent(httpContext, this, delivery, value);
        return Task.CompletedTask;
    }
}
