using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using WebhookGen.Hosting;

namespace WebhookGen.OpenApi;

/// <summary>
/// Adds every mapped WebhookGen endpoint to the document: its path (as mapped, route prefix included), its method (the
/// spec's, <c>POST</c> mostly) with the event's payload schema as its body (one of the events' on a route of several),
/// and the answers the receiver gives. ApiExplorer does not see these endpoints (they are request delegates, not
/// handler methods), so they are read from the app's endpoints, where each carries its event as metadata.
/// </summary>
internal sealed class WebhookReceiversDocumentTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(context);
        var endpoints = context.ApplicationServices.GetService<EndpointDataSource>()?.Endpoints ?? [];
        var added = new HashSet<Type>();
        foreach (var endpoint in endpoints.OfType<RouteEndpoint>())
        {
            var events = EventsOf(endpoint);
            if (events.Count == 0 || !InDocument(endpoint, context.DocumentName))
            {
                continue;
            }

            var receiverType = events[0].ReceiverType;
            var schemas = ReceiverSchemas.For(receiverType);
            if (schemas is not null && added.Add(receiverType))
            {
                AddSchemas(document, schemas);
            }

            var (path, parameters) = Path(endpoint.RoutePattern);
            document.Paths ??= [];
            if (!document.Paths.TryGetValue(path, out var item) || item is not OpenApiPathItem pathItem)
            {
                pathItem = new OpenApiPathItem();
                document.Paths[path] = pathItem;
            }

            var method = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is [var first, ..] ? first : HttpMethods.Post;
            pathItem.AddOperation(HttpMethod.Parse(method), Operations.For(document, events, schemas, endpoint.Metadata.GetMetadata<WebhookRouteDescriptor>(), parameters));
        }

        // The schemas were read in documents of their own: their references now belong to this one.
        document.SetReferenceHostDocument();
        return Task.CompletedTask;
    }

    /// <summary>The events an endpoint receives: its own, or those of its route of several; none for any other endpoint.</summary>
    private static List<WebhookEvent> EventsOf(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<WebhookEvent>() is { } evt ? [evt]
        : endpoint.Metadata.GetMetadata<WebhookRouteDescriptor>() is { } route ? route.Events.Values.Distinct().ToList()
        : [];

    /// <summary>Not excluded from descriptions, and in this document's group (an endpoint without a group is in every document).</summary>
    private static bool InDocument(RouteEndpoint endpoint, string documentName)
    {
        if (endpoint.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is { ExcludeFromDescription: true })
        {
            return false;
        }

        return endpoint.Metadata.GetMetadata<IEndpointGroupNameMetadata>() is not { } group
            || string.Equals(group.EndpointGroupName, documentName, StringComparison.Ordinal);
    }

    private static void AddSchemas(OpenApiDocument document, ReceiverSchemas schemas)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        foreach (var (id, schema) in schemas.Read())
        {
            document.Components.Schemas.TryAdd(id, schema);
        }
    }

    /// <summary>The path as OpenAPI writes it (<c>/events/{id}</c>, constraints left out), and its parameters' names.</summary>
    private static (string Path, IReadOnlyList<string> Parameters) Path(RoutePattern pattern)
    {
        var parameters = new List<string>();
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => Parameter(parameter.Name),
            _ => string.Empty,
        })));
        return ("/" + string.Join("/", segments), parameters);

        string Parameter(string name)
        {
            parameters.Add(name);
            return "{" + name + "}";
        }
    }
}
