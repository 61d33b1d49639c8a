using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using WebhookGen.Diagnostics;

namespace WebhookGen.Hosting;

/// <summary>
/// The media type check of a verified delivery. A <c>Content-Type</c> that is present must be JSON:
/// <c>application/json</c> or <c>application/*+json</c> (<c>application/cloudevents+json</c>), with no charset or
/// <c>charset=utf-8</c>. Anything else is answered <c>415</c>. A delivery without a <c>Content-Type</c> is accepted: senders
/// omit it, and the body is parsed as JSON either way.
/// </summary>
/// <remarks>
/// It runs after the signature is verified, so an unauthenticated request learns only <c>413</c> or the signature-failure
/// status, never whether its media type would have been accepted.
/// </remarks>
internal static class WebhookContentType
{
    private const string Detail = "The Content-Type must be application/json or application/*+json, in UTF-8.";

    /// <summary>True when the delivery's media type is acceptable; otherwise records the rejection, answers 415 and returns false.</summary>
    public static ValueTask<bool> AcceptAsync(HttpContext httpContext, WebhookReceiverRuntime runtime, string receiverName, string eventName, WebhookTelemetry telemetry)
    {
        var contentType = httpContext.Request.ContentType;
        if (IsAcceptable(contentType))
        {
            return ValueTask.FromResult(true);
        }

        WebhookLog.UnsupportedContentType(runtime.Logger, receiverName, eventName, WebhookRequestProcessor.Shorten(contentType));
        telemetry.Rejected(WebhookRejectionReason.UnsupportedMediaType);
        return RejectAsync(httpContext);
    }

    /// <summary>Whether <paramref name="contentType"/> (the header's value, null when absent) is JSON in UTF-8, or absent.</summary>
    internal static bool IsAcceptable(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
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

    private static async ValueTask<bool> RejectAsync(HttpContext httpContext)
    {
        await WebhookRequestProcessor.WriteProblemAsync(httpContext, StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", Detail).ConfigureAwait(false);
        return false;
    }
}
