using System;
using System.Collections.Generic;
using Microsoft.OpenApi;

namespace WebhookGen.Generator.Reading;

/// <summary>The default route prefix: the path of the spec's first server URL (<c>https://host/gridx</c> → <c>/gridx</c>).</summary>
internal static class RoutePrefixReader
{
    public static string Read(IList<OpenApiServer>? servers)
    {
        if (servers is null || servers.Count == 0 || servers[0].Url is not { Length: > 0 } url)
        {
            return string.Empty;
        }

        if (servers[0].Variables is { } variables)
        {
            foreach (var variable in variables)
            {
                url = url.Replace("{" + variable.Key + "}", variable.Value.Default ?? string.Empty);
            }
        }

        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        var pathStart = scheme < 0 ? 0 : url.IndexOf('/', scheme + 3);
        if (pathStart < 0)
        {
            return string.Empty;
        }

        var path = url.Substring(pathStart);
        var end = path.IndexOfAny(['?', '#']);
        if (end >= 0)
        {
            path = path.Substring(0, end);
        }

        path = path.TrimEnd('/');
        return path.Length == 0 || path.IndexOf('{') >= 0 ? string.Empty : path.StartsWith("/", StringComparison.Ordinal) ? path : "/" + path;
    }
}
