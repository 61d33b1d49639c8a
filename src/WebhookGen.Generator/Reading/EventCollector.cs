using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using WebhookGen.Generator.Diagnostics;
using WebhookGen.Generator.Helpers;
using WebhookGen.Generator.Model;
using WebhookGen.Generator.Reading.Events;
using WebhookGen.Generator.Reading.Jwt;
using WebhookGen.Generator.Reading.Signatures;

namespace WebhookGen.Generator.Reading;

/// <summary>
/// Finds a spec's events (<see cref="EventSourceReader"/>), types their payloads, splits an event whose body is an
/// OpenAPI discriminator with a mapping into one event per mapped value, and plans the routes (<see cref="DispatchPlanner"/>).
/// </summary>
internal sealed class EventCollector(SpecReadContext context, SchemaTypeBuilder types)
{
    private readonly HashSet<string> _identifiers = new(StringComparer.Ordinal);

    public List<HeaderParameter> HeaderParameters { get; } = new();

    public List<OpenApiOperation> Operations { get; } = new();

    public List<RouteModel> Routes { get; } = new();

    /// <summary>How the spec describes its events; null when it describes none.</summary>
    public EventSourceKind? Style { get; private set; }

    public List<EventModel> Collect(OpenApiDocument document, IReadOnlyList<LiftedOperation> lifted)
    {
        var candidates = EventSourceReader.Read(document, lifted);
        Style = candidates.Count == 0 ? null : candidates[0].Kind;
        var names = EventNames(candidates);
        var typed = new List<TypedEvent>();
        foreach (var candidate in candidates)
        {
            var parameters = candidate.Operation.Parameters ?? new List<IOpenApiParameter>();
            for (var i = 0; i < parameters.Count; i++)
            {
                if (parameters[i].In == ParameterLocation.Header)
                {
                    HeaderParameters.Add(new HeaderParameter(parameters[i], candidate.Pointer + "/parameters/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }
            }

            var schema = JsonSchema(candidate.Operation.RequestBody?.Content);
            if (schema is not null)
            {
                Operations.Add(candidate.Operation);
                typed.AddRange(Type(candidate, names[candidate], schema));
                continue;
            }

            if (JwtBody.Find(candidate.Operation.RequestBody?.Content, SpecPointer.Append(candidate.Pointer, "requestBody", "content")) is { } jwt)
            {
                Operations.Add(candidate.Operation);
                var jwtId = EventIdentifier(names[candidate], candidate.Pointer);
                var claims = JwtEvents.Claims(jwt, names[candidate], jwtId, context, types);
                typed.Add(new TypedEvent(candidate, names[candidate], jwtId, claims) { Schema = jwt.Claims, BodyFormat = EventBodyFormat.Jwt });
                continue;
            }

            if (candidate.Kind == EventSourceKind.Path)
            {
                // An operation of a receiver written as paths without a body may be anything (a health check): not an event.
                context.Report(DiagnosticDescriptors.EventWithoutBody, candidate.Pointer, candidate.HttpMethod + " " + names[candidate]);
                continue;
            }

            // A webhook without a described body is still delivered: type it from its 2xx response where the spec put the
            // payload there, else receive it as raw JSON.
            Operations.Add(candidate.Operation);
            var response = ResponseSchema(candidate.Operation);
            context.Report(
                DiagnosticDescriptors.WebhookWithoutBody,
                candidate.Pointer,
                names[candidate],
                response is null ? "the payload is received as raw JSON (JsonElement)" : "the schema of its 2xx response is taken as the payload");
            var id = EventIdentifier(names[candidate], candidate.Pointer);
            typed.Add(new TypedEvent(candidate, names[candidate], id, response is null ? TypeRef.Json : Payload(response, id, candidate.Pointer)) { Schema = response });
        }

        var planner = new DispatchPlanner(context, types.FindObject, types.FindEnum);
        typed = JwtEvents.WithoutSharedRoutes(typed, context);
        var (routes, routeByIdentifier) = planner.Plan(typed);
        Routes.AddRange(routes);
        var handlers = new HashSet<string>(StringComparer.Ordinal);
        var bodyValues = BodySelectorValues(routes);
        var bodyEventNames = planner.BodyEventNames(typed, routes);
        return typed.Select(e => new EventModel(
                e.EventName,
                e.Identifier,
                Identifiers.MakeUnique(HandlerName(e.Identifier), handlers),
                e.Candidate.HttpMethod,
                routeByIdentifier[e.Identifier],
                e.Payload,
                e.Candidate.Operation.Summary,
                e.Candidate.Operation.Description,
                EventIdExpression(e.Payload, e.BodyFormat == EventBodyFormat.Jwt ? "jti" : "id"))
            {
                BodyFormat = e.BodyFormat,
                BodyEventName = bodyEventNames.TryGetValue(e.Identifier, out var bodyName) ? new BodyEventNameModel(bodyName.Property, bodyName.Value) : null,
                ExampleJson = e.Payload.Kind == ValueKind.Object && e.Schema is not null
                    ? bodyValues.TryGetValue(e.Identifier, out var named)
                        ? ExampleBuilder.Build(e.Schema, named.Property, named.Value)
                        : ExampleBuilder.Build(e.Schema, e.BodyPropertyName, e.BodyPropertyValue)
                    : null,
            })
            .ToList();
    }

    /// <summary>The body property and value that name each event on a shared route, so that its sample event is routed to it.</summary>
    private static Dictionary<string, (string Property, string Value)> BodySelectorValues(List<RouteModel> routes)
    {
        var values = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var route in routes)
        {
            foreach (var evt in route.Events)
            {
                for (var i = 0; i < route.Selectors.Count; i++)
                {
                    if (route.Selectors[i].Kind == SelectorKind.BodyProperty && evt.Values[i].Length > 0)
                    {
                        values[evt.Identifier] = (route.Selectors[i].Name, evt.Values[i]);
                        break;
                    }
                }
            }
        }

        return values;
    }

    /// <summary>
    /// The event's identifier, which names its descriptor in <c>{Receiver}Webhooks</c>: the suffix <c>Value</c> when that
    /// class has a member of the name already (<c>Receiver</c>, <c>Equals</c>), then unique among the events.
    /// </summary>
    /// <param name="pointer">The event's operation: WHG020 is reported at the key above it (the webhook's name, the path).</param>
    private string EventIdentifier(string name, string pointer)
    {
        var preferred = Identifiers.ToPascalCase(name);
        var identifier = Identifiers.MakeUnique(Identifiers.IsWebhooksMember(preferred) ? preferred + "Value" : preferred, _identifiers);
        context.ReportRenamed("Event", pointer.Substring(0, pointer.LastIndexOf('/')), name, preferred, identifier, atKey: true);
        return identifier;
    }

    /// <summary><c>On{Event}Async</c>; an event already named <c>On…</c> (a callback <c>onData</c>) is not doubled.</summary>
    private static string HandlerName(string identifier)
    {
        var name = identifier.TrimStart('@');
        var alreadyOn = name.Length > 2 && name.StartsWith("On", StringComparison.Ordinal) && char.IsUpper(name[2]);
        return (alreadyOn ? name : "On" + name) + "Async";
    }

    /// <summary>One event, or one per value of its body's discriminator mapping.</summary>
    private IEnumerable<TypedEvent> Type(EventCandidate candidate, string name, IOpenApiSchema schema)
    {
        var target = schema is OpenApiSchemaReference reference ? reference.Target : schema;
        if (target?.Discriminator is { PropertyName: { Length: > 0 } property, Mapping: { Count: > 1 } mapping })
        {
            var shortNames = WithoutSharedPrefix(mapping.Keys.ToList(), '.');
            var events = new List<TypedEvent>();
            foreach (var entry in mapping)
            {
                var identifier = EventIdentifier(shortNames[entry.Key], candidate.Pointer);
                var payload = Payload(entry.Value, identifier, candidate.Pointer);
                events.Add(new TypedEvent(candidate, entry.Key, identifier, payload, property, entry.Key) { Schema = entry.Value });
            }

            return events;
        }

        var id = EventIdentifier(name, candidate.Pointer);
        var implicitDiscriminator = ImplicitDiscriminator(schema, depth: 0);
        return [new TypedEvent(
            candidate,
            name,
            id,
            Payload(schema, id, candidate.Pointer),
            implicitDiscriminator,
            implicitDiscriminator is null ? null : (schema as OpenApiSchemaReference)?.Reference.Id) { Schema = schema }];
    }

    /// <summary>
    /// A discriminator without a mapping, on the payload's schema or a schema it extends (Swagger 2.0 style): its value
    /// is the payload schema's name. Lets async responses without an <c>eventDiscriminator</c> share one route.
    /// </summary>
    private static string? ImplicitDiscriminator(IOpenApiSchema schema, int depth)
    {
        var target = schema is OpenApiSchemaReference reference ? reference.Target : schema;
        if (target is null || depth > 8)
        {
            return null;
        }

        if (target.Discriminator is { PropertyName: { Length: > 0 } property, Mapping: null or { Count: 0 } })
        {
            return property;
        }

        return target.AllOf?.Select(member => ImplicitDiscriminator(member, depth + 1)).FirstOrDefault(p => p is not null);
    }

    private TypeRef Payload(IOpenApiSchema schema, string identifier, string pointer)
    {
        var payload = types.Resolve(schema, identifier + "Payload", SpecPointer.Append(pointer, "requestBody"));
        if (payload.Kind is not (ValueKind.Object or ValueKind.Json))
        {
            context.Report(DiagnosticDescriptors.UnsupportedSchema, pointer, "A request body that is not an object", pointer);
            return TypeRef.Json;
        }

        return payload;
    }

    /// <summary>
    /// Names as the spec gives them: the key of a webhook or callback, the id of an async response. A receiver written as
    /// <c>paths</c> names each event by its operationId, else by its path without the segments every event shares
    /// (<c>/events/appliance/create</c> → <c>appliance/create</c>).
    /// Names given twice (one webhook with two methods) get the method added.
    /// </summary>
    private static Dictionary<EventCandidate, string> EventNames(List<EventCandidate> candidates)
    {
        var paths = candidates.Where(c => c.Kind == EventSourceKind.Path).Select(c => c.Name).Distinct().ToList();
        var shared = WithoutSharedPrefix(paths, '/');
        var names = new Dictionary<EventCandidate, string>();
        foreach (var candidate in candidates)
        {
            // A webhook, callback or async response is named by its key in the spec; only a path's name is made up.
            names[candidate] = candidate.Kind != EventSourceKind.Path ? candidate.Name
                : !string.IsNullOrEmpty(candidate.Operation.OperationId) ? candidate.Operation.OperationId!
                : shared[candidate.Name];
        }

        foreach (var twice in candidates.GroupBy(c => names[c], StringComparer.Ordinal).Where(g => g.Count() > 1).ToList())
        {
            foreach (var candidate in twice)
            {
                names[candidate] = names[candidate] + " " + candidate.HttpMethod;
            }
        }

        return names;
    }

    /// <summary>Each name without the leading segments all names share (never all of a name's segments).</summary>
    private static Dictionary<string, string> WithoutSharedPrefix(List<string> names, char separator)
    {
        var split = names.ToDictionary(n => n, n => n.Split([separator], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
        var shared = 0;
        if (split.Count > 1)
        {
            var first = split.Values.First();
            var limit = split.Values.Min(s => s.Length) - 1;
            while (shared < limit && split.Values.All(s => s[shared] == first[shared]))
            {
                shared++;
            }
        }
        else if (split.Count == 1 && separator == '/')
        {
            shared = Math.Max(0, split.Values.First().Length - 1);
        }

        return split.ToDictionary(p => p.Key, p => p.Value.Length == 0 ? p.Key : string.Join(separator.ToString(), p.Value.Skip(shared)), StringComparer.Ordinal);
    }

    private static IOpenApiSchema? ResponseSchema(OpenApiOperation operation) =>
        operation.Responses?
            .Where(r => r.Key.StartsWith("2", StringComparison.Ordinal))
            .Select(r => JsonSchema(r.Value?.Content))
            .FirstOrDefault(schema => schema is not null);

    private static IOpenApiSchema? JsonSchema(IDictionary<string, IOpenApiMediaType>? content)
    {
        if (content is null)
        {
            return null;
        }

        foreach (var media in content)
        {
            var type = media.Key.Split(';')[0].Trim();
            if (type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
                || type == "*/*")
            {
                // A media type written with no value (`application/json:` and nothing under it) describes no schema.
                return media.Value?.Schema;
            }
        }

        return null;
    }

    /// <summary>C# that reads the event's id: the payload's top-level <c>id</c> property (a JWT's <c>jti</c>), where it has one.</summary>
    private string? EventIdExpression(TypeRef payload, string wireName)
    {
        if (payload.Kind != ValueKind.Object || types.FindObject(payload.Name!) is not { } type)
        {
            return null;
        }

        var id = type.AllProperties.FirstOrDefault(p => p.WireName == wireName);
        return id?.Type.Kind switch
        {
            ValueKind.String => "payload." + id.Name,
            ValueKind.Guid => id.IsNullable ? $"payload.{id.Name}?.ToString()" : $"payload.{id.Name}.ToString()",
            ValueKind.Int32 or ValueKind.Int64 => $"global::System.Convert.ToString(payload.{id.Name}, global::System.Globalization.CultureInfo.InvariantCulture)",
            _ => null,
        };
    }
}
