using System;
using System.Collections.Generic;
using System.Linq;
using WebhookGen.Generator.Helpers;
using WebhookGen.Generator.Model;

namespace WebhookGen.Generator.Selection;

/// <summary>
/// Narrows a spec's model to the events a receiver chose (<c>[WebhookReceiver(..., Events = [...])]</c>): those keep their
/// handlers, the others stay on their routes as acknowledged-but-not-handled, and only the types the chosen events use are
/// kept. The spec's own model is shared by every receiver and never changes; this runs per receiver and is cheap.
/// </summary>
internal static class EventSelection
{
    /// <summary>The receiver's view of <paramref name="spec"/>, and the patterns that matched no event.</summary>
    public static (SpecModel Spec, List<string> Unmatched) Apply(SpecModel spec, EquatableArray<string> patterns)
    {
        var names = SelectionNames(spec);
        var chosen = new HashSet<string>(StringComparer.Ordinal);
        var unmatched = new List<string>();
        foreach (var pattern in patterns)
        {
            var matched = spec.Events.Where(e => names[e.Identifier].Any(n => EventPattern.Matches(pattern, n))).ToList();
            if (matched.Count == 0)
            {
                unmatched.Add(pattern);
            }

            chosen.UnionWith(matched.Select(e => e.Identifier));
        }

        var events = spec.Events.Where(e => chosen.Contains(e.Identifier)).ToEquatableArray();
        var routes = spec.Routes.Select(r => r with
        {
            Events = r.Events.Where(e => chosen.Contains(e.Identifier)).ToEquatableArray(),
            Ignored = r.Events.Where(e => !chosen.Contains(e.Identifier)).ToEquatableArray(),
        }).ToEquatableArray();
        var types = TypeReachability.From(spec.Types, events.Select(e => e.Payload)).ToEquatableArray();
        return (spec with { Events = events, Routes = routes, Types = types }, unmatched);
    }

    /// <summary>
    /// What a user may call each event: its name in the spec, its C# name, and on a shared route its key
    /// (<c>issues.opened</c>) and that key's first part (<c>issues</c>).
    /// </summary>
    private static Dictionary<string, List<string>> SelectionNames(SpecModel spec)
    {
        var names = spec.Events.ToDictionary(e => e.Identifier, e => new List<string> { e.EventName, e.Identifier.TrimStart('@') }, StringComparer.Ordinal);
        foreach (var route in spec.Routes.Where(r => r.IsShared))
        {
            foreach (var evt in route.Events)
            {
                names[evt.Identifier].Add(evt.Key);
                if (evt.Values[0].Length > 0)
                {
                    names[evt.Identifier].Add(evt.Values[0]);
                }
            }
        }

        return names;
    }
}
