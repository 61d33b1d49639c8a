namespace WebhookGen.Generator.Reading.Events;

/// <summary>Where in a spec an event is described.</summary>
internal enum EventSourceKind
{
    /// <summary>A receiver written as <c>paths</c> (gridX): each operation is an event at its own path.</summary>
    Path,

    /// <summary>An OpenAPI 3.1 top-level <c>webhooks</c> entry, or a ReDoc-style <c>x-webhooks</c> one.</summary>
    Webhook,

    /// <summary>An operation of an OpenAPI 3.0 <c>callbacks</c> entry.</summary>
    Callback,

    /// <summary>An entry of the Swagger 2.0 <c>x-async-responses</c> proposal.</summary>
    AsyncResponse,
}
