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
/// <c>allOf</c> part pins a property its base declares; a header parameter that is (GitHub's <c>X-GitHub-Event</c>, whose
/// value per webhook is in <c>x-github.subcategory</c>); a header and a body property together, or two body properties,
/// where only the pair tells events apart (GitHub: <c>X-GitHub-Event</c> and <c>action</c>); a plain string property whose
/// values are the webhooks' own names. Where nothing tells them apart, WHG012 says so and each event gets a route of its own.
/// </summary>
internal sealed class DispatchPlanner(SpecReadContext context, Func<string, ObjectTypeModel?> findObject, Func<string, EnumTypeModel?> findEnum)
{
    /// <summary>Top-level string properties that commonly carry an event's name, in the order they are tried.</summary>
    private static readonly string[] EventNameProperties = ["type", "event", "event_type", "eventType", "event_name", "eventName", "kind"];

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

            if (Select(members) is { } selection)
            {
                routes.Add(new RouteModel(
                    method,
                    route,
                    selection.Selectors.ToEquatableArray(),
                    members.Select((e, i) => new RouteEventModel(selection.Values[i].ToEquatableArray(), e.Identifier)).ToEquatableArray()));
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

    /// <summary>
    /// For events that each have a route of their own, the body property that names the event, where the spec pins one per
    /// event with a different value each (gridX's <c>type: appliance/create</c> at <c>/events/appliance/create</c>): a
    /// signed body of one event posted to another's route is refused rather than handled as the route's event.
    /// </summary>
    public Dictionary<string, (string Property, string Value)> BodyEventNames(IReadOnlyList<TypedEvent> events, IReadOnlyList<RouteModel> routes)
    {
        var single = new HashSet<string>(routes.Where(r => !r.IsShared && r.Events.Count == 1).Select(r => r.Events[0].Identifier), StringComparer.Ordinal);
        var own = events.Where(e => single.Contains(e.Identifier) && e.BodyFormat == EventBodyFormat.Json && e.Payload.Kind == ValueKind.Object).ToList();
        var names = new Dictionary<string, (string Property, string Value)>(StringComparer.Ordinal);
        if (own.Count == 0)
        {
            return names;
        }

        var constants = own.Select(e => BodyConstants(e.Payload)).ToList();
        foreach (var property in EventNameProperties)
        {
            if (!constants.All(c => c.ContainsKey(property)))
            {
                continue;
            }

            var values = constants.Select(c => c[property]).ToList();
            if (values.Distinct(StringComparer.Ordinal).Count() != values.Count)
            {
                continue;
            }

            for (var i = 0; i < own.Count; i++)
            {
                names[own[i].Identifier] = (property, values[i]);
            }

            break;
        }

        return names;
    }

    private static RouteModel Single(string method, string route, string identifier) =>
        new(method, route, EquatableArray<SelectorModel>.Empty, new[] { new RouteEventModel(EquatableArray<string>.Empty, identifier) }.ToEquatableArray());

    private Selection? Select(List<TypedEvent> members)
    {
        var headers = members.Select(m => HeaderConstants(m.Candidate)).ToList();
        var bodies = members.Select(m => m.Payload.Kind == ValueKind.Object || m.Schema is null ? BodyConstants(m.Payload) : SchemaConstants(m.Schema, 0)).ToList();
        return Distinct(SelectorKind.BodyProperty, members.Select(m => (m.BodyPropertyName, m.BodyPropertyValue)))
            ?? Distinct(SelectorKind.Header, members.Select(m => (m.Candidate.DiscriminatorHeader, m.Candidate.DiscriminatorValue)))
            ?? FromBodyConstants(members, bodies)
            ?? FromHeaderConstants(headers)
            ?? FromHeaderAndBody(members, headers, bodies)
            ?? FromTwoBodyProperties(members, bodies)
            ?? FromEventNameProperty(members);
    }

    /// <summary>A selector when every event gives the same name and a value of its own.</summary>
    private static Selection? Distinct(SelectorKind kind, IEnumerable<(string? Name, string? Value)> pairs)
    {
        var list = pairs.ToList();
        var name = list[0].Name;
        if (name is null || list.Any(p => p.Name != name || p.Value is null))
        {
            return null;
        }

        var values = list.Select(p => p.Value!).ToList();
        return values.Distinct(StringComparer.Ordinal).Count() == values.Count ? Selection.Of(new SelectorModel(kind, name), values) : null;
    }

    /// <summary>
    /// A body property that is constant in each event with a value of its own. At most one event may lack the property
    /// altogether: it receives the deliveries that carry none (its value is empty).
    /// </summary>
    private Selection? FromBodyConstants(List<TypedEvent> members, List<Dictionary<string, string>> bodies)
    {
        foreach (var name in BodyPropertyNames(bodies))
        {
            var values = BodyValues(members, bodies, name);
            if (values.All(v => v is not null)
                && values.Count(v => v!.Length == 0) <= 1
                && values.Distinct(StringComparer.Ordinal).Count() == values.Count)
            {
                return Selection.Of(new SelectorModel(SelectorKind.BodyProperty, name), values.Select(v => v!).ToList());
            }
        }

        return null;
    }

    private static Selection? FromHeaderConstants(List<Dictionary<string, string>> headers)
    {
        foreach (var name in SharedHeaders(headers))
        {
            var values = headers.Select(p => p[name]).ToList();
            if (values.Distinct(StringComparer.Ordinal).Count() == values.Count)
            {
                return Selection.Of(new SelectorModel(SelectorKind.Header, name), values);
            }
        }

        return null;
    }

    /// <summary>
    /// A header every event gives a value for, together with a body property (GitHub: <c>X-GitHub-Event</c> and <c>action</c>).
    /// An event that does not pin the property (a <c>push</c> has no <c>action</c>) takes any value of it: it receives the
    /// deliveries of its header value that no more specific event takes.
    /// </summary>
    private Selection? FromHeaderAndBody(List<TypedEvent> members, List<Dictionary<string, string>> headers, List<Dictionary<string, string>> bodies)
    {
        foreach (var header in SharedHeaders(headers))
        {
            foreach (var property in BodyPropertyNames(bodies))
            {
                var pairs = members.Select((m, i) => new[] { headers[i][header], bodies[i].TryGetValue(property, out var value) ? value : string.Empty }).ToList();
                if (AllDistinct(pairs))
                {
                    return new Selection([new SelectorModel(SelectorKind.Header, header), new SelectorModel(SelectorKind.BodyProperty, property)], pairs);
                }
            }
        }

        return null;
    }

    /// <summary>Two body properties together, each constant per event (a <c>resource</c> and an <c>action</c>).</summary>
    private Selection? FromTwoBodyProperties(List<TypedEvent> members, List<Dictionary<string, string>> bodies)
    {
        var names = BodyPropertyNames(bodies).ToList();

        // The broader property names the group first (resource before action): fewer distinct values, and never `action`.
        var firsts = names.Where(n => bodies.All(b => b.ContainsKey(n)))
            .OrderBy(n => bodies.Select(b => b[n]).Distinct(StringComparer.Ordinal).Count())
            .ThenBy(n => n == "action" ? 1 : 0)
            .ToList();
        foreach (var first in firsts)
        {
            foreach (var second in names.Where(n => n != first))
            {
                var pairs = members.Select((m, i) => new[] { bodies[i][first], bodies[i].TryGetValue(second, out var value) ? value : string.Empty }).ToList();
                if (AllDistinct(pairs))
                {
                    return new Selection([new SelectorModel(SelectorKind.BodyProperty, first), new SelectorModel(SelectorKind.BodyProperty, second)], pairs);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A plain string property that every payload declares under a name that usually carries the event's name, where the
    /// spec names each webhook by its value (<c>invoice.paid</c>): the webhooks' names are the values.
    /// </summary>
    private Selection? FromEventNameProperty(List<TypedEvent> members)
    {
        if (members.Any(m => m.Candidate.Kind == EventSourceKind.Path) || members.Select(m => m.EventName).Distinct(StringComparer.Ordinal).Count() != members.Count)
        {
            return null;
        }

        foreach (var name in EventNameProperties)
        {
            if (members.All(m => StringProperty(m.Payload, name)))
            {
                return Selection.Of(new SelectorModel(SelectorKind.BodyProperty, name), members.Select(m => m.EventName).ToList());
            }
        }

        return null;
    }

    private static bool AllDistinct(List<string[]> keys) =>
        keys.Select(k => string.Join("\n", k)).Distinct(StringComparer.Ordinal).Count() == keys.Count;

    /// <summary>Headers every event gives a constant for, in the order the first event declares them.</summary>
    private static IEnumerable<string> SharedHeaders(List<Dictionary<string, string>> headers) =>
        headers[0].Keys.Where(n => headers.All(p => p.ContainsKey(n)));

    /// <summary>Body properties some event pins, the likeliest event names first (<c>type</c>, then names with type or event in them).</summary>
    private static IEnumerable<string> BodyPropertyNames(List<Dictionary<string, string>> bodies) =>
        bodies.SelectMany(c => c.Keys).Distinct(StringComparer.Ordinal)
            .OrderBy(n => n == "type" ? 0 : n == "action" ? 1 : n.IndexOf("type", StringComparison.OrdinalIgnoreCase) >= 0 || n.IndexOf("event", StringComparison.OrdinalIgnoreCase) >= 0 ? 2 : 3)
            .ThenBy(n => n, StringComparer.Ordinal);

    /// <summary>Each event's constant for the property; empty for an event that lacks the property, null for one that declares it unpinned.</summary>
    private List<string?> BodyValues(List<TypedEvent> members, List<Dictionary<string, string>> bodies, string name) =>
        bodies.Select((c, i) => c.TryGetValue(name, out var value) ? value : Declares(members[i].Payload, name) ? null : string.Empty).ToList();

    /// <summary>Whether the payload has a property of that name at all (then it cannot be the one that lacks it).</summary>
    private bool Declares(TypeRef payload, string wireName) =>
        payload.Kind != ValueKind.Object || findObject(payload.Name!) is not { } type || type.AllProperties.Any(p => p.WireName == wireName);

    /// <summary>Whether the payload (every member, for a union) has a string-valued top-level property of that name.</summary>
    private bool StringProperty(TypeRef payload, string wireName)
    {
        if (payload.Kind != ValueKind.Object || findObject(payload.Name!) is not { } type)
        {
            return false;
        }

        if (type.Union is { } union)
        {
            return union.Cases.Count > 0 && union.Cases.All(c => StringProperty(new TypeRef(ValueKind.Object, c.TypeName), wireName));
        }

        return type.AllProperties.Any(p => p.WireName == wireName && p.Type.Kind is ValueKind.String or ValueKind.Enum);
    }

    /// <summary>
    /// The payload's top-level properties that can hold one value only, by wire name: those typed by a one-value enum, and
    /// those its schema pins but that keep a base's type (<see cref="ObjectTypeModel.PinnedValues"/>). For a union, the
    /// values all its members pin alike (GitHub's <c>pull_request</c> review_requested is a oneOf of two shapes, each with
    /// <c>action: review_requested</c>).
    /// </summary>
    private Dictionary<string, string> BodyConstants(TypeRef payload, int depth = 0)
    {
        var constants = new Dictionary<string, string>(StringComparer.Ordinal);
        if (payload.Kind != ValueKind.Object || findObject(payload.Name!) is not { } type || depth > 8)
        {
            return constants;
        }

        if (type.Union is { Cases.Count: > 0 } union)
        {
            var perCase = union.Cases.Select(c => BodyConstants(new TypeRef(ValueKind.Object, c.TypeName), depth + 1)).ToList();
            foreach (var pair in perCase[0].Where(p => perCase.All(c => c.TryGetValue(p.Key, out var v) && v == p.Value)))
            {
                constants[pair.Key] = pair.Value;
            }

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

    /// <summary>
    /// The top-level properties a schema pins, for a payload received as raw JSON (a oneOf of objects that nothing tells
    /// apart): a property every member pins alike still names the event (GitHub's review_requested).
    /// </summary>
    private static Dictionary<string, string> SchemaConstants(IOpenApiSchema schema, int depth)
    {
        var constants = new Dictionary<string, string>(StringComparer.Ordinal);
        var target = SchemaFacts.Target(schema);
        if (target is null || depth > 8)
        {
            return constants;
        }

        var members = target.OneOf is { Count: > 0 } oneOf ? oneOf : target.AnyOf is { Count: > 0 } anyOf ? anyOf : null;
        if (members is not null)
        {
            var perMember = members.Select(m => SchemaConstants(m, depth + 1)).ToList();
            foreach (var pair in perMember[0].Where(p => perMember.All(c => c.TryGetValue(p.Key, out var v) && v == p.Value)))
            {
                constants[pair.Key] = pair.Value;
            }

            return constants;
        }

        foreach (var part in target.AllOf ?? new List<IOpenApiSchema>())
        {
            foreach (var pair in SchemaConstants(part, depth + 1))
            {
                constants[pair.Key] = pair.Value;
            }
        }

        foreach (var property in target.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            var value = SingleValue(SchemaFacts.Target(property.Value));
            if (value is not null)
            {
                constants[property.Key] = value;
            }
        }

        return constants;
    }

    /// <summary>The one string a schema allows, by <c>const</c> or a single-value <c>enum</c>; null otherwise.</summary>
    private static string? SingleValue(IOpenApiSchema? schema) =>
        schema?.Const ?? (schema?.Enum is { Count: 1 } values && values[0]?.GetValueKind() == JsonValueKind.String ? values[0]!.GetValue<string>() : null);

    /// <summary>The headers an operation pins to one value: by a <c>const</c> or one-value enum, or by a provider's extension.</summary>
    private static Dictionary<string, string> HeaderConstants(EventCandidate candidate)
    {
        var constants = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in candidate.Operation.Parameters ?? new List<IOpenApiParameter>())
        {
            if (parameter.In != ParameterLocation.Header || parameter.Name is null)
            {
                continue;
            }

            var single = SingleValue(parameter.Schema) ?? ProviderEventHeader.Value(candidate.Operation, parameter.Name);
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

/// <summary>What names the events of a route: the selectors, and each event's values for them (in the order of the events).</summary>
internal sealed record Selection(List<SelectorModel> Selectors, List<string[]> Values)
{
    public static Selection Of(SelectorModel selector, List<string> values) => new([selector], values.Select(v => new[] { v }).ToList());
}
