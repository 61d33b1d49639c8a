using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace WebhookGen.Hosting;

/// <summary>
/// The media type check of a verified delivery. A <c>Content-Type</c> that is present must be JSON:
/// <c>application/json</c> or <c>application/*+json</c> (<c>application/cloudevents+json</c>), with no charset or
/// <c>charset=utf-8</c>. Anything else is answered <c>415</c>. A delivery without a <c>Content-Type</c> is accepted: senders
/// omit it, and the body is parsed as JSON either way. An event whose body is a signed JWT takes <c>application/jwt</c>,
/// <c>application/jose</c>, <c>application/jws</c> or <c>application/*+jwt</c> instead (<see cref="JwtMediaType"/>).
/// </summary>
/// <remarks>
/// It runs after the signature is verified, so an unauthenticated request learns only <c>413</c> or the signature-failure
/// status, never whether its media type would have been accepted.
/// </remarks>
internal static class WebhookContentType
{
    private const string Detail = "The Content-Type must be application/json or application/*+json, in UTF-8.";
    private const string JwtDetail = "The Content-Type must be application/jwt, application/jose, application/jws or application/*+jwt.";

    /// <summary>True when the delivery's media type is acceptable; otherwise answers 415 and returns false.</summary>
    public static async ValueTask<bool> AcceptAsync(WebhookDelivery delivery, WebhookBodyFormats formats)
    {
        var contentType = delivery.HttpContext.Request.ContentType;
        var jwt = (formats & WebhookBodyFormats.Jwt) != 0;
        var json = !jwt || (formats & WebhookBodyFormats.Json) != 0;
        if ((json && IsAcceptable(contentType)) || (jwt && JwtMediaType.IsAcceptable(contentType)))
        {
            return true;
        }

        await delivery.RejectMediaTypeAsync(json ? Detail : JwtDetail).ConfigureAwait(false);
        return false;
    }

    /// <summary>Whether <paramref name="contentType"/> (the header's value, null when absent) is JSON in UTF-8, or absent.</summary>
    internal static bool IsAcceptable(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return true;
        }

        // What nearly every sender sends, told without parsing (which allocates the parsed value).
        if (contentType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || contentType.Equals("application/json; charset=utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            || !mediaType.Type.Equals("application", StringComparison.OrdinalIgnoreCase)
            || mediaType.MatchesAllSubTypesWithoutSuffix
            || !(mediaType.SubType.Equals("json", StringComparison.OrdinalIgnoreCase) || mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var charset = HeaderUtilities.RemoveQuotes(mediaType.Charset);
        return StringSegment.IsNullOrEmpty(charset) || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase);
    }
}
