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

    /// <summary>
    /// Maps whose every value must be an object. The library throws <see cref="NullReferenceException"/> on some of them
    /// when a value is a scalar (<c>variables: {host: 5}</c>, <c>properties: {count: 5}</c>) instead of reporting it.
    /// </summary>
    private static readonly HashSet<string> MapsOfObjects = new(StringComparer.Ordinal)
    {
        "variables", "properties", "patternProperties", "$defs", "definitions", "schemas", "responses", "parameters",
        "requestBodies", "headers", "content", "encoding", "examples", "links", "callbacks", "securitySchemes", "pathItems",
        "webhooks", "mediaTypes",
    };

    /// <summary>
    /// The pointer of the node that made the library throw <paramref name="exception"/>, or "" (the document) when none is
    /// found; and what is wrong with it, when that is clearer than the exception's message.
    /// </summary>
    public static (string Pointer, string? Problem) Locate(JsonNode root, Exception exception)
    {
        Func<string?, string, JsonNode?, bool>? culprit = exception switch
        {
            UriFormatException => static (parent, name, node) => UriFields.Contains(name) && Text(node) is { } text && !Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out _),
            ArgumentException => static (parent, name, node) => name == "$ref" && Text(node) is { } text && text.Trim().Length == 0,
            NullReferenceException or InvalidCastException => static (parent, name, node) => parent is not null && MapsOfObjects.Contains(parent) && node is not JsonObject,
            _ => null,
        };

        if (culprit is null || Find(root, string.Empty, null, culprit) is not { } found)
        {
            return (string.Empty, null);
        }

        return exception is NullReferenceException or InvalidCastException
            ? (found.Pointer, "'" + found.Name + "' must be an object, not " + Describe(found.Node))
            : (found.Pointer, null);
    }

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "a list",
        JsonValue value => value.GetValueKind() == System.Text.Json.JsonValueKind.String ? "a string" : "the value " + value.ToJsonString(),
        _ => "this value",
    };

    /// <param name="parentName">The key <paramref name="node"/> stands at, when that key is an OpenAPI field.</param>
    private static (string Pointer, string Name, JsonNode? Node)? Find(JsonNode? node, string pointer, string? parentName, Func<string?, string, JsonNode?, bool> culprit)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var property in obj)
                {
                    var child = SpecPointer.Append(pointer, property.Key);

                    // Server URLs are templates ({region}.example.com), read as strings, never as a Uri.
                    if ((property.Key != "url" || !pointer.Contains("/servers/")) && culprit(parentName, property.Key, property.Value))
                    {
                        return (child, property.Key, property.Value);
                    }

                    // The entries of a map of objects are named by the spec's author: their own keys are fields again.
                    var childName = parentName is not null && MapsOfObjects.Contains(parentName) ? null : property.Key;
                    if (Find(property.Value, child, childName, culprit) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (Find(array[i], SpecPointer.Append(pointer, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), null, culprit) is { } found)
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
