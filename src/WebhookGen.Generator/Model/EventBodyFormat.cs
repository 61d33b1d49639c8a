namespace WebhookGen.Generator.Model;

/// <summary>How an event's body is written.</summary>
internal enum EventBodyFormat
{
    /// <summary>A JSON document: the payload itself.</summary>
    Json,

    /// <summary>A signed JWT (JWS compact form): the payload is its claims, read after the token is verified.</summary>
    Jwt,
}
