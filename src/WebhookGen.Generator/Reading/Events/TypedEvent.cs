using Microsoft.OpenApi;
using WebhookGen.Generator.Model;

namespace WebhookGen.Generator.Reading.Events;

/// <summary>An event whose payload is typed, before routes are planned.</summary>
/// <param name="BodyPropertyName">The discriminator property whose <paramref name="BodyPropertyValue"/> names this event, when it comes from an OpenAPI discriminator mapping.</param>
internal sealed record TypedEvent(
    EventCandidate Candidate,
    string EventName,
    string Identifier,
    TypeRef Payload,
    string? BodyPropertyName = null,
    string? BodyPropertyValue = null)
{
    /// <summary>The payload's schema, for the test kit's sample event; reading-stage only, never in the model.</summary>
    public IOpenApiSchema? Schema { get; init; }

    /// <summary>How the body is written: JSON, or a signed JWT whose claims are <see cref="Payload"/>.</summary>
    public EventBodyFormat BodyFormat { get; init; }
}
