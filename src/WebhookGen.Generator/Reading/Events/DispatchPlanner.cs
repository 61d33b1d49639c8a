using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Microsoft.OpenApi;
using WebhookGen.Generator.Diagnostics;
using WebhookGen.Generator.Helpers;
using WebhookGen.Generator.Model;

namespace WebhookGen.Generator.Reading.Events;

/// <summary>
/// Plans the receiver's routes. Events that arrive at the same URL share one route, which names the event by, in order:
/// an OpenAPI discriminator mapping; the header of <c>eventDiscriminator</c>; a top-level body property that is a
/// <c>const</c> or single-value enum with a different value per event (a CloudEvents <c>type</c>), also where an
/// <c>allOf</c> part pins a property its base declares; a header parameter that is. Where nothing tells them apart,
/// WHG012 says so and each event gets a route of its own.
/// </summary>
internal sealed class DispatchPlanner(SpecReadContext context, Func<string, ObjectTypeModel?> findObject, Func<string, EnumTypeModel?> findEnum)
{
    /// <summary>The routes, and each event's final route.</summary>
    public (List<RouteModel> Routes, Dictionary<string, string> RouteByIdentifier) Plan(IReadOnlyList<TypedEvent> events)
    {
        var routes = new List<RouteModel>();
        var routeByIdentifier = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in events.GroupBy(e => (e.Candidate.HttpMethod, e.Candidate.Route)))
        {
            var members = group.ToList();
            var (method, route) = group.Key;
            if (members.Count == 1)
            {
                routes.Add(Single(method, route, members[0].Identifier));
                routeByIdentifier[members[0].Identifier] = route;
                continue;
            }

            if (Select(members) is { } selector)
            {
                routes.Add(new RouteModel(method, route, selector.Kind, selector.Name, members.Select((e, i) => new RouteEventModel(selector.Values[i], e.Identifier)).ToEquatableArray()));
                foreach (var member in members)
                {
                    routeByIdentifier[member.Identifier] = route;
                }

                continue;
            }

            context.Report(
                DiagnosticDescriptors.EventsNotDistinguishable,
                members[0].Candidate.Pointer,
                method + " " + route,
                string.Join(", ", members.Select(m => m.EventName)));
            foreach (var member in members)
            {
                var own = route.TrimEnd('/') + "/" + Kebab(member.Identifier);
                routes.Add(Single(method, own, member.Identifier));
                routeByIdentifier[member.Identifier] = own;
            }
        }

        return (routes, routeByIdentifier);
    }

    private static RouteModel Single(string method, string route, string identifier) =>
        new(method, route, SelectorKind.None, null, new[] { new RouteEventModel(string.Empty, identifier) }.ToEquatableArray());

    private (SelectorKind Kind, string Name, List<string> Values)? Select(List<TypedEvent> members)
    {
        return Distinct(SelectorKind.BodyProperty, members.Select(m => (m.BodyPropertyName, m.BodyPropertyValue)))
            ?? Distinct(SelectorKind.Header, members.Select(m => (m.Candidate.DiscriminatorHeader, m.Candidate.DiscriminatorValue)))
            ?? FromBodyConstants(members)
            ?? FromHeaderConstants(members);
    }

    /// <summary>A selector when every event gives the same name and a value of its own.</summary>
    private static (SelectorKind, string, List<string>)? Distinct(SelectorKind kind, IEnumerable<(string? Name, string? Value)> pairs)
    {
        var list = pairs.ToList();
        var name = list[0].Name;
        if (name is null || list.Any(p => p.Name != name || p.Value is null))
        {
            return null;
        }

        var values = list.Select(p => p.Value!).ToList();
        return values.Distinct(StringComparer.Ordinal).Count() == values.Count ? (kind, name, values) : null;
    }

    /// <summary>
    /// A body property that is constant in each event with a value of its own. At most one event may lack the property
    /// altogether: it receives the deliveries that carry none (its value is empty).
    /// </summary>
    private (SelectorKind, string, List<string>)? FromBodyConstants(List<TypedEvent> members)
    {
        var constantsPerEvent = members.Select(m => BodyConstants(m.Payload)).ToList();
        var names = constantsPerEvent.SelectMany(c => c.Keys).Distinct(StringComparer.Ordinal)
            .OrderBy(n => n == "type" ? 0 : n.IndexOf("type", StringComparison.OrdinalIgnoreCase) >= 0 || n.IndexOf("event", StringComparison.OrdinalIgnoreCase) >= 0 ? 1 : 2)
            .ThenBy(n => n, StringComparer.Ordinal);
        foreach (var name in names)
        {
            var values = constantsPerEvent.Select((c, i) => c.TryGetValue(name, out var value) ? value : Declares(members[i].Payload, name) ? null : string.Empty).ToList();
            if (values.All(v => v is not null)
                && values.Count(v => v!.Length == 0) <= 1
                && values.Distinct(StringComparer.Ordinal).Count() == values.Count)
            {
                return (SelectorKind.BodyProperty, name, values.Select(v => v!).ToList());
            }
        }

        return null;
    }

    /// <summary>Whether the payload has a property of that name at all (then it cannot be the one that lacks it).</summary>
    private bool Declares(TypeRef payload, string wireName) =>
        payload.Kind != ValueKind.Object || findObject(payload.Name!) is not { } type || type.AllProperties.Any(p => p.WireName == wireName);

    /// <summary>
    /// The payload's top-level properties that can hold one value only, by wire name: those typed by a one-value enum, and
    /// those its schema pins but that keep a base's type (<see cref="ObjectTypeModel.PinnedValues"/>).
    /// </summary>
    private Dictionary<string, string> BodyConstants(TypeRef payload)
    {
        var constants = new Dictionary<string, string>(StringComparer.Ordinal);
        if (payload.Kind != ValueKind.Object || findObject(payload.Name!) is not { } type)
        {
            return constants;
        }

        foreach (var property in type.AllProperties)
        {
            if (property.Type.Kind == ValueKind.Enum && findEnum(property.Type.Name!) is { Members.Count: 1 } single)
            {
                constants[property.WireName] = single.Members[0].Value;
            }
        }

        foreach (var pinned in type.PinnedValues)
        {
            constants[pinned.WireName] = pinned.Value;
        }

        return constants;
    }

    private static (SelectorKind, string, List<string>)? FromHeaderConstants(List<TypedEvent> members)
    {
        var perEvent = members.Select(m => HeaderConstants(m.Candidate.Operation)).ToList();
        foreach (var name in perEvent[0].Keys.Where(n => perEvent.All(p => p.ContainsKey(n))))
        {
            var values = perEvent.Select(p => p[name]).ToList();
            if (values.Distinct(StringComparer.Ordinal).Count() == values.Count)
            {
                return (SelectorKind.Header, name, values);
            }
        }

        return null;
    }

    private static Dictionary<string, string> HeaderConstants(OpenApiOperation operation)
    {
        var constants = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in operation.Parameters ?? new List<IOpenApiParameter>())
        {
            if (parameter.In != ParameterLocation.Header || parameter.Name is null || parameter.Schema is null)
            {
                continue;
            }

            var single = parameter.Schema.Const
                ?? (parameter.Schema.Enum is { Count: 1 } values && values[0]?.GetValueKind() == JsonValueKind.String ? values[0]!.GetValue<string>() : null);
            if (single is not null)
            {
                constants[parameter.Name] = single;
            }
        }

        return constants;
    }

    private static string Kebab(string identifier)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var c in identifier.TrimStart('@', '_'))
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
