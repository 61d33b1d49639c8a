using System;

namespace WebhookGen.OpenApi;

/// <summary>
/// The JSON Schemas of a receiver's payloads, which WebhookGen's generator writes on the receiver class when the app
/// references this package. Not for hand use: the text's shape is the generator's and this package's business.
/// </summary>
/// <param name="schemas">
/// <c>{"events":{"{event}":"{schema id}"},"schemas":{"{schema id}":{…}}}</c>, JSON Schema 2020-12 as OpenAPI 3.1 writes it.
/// </param>
[AttributeUsage(AttributeTargets.Class, Inherited = true, AllowMultiple = false)]
public sealed class WebhookOpenApiSchemasAttribute(string schemas) : Attribute
{
    /// <summary>The schemas' text.</summary>
    public string Schemas { get; } = schemas ?? throw new ArgumentNullException(nameof(schemas));
}
