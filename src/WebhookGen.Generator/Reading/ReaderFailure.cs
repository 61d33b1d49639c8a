using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using WebhookGen.Generator.Helpers;

namespace WebhookGen.Generator.Reading;

/// <summary>
/// Where in the spec an exception thrown by the OpenAPI library most likely comes from. The library reports most problems
/// as errors with a pointer, but throws on a few malformed values (a URL it cannot parse, an empty <c>$ref</c>) and says
/// only what, not where; the node found here is the first one of the kind that throws.
/// </summary>
internal static class ReaderFailure
{
    /// <summary>The fields the library reads as <see cref="Uri"/>.</summary>
    private static readonly HashSet<string> UriFields = new(StringComparer.Ordinal)
    {
        "termsOfService", "url", "authorizationUrl", "tokenUrl", "refreshUrl", "openIdConnectUrl", "namespace",
        "jsonSchemaDialect", "$schema", "$id", "$self",
    };

    /// <summary>The pointer of the node that made the library throw <paramref name="exception"/>, or "" (the document) when none is found.</summary>
    public static string Locate(JsonNode root, Exception exception)
    {
        Func<string, JsonNode?, bool>? culprit = exception switch
        {
            UriFormatException => static (name, node) => UriFields.Contains(name) && Text(node) is { } text && !Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out _),
            ArgumentException => static (name, node) => name == "$ref" && Text(node) is { } text && text.Trim().Length == 0,
            _ => null,
        };

        return culprit is null ? string.Empty : Find(root, string.Empty, culprit) ?? string.Empty;
    }

    private static string? Find(JsonNode? node, string pointer, Func<string, JsonNode?, bool> culprit)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var property in obj)
                {
                    var child = SpecPointer.Append(pointer, property.Key);

                    // Server URLs are templates ({region}.example.com), read as strings, never as a Uri.
                    if ((property.Key != "url" || !pointer.Contains("/servers/")) && culprit(property.Key, property.Value))
                    {
                        return child;
                    }

                    if (Find(property.Value, child, culprit) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (Find(array[i], SpecPointer.Append(pointer, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), culprit) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
