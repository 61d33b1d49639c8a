using System;
using System.Collections.Generic;
using System.Linq;
using WebhookGen.Generator.Diagnostics;
using WebhookGen.Generator.Helpers;
using WebhookGen.Generator.Model;
using WebhookGen.Generator.Reading.Events;

namespace WebhookGen.Generator.Reading.Jwt;

/// <summary>
/// Events whose body is a signed JWT: the payload is the claims, typed from the spec's schema of them, or raw JSON with
/// WHG024 where the spec gives none. Such an event needs a URL of its own (WHG025): nothing names it before its token is verified.
/// </summary>
internal static class JwtEvents
{
    /// <summary>The claims' type: a record from their schema, else <see cref="TypeRef.Json"/> with WHG024.</summary>
    public static TypeRef Claims(JwtBody body, string eventName, string identifier, SpecReadContext context, SchemaTypeBuilder types)
    {
        if (body.Claims is null)
        {
            context.Report(DiagnosticDescriptors.JwtClaimsNotDescribed, body.Pointer, eventName, body.MediaType);
            return TypeRef.Json;
        }

        var claims = types.Resolve(body.Claims, identifier + "Claims", body.Pointer);
        if (claims.Kind is not (ValueKind.Object or ValueKind.Json))
        {
            context.Report(DiagnosticDescriptors.JwtClaimsNotDescribed, body.Pointer, eventName, body.MediaType);
            return TypeRef.Json;
        }

        return claims;
    }

    /// <summary>The events without the JWT events that share their method and URL with another event, each reported as WHG025.</summary>
    public static List<TypedEvent> WithoutSharedRoutes(List<TypedEvent> events, SpecReadContext context)
    {
        var shared = events
            .GroupBy(e => (e.Candidate.HttpMethod, e.Candidate.Route))
            .Where(g => g.Count() > 1 && g.Any(e => e.BodyFormat == EventBodyFormat.Jwt))
            .SelectMany(g => g.Where(e => e.BodyFormat == EventBodyFormat.Jwt).Select(e => (Event: e, Others: g.Where(o => o != e).Select(o => o.EventName).ToList())))
            .ToList();
        foreach (var (evt, others) in shared)
        {
            context.Report(
                DiagnosticDescriptors.JwtEventRouteShared,
                evt.Candidate.Pointer,
                evt.EventName,
                evt.Candidate.HttpMethod + " " + evt.Candidate.Route,
                string.Join(", ", others));
        }

        return shared.Count == 0 ? events : events.Where(e => !shared.Any(s => ReferenceEquals(s.Event, e))).ToList();
    }
}
