using Microsoft.OpenApi;

namespace WebhookGen.Generator.Reading.Events;

/// <summary>
/// An operation that describes an event, before its payload is typed. Lives only inside the read step: it holds OpenAPI
/// objects, which never enter the pipeline's model.
/// </summary>
/// <param name="Name">The event's name: operationId, webhook or callback name, path, or event id.</param>
/// <param name="Route">The route the sender posts to, relative to the receiver's prefix.</param>
/// <param name="Pointer">Where the operation stands in the spec.</param>
internal sealed record EventCandidate(
    EventSourceKind Kind,
    string Name,
    string HttpMethod,
    string Route,
    OpenApiOperation Operation,
    string Pointer,
    string? DiscriminatorHeader = null,
    string? DiscriminatorValue = null);
