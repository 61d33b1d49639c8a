using WebhookGen.Generator.Helpers;

namespace WebhookGen.Generator.Model;

/// <summary>What tells the events of one route apart.</summary>
internal enum SelectorKind
{
    /// <summary>The route carries one event.</summary>
    None,

    /// <summary>A request header's value (<c>X-GitHub-Event</c> style).</summary>
    Header,

    /// <summary>A top-level property of the body: a <c>const</c> or single-value enum, or an OpenAPI discriminator.</summary>
    BodyProperty,
}

/// <summary>One URL of the receiver and the events it receives.</summary>
/// <param name="Route">Relative to the receiver's prefix.</param>
/// <param name="SelectorName">The header or property named by <paramref name="Selector"/>; null for <see cref="SelectorKind.None"/>.</param>
internal sealed record RouteModel(string HttpMethod, string Route, SelectorKind Selector, string? SelectorName, EquatableArray<RouteEventModel> Events);

/// <summary>An event of a route: the value that names it (empty on a one-event route) and its C# name.</summary>
internal sealed record RouteEventModel(string Value, string Identifier);
