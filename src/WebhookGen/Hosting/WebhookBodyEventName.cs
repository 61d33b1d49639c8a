namespace WebhookGen.Hosting;

/// <summary>
/// The top-level body property that names an event, and this event's value of it (gridX: <c>type</c>,
/// <c>appliance/create</c>). On the event's own route, a verified body that names another event is refused with 400.
/// </summary>
/// <param name="Property">The property's name in the body.</param>
/// <param name="Value">The value that names this event.</param>
public sealed record WebhookBodyEventName(string Property, string Value);
