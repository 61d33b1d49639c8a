using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Http;

namespace WebhookGen.Hosting;

/// <summary>
/// One URL that receives several events, or events the receiver does not handle: after the signature is verified,
/// <see cref="Selector"/> names the event and the delivery goes to its handler. An event the spec does not describe, and
/// one the receiver chose not to handle, is acknowledged (see <see cref="WebhookReceiverOptions.UnknownEventStatusCode"/>),
/// logged and counted, never answered with a 4xx or 5xx. Generated per route.
/// </summary>
public sealed class WebhookRouteDescriptor
{
    private readonly Dictionary<string, WebhookEvent> _events;
    private readonly HashSet<string> _ignored;

    /// <summary>Describes a route.</summary>
    /// <param name="receiver">The receiver the route belongs to.</param>
    /// <param name="selector">What tells the route's events apart; null on a route of one event.</param>
    /// <param name="events">
    /// Each event by the key <paramref name="selector"/> reads for it (<see cref="WebhookEventSelector.Key"/> for a combined
    /// selector); an event under the empty key receives the deliveries that carry no value.
    /// </param>
    /// <param name="ignored">
    /// The keys of the spec's events that the receiver does not handle: acknowledged and counted as not handled rather
    /// than as unknown.
    /// </param>
    public WebhookRouteDescriptor(
        WebhookReceiverDescriptor receiver,
        WebhookEventSelector? selector,
        IEnumerable<KeyValuePair<string, WebhookEvent>> events,
        IEnumerable<string>? ignored = null)
    {
        Receiver = receiver ?? throw new ArgumentNullException(nameof(receiver));
        Selector = selector;
        ArgumentNullException.ThrowIfNull(events);
        _events = new Dictionary<string, WebhookEvent>(StringComparer.Ordinal);
        foreach (var (value, evt) in events)
        {
            _events.Add(value, evt ?? throw new ArgumentException("An event is null.", nameof(events)));
            BodyFormats |= evt.BodyFormat;
        }

        _ignored = new HashSet<string>(ignored ?? [], StringComparer.Ordinal);
        Description = selector is null ? "(events not handled)" : "(event by " + selector + ")";
    }

    /// <summary>The receiver the route belongs to.</summary>
    public WebhookReceiverDescriptor Receiver { get; }

    /// <summary>What tells the route's events apart; null on a route of one event.</summary>
    public WebhookEventSelector? Selector { get; }

    /// <summary>The events, by the key that names each.</summary>
    public IReadOnlyDictionary<string, WebhookEvent> Events => _events;

    /// <summary>The keys of the spec's events on this route that the receiver does not handle.</summary>
    public IReadOnlySet<string> Ignored => _ignored;

    internal string Description { get; }

    /// <summary>Whether the route reads the body to name the event, so that a body must be checked before that read.</summary>
    internal bool ReadsBody => Selector?.ReadsBody == true;

    /// <summary>The body formats of the route's events, which its media type check accepts.</summary>
    internal WebhookBodyFormats BodyFormats { get; }

    /// <summary>
    /// Names the event of a verified body: the handled event it is (<paramref name="evt"/>), one of the spec's events the
    /// receiver does not handle, one the spec does not describe, or a body that names none; <paramref name="key"/> is what
    /// was read, for the log.
    /// </summary>
    internal RouteMatch Match(HttpContext httpContext, ReadOnlySpan<byte> body, out WebhookEvent? evt, out string? key)
    {
        evt = null;
        key = null;
        string[] keys = [string.Empty];
        if (Selector is not null && !Selector.TryGetKeys(httpContext, body, out keys))
        {
            return RouteMatch.Unreadable;
        }

        // Most specific first: an event registered under an empty part takes what no event names more precisely.
        foreach (var candidate in keys)
        {
            if (_events.TryGetValue(candidate, out evt))
            {
                return RouteMatch.Event;
            }
        }

        key = keys[0].Length == 0 ? null : WebhookEventSelector.Display(keys[0]);
        foreach (var candidate in keys)
        {
            if (_ignored.Contains(candidate))
            {
                return RouteMatch.Unhandled;
            }
        }

        return RouteMatch.Unknown;
    }
}

/// <summary>What a route of several events made of a verified body.</summary>
internal enum RouteMatch
{
    /// <summary>An event the receiver handles.</summary>
    Event,

    /// <summary>An event of the spec the receiver chose not to handle.</summary>
    Unhandled,

    /// <summary>An event the spec does not describe.</summary>
    Unknown,

    /// <summary>A body that is not a JSON object, so names no event.</summary>
    Unreadable,
}
