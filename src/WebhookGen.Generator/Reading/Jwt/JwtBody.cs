using System;
using System.Collections.Generic;
using Microsoft.OpenApi;
using WebhookGen.Generator.Helpers;

namespace WebhookGen.Generator.Reading.Jwt;

/// <summary>
/// A request body that is a signed JWT: a media type <c>application/jwt</c>, <c>application/jose</c>,
/// <c>application/jws</c> or <c>application/*+jwt</c> (<c>application/secevent+jwt</c>), and what the spec says of its
/// claims: the media type's schema when it is an object, else the <c>contentSchema</c> of a string schema (the decoded
/// token, as JSON Schema 2020-12 writes it); otherwise nothing.
/// </summary>
/// <param name="MediaType">The media type as the spec writes it.</param>
/// <param name="Claims">The schema of the claims, or null when the spec does not describe them.</param>
/// <param name="Pointer">Where the claims' schema (or the media type, without one) stands in the spec.</param>
internal sealed record JwtBody(string MediaType, IOpenApiSchema? Claims, string Pointer)
{
    /// <summary>The JWT body of <paramref name="content"/> (a request body's content at <paramref name="pointer"/>), or null when it has none.</summary>
    public static JwtBody? Find(IDictionary<string, IOpenApiMediaType>? content, string pointer)
    {
        if (content is null)
        {
            return null;
        }

        foreach (var media in content)
        {
            if (!IsJwtMediaType(media.Key))
            {
                continue;
            }

            var mediaPointer = SpecPointer.Append(pointer, media.Key);
            var schema = media.Value?.Schema;
            var target = schema is OpenApiSchemaReference reference ? reference.Target : schema;
            if (target is null)
            {
                return new JwtBody(media.Key, null, mediaPointer);
            }

            var type = (target.Type ?? 0) & ~JsonSchemaType.Null;
            if (type == JsonSchemaType.Object || (type == 0 && target.Properties is { Count: > 0 }) || (type == 0 && target.AllOf is { Count: > 0 }))
            {
                return new JwtBody(media.Key, schema, SpecPointer.Append(mediaPointer, "schema"));
            }

            if (type == JsonSchemaType.String && (target as OpenApiSchema)?.ContentSchema is { } decoded)
            {
                return new JwtBody(media.Key, decoded, SpecPointer.Append(mediaPointer, "schema", "contentSchema"));
            }

            return new JwtBody(media.Key, null, SpecPointer.Append(mediaPointer, "schema"));
        }

        return null;
    }

    /// <summary>Whether <paramref name="mediaType"/> (parameters allowed) is one a signed JWT is sent as.</summary>
    public static bool IsJwtMediaType(string mediaType)
    {
        var type = mediaType.Split(';')[0].Trim();
        return type.Equals("application/jwt", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/jose", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/jws", StringComparison.OrdinalIgnoreCase)
            || (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+jwt", StringComparison.OrdinalIgnoreCase));
    }
}
