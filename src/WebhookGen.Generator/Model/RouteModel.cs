using WebhookGen.Generator.Helpers;

namespace WebhookGen.Generator.Model;

/// <summary>Where a part of the value that names an event is read.</summary>
internal enum SelectorKind
{
    /// <summary>A request header's value (<c>X-GitHub-Event</c> style).</summary>
    Header,

    /// <summary>A top-level property of the body: a <c>const</c> or single-value enum, or an OpenAPI discriminator.</summary>
    BodyProperty,
}

/// <summary>One part of what tells the events of a route apart: a header or a top-level body property.</summary>
internal sealed record SelectorModel(SelectorKind Kind, string Name)
{
    public override string ToString() => (Kind == SelectorKind.Header ? "header " : "body property ") + Name;
}

/// <summary>One URL of the receiver and the events it receives.</summary>
/// <param name="Route">Relative to the receiver's prefix.</param>
/// <param name="Selectors">
/// What names the event, part by part (GitHub: the header <c>X-GitHub-Event</c>, then the body's <c>action</c>); empty on a
/// route that carries one event.
/// </param>
internal sealed record RouteModel(string HttpMethod, string Route, EquatableArray<SelectorModel> Selectors, EquatableArray<RouteEventModel> Events)
{
    /// <summary>Whether the route carries several events, told apart by <see cref="Selectors"/>.</summary>
    public bool IsShared => !Selectors.IsEmpty;

    /// <summary>
    /// The spec's events on this route that the receiver chose not to handle (<c>Events = [...]</c> on its attribute): acknowledged
    /// and counted, never routed to a handler. Empty in the spec's own model.
    /// </summary>
    public EquatableArray<RouteEventModel> Ignored { get; init; } = EquatableArray<RouteEventModel>.Empty;

    /// <summary>Whether the route needs a route descriptor rather than an event's own: it is shared, or not every event on it is handled.</summary>
    public bool NeedsRouteDescriptor => IsShared || !Ignored.IsEmpty;
}

/// <summary>
/// An event of a route: the values that name it, one per selector (empty on a one-event route), and its C# name. An empty
/// value stands for "any": the event receives the deliveries whose other parts match and that no more specific event takes.
/// </summary>
internal sealed record RouteEventModel(EquatableArray<string> Values, string Identifier)
{
    /// <summary>The values joined by dots without the empty ones (<c>issues.opened</c>, <c>push</c>): how a user names the event.</summary>
    public string Key => string.Join(".", System.Linq.Enumerable.Where(Values, v => v.Length > 0));
}
