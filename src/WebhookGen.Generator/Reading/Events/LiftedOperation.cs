namespace WebhookGen.Generator.Reading.Events;

/// <summary>
/// An event described in a vendor extension (<c>x-webhooks</c>, <c>x-async-responses</c>), copied into <c>paths</c> under
/// <see cref="SyntheticPath"/> before the OpenAPI reader runs, so that the reader resolves its <c>$ref</c>s like any other.
/// </summary>
/// <param name="Pointer">Where the entry stands in the spec, for diagnostics.</param>
/// <param name="DiscriminatorHeader">The header that names the event (<c>eventDiscriminator</c>), if the entry gives one.</param>
/// <param name="DiscriminatorValue">That header's value for this event: <c>event-discriminator-value</c>, else the event id.</param>
/// <param name="Route">The route the sender posts to: <c>/</c>, or a callback-shaped entry's literal suffix.</param>
internal sealed record LiftedOperation(
    string SyntheticPath,
    EventSourceKind Kind,
    string Name,
    string Pointer,
    string? DiscriminatorHeader,
    string? DiscriminatorValue,
    string Route = "/");
