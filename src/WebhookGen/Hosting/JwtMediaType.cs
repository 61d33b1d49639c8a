using System;
using Microsoft.Net.Http.Headers;

namespace WebhookGen.Hosting;

/// <summary>The media types of a signed-JWT body: <c>application/jwt</c>, <c>application/jose</c>, <c>application/jws</c>, <c>application/*+jwt</c>.</summary>
internal static class JwtMediaType
{
    /// <summary>Whether <paramref name="contentType"/> (the header's value, null when absent) is a JWT media type, or absent.</summary>
    public static bool IsAcceptable(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return true;
        }

        return MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            && mediaType.Type.Equals("application", StringComparison.OrdinalIgnoreCase)
            && !mediaType.MatchesAllSubTypesWithoutSuffix
            && (mediaType.SubType.Equals("jwt", StringComparison.OrdinalIgnoreCase)
                || mediaType.SubType.Equals("jose", StringComparison.OrdinalIgnoreCase)
                || mediaType.SubType.Equals("jws", StringComparison.OrdinalIgnoreCase)
                || mediaType.Suffix.Equals("jwt", StringComparison.OrdinalIgnoreCase));
    }
}
