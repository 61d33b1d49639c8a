using System;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace WebhookGen.Generator.Reading.Events;

/// <summary>
/// The value a provider sends in its event header for one webhook, where the provider's spec says it outside the header's
/// schema. GitHub declares <c>X-GitHub-Event</c> with one example for every webhook; the event each webhook is delivered
/// as is its <c>x-github.subcategory</c> (<c>issues</c>, <c>pull_request</c>). GitHub's event names are snake_case: the
/// few subcategories written with hyphens (<c>sub-issues</c>) are sent with underscores (<c>sub_issues</c>).
/// </summary>
internal static class ProviderEventHeader
{
    private const string GitHubExtension = "x-github";
    private const string GitHubEventHeader = "X-GitHub-Event";

    /// <summary>The value of <paramref name="headerName"/> for this operation, or null when the spec does not say.</summary>
    public static string? Value(OpenApiOperation operation, string headerName)
    {
        if (!headerName.Equals(GitHubEventHeader, StringComparison.OrdinalIgnoreCase)
            || operation.Extensions is not { } extensions
            || !extensions.TryGetValue(GitHubExtension, out var extension)
            || extension is not JsonNodeExtension { Node: JsonObject github }
            || github["subcategory"] is not JsonValue subcategory
            || subcategory.GetValueKind() != JsonValueKind.String)
        {
            return null;
        }

        var value = subcategory.GetValue<string>().Trim();
        return value.Length == 0 ? null : value.Replace('-', '_');
    }
}
