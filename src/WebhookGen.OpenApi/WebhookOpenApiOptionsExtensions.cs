using System;
using Microsoft.AspNetCore.OpenApi;

namespace WebhookGen.OpenApi;

/// <summary>Puts WebhookGen receivers in an OpenAPI document of Microsoft.AspNetCore.OpenApi.</summary>
public static class WebhookOpenApiOptionsExtensions
{
    /// <summary>
    /// Adds every receiver mapped with <c>app.Map{Receiver}()</c> to the document: each route, as mapped, with its event's
    /// payload schema (from the spec, as the receiver reads it) and the answers the receiver gives.
    /// <code>builder.Services.AddOpenApi(options => options.AddWebhookReceivers());</code>
    /// </summary>
    public static OpenApiOptions AddWebhookReceivers(this OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.AddDocumentTransformer<WebhookReceiversDocumentTransformer>();
    }
}
