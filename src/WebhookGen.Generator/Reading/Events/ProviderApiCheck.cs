using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.OpenApi;
using WebhookGen.Generator.Diagnostics;

namespace WebhookGen.Generator.Reading.Events;

/// <summary>
/// A document without webhooks, callbacks or marked events is read as a receiver written as <c>paths</c>. When its
/// <c>paths</c> look like a provider's API instead, every request with a JSON body would become a handler: WHG022 says so.
/// A receiver (gridX, TMF listeners) posts events to a few endpoints; an API reads (GET), is secured for its callers and
/// is large. Two of these signs, with at least one GET, are taken as an API; one alone is not (TMF629 has two GETs).
/// </summary>
internal static class ProviderApiCheck
{
    /// <summary>GET operations from which reading is a sign of an API.</summary>
    private const int ManyReads = 3;

    /// <summary>Operations from which the size alone is a sign of an API.</summary>
    private const int ManyOperations = 20;

    /// <param name="events">The operations read as events (those with a JSON body).</param>
    /// <param name="handlers">The handlers they make.</param>
    public static void Report(OpenApiDocument document, int events, int handlers, SpecReadContext context)
    {
        var methods = (document.Paths ?? new OpenApiPaths())
            .Where(p => !p.Key.StartsWith(VendorExtensionLifter.Prefix, StringComparison.Ordinal))
            .SelectMany(p => p.Value?.Operations?.Keys ?? Enumerable.Empty<System.Net.Http.HttpMethod>())
            .Select(m => m.Method.ToUpperInvariant())
            .ToList();
        var reads = methods.Count(m => m == "GET");
        var withoutBody = methods.Count - events;
        var signs = new List<string>();
        if (reads >= ManyReads)
        {
            signs.Add(Count(reads, "GET operation"));
        }

        if (methods.Count >= ManyOperations)
        {
            signs.Add(Count(methods.Count, "operation"));
        }

        if (withoutBody > events)
        {
            signs.Add(Count(withoutBody, "operation") + " without a JSON body against " + Count(events, "with one"));
        }

        if (document.Components?.SecuritySchemes is { Count: > 0 } || document.Security is { Count: > 0 })
        {
            signs.Add("security schemes for its callers");
        }

        if (reads == 0 || signs.Count < 2)
        {
            return;
        }

        context.Diagnostics.Add(DiagnosticInfo.Create(
            DiagnosticDescriptors.PathsLookLikeProviderApi,
            context.LocateKey("/paths"),
            string.Join(", ", signs),
            Count(handlers, "handler")));
    }

    private static string Count(int count, string what) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 || what.StartsWith("with", StringComparison.Ordinal) ? what : what + "s");
}
