namespace WebhookGen.Generator.Model;

/// <summary>One event the spec describes: where it arrives, what it carries and the handler it goes to.</summary>
/// <param name="EventName">The event as the spec names it (<c>appliance/create</c>), shown to handlers and in logs.</param>
/// <param name="Identifier">The event's C# name (<c>ApplianceCreate</c>).</param>
/// <param name="Handler">The handler's name: <c>On{Identifier}Async</c>, without doubling an <c>On</c> the name has (<c>onData</c> → <c>OnDataAsync</c>).</param>
/// <param name="HttpMethod">The upper-case HTTP method the sender uses.</param>
/// <param name="Route">The route relative to the receiver's prefix.</param>
/// <param name="EventIdExpression">C# that reads the event's id from <c>payload</c>, or null when the spec gives none.</param>
internal sealed record EventModel(
    string EventName,
    string Identifier,
    string Handler,
    string HttpMethod,
    string Route,
    TypeRef Payload,
    string? Summary,
    string? Description,
    string? EventIdExpression)
{
    /// <summary>A valid sample of the payload as JSON (see <c>ExampleBuilder</c>), for <c>{Receiver}Examples</c>; null when none.</summary>
    public string? ExampleJson { get; init; }

    /// <summary>How the body is written: JSON, or a signed JWT whose claims are <see cref="Payload"/>.</summary>
    public EventBodyFormat BodyFormat { get; init; }

    /// <summary>
    /// On an event's own route, the body property that names the event and this event's value of it, where the spec
    /// pins one per event; a body naming another event is refused. Null where the body names no event, or the route is shared.
    /// </summary>
    public BodyEventNameModel? BodyEventName { get; init; }
}

/// <summary>A top-level body property and the one value the spec allows in it for an event.</summary>
internal sealed record BodyEventNameModel(string Property, string Value);
