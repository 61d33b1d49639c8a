using System;

namespace WebhookGen.Hosting;

/// <summary>How an event's body is written: the receiver's descriptor lists every format its events use, an event's one.</summary>
[Flags]
public enum WebhookBodyFormats
{
    /// <summary>No body format; not a valid value for an event.</summary>
    None = 0,

    /// <summary>A JSON document (<c>application/json</c>, <c>application/*+json</c>): the payload itself.</summary>
    Json = 1,

    /// <summary>
    /// A signed JSON Web Token in compact form (<c>application/jwt</c>, <c>application/jose</c>, <c>application/jws</c>,
    /// <c>application/*+jwt</c>): the payload is its claims, read only after the token is verified (docs/jwt.md).
    /// </summary>
    Jwt = 2,
}
