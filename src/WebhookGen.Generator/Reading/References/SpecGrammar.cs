using System;

namespace WebhookGen.Generator.Reading.References;

/// <summary>
/// The part of the OpenAPI grammar (2.0, 3.0, 3.1) that says what an object is from where it stands, so that a
/// <c>$ref</c> into another file lands in the component kind the reader expects there (a response under
/// <c>components/responses</c>, not among the schemas).
/// </summary>
internal static class SpecGrammar
{
    /// <summary>What the value of member <paramref name="key"/> of a <paramref name="parent"/> is.</summary>
    public static SpecNodeKind Member(SpecNodeKind parent, string key) => parent switch
    {
        SpecNodeKind.Data => SpecNodeKind.Data,
        SpecNodeKind.Document => Document(key),
        SpecNodeKind.Components => ComponentSection(key) ?? SpecNodeKind.Unknown,
        SpecNodeKind.PathItemMap or SpecNodeKind.ResponseMap => IsExtension(key) ? SpecNodeKind.Unknown : ValueOf(parent),
        SpecNodeKind.ParameterMap or SpecNodeKind.RequestBodyMap or SpecNodeKind.HeaderMap or SpecNodeKind.MediaTypeMap
            or SpecNodeKind.EncodingMap or SpecNodeKind.ExampleMap or SpecNodeKind.CallbackMap or SpecNodeKind.Callback
            or SpecNodeKind.LinkMap or SpecNodeKind.SecuritySchemeMap or SpecNodeKind.SchemaMap => ValueOf(parent),
        SpecNodeKind.PathItem => PathItem(key),
        SpecNodeKind.Parameter or SpecNodeKind.Header => ParameterOrHeader(key),
        SpecNodeKind.RequestBody => key == "content" ? SpecNodeKind.MediaTypeMap : SpecNodeKind.Data,
        SpecNodeKind.MediaType => MediaType(key),
        SpecNodeKind.Encoding => key == "headers" ? SpecNodeKind.HeaderMap : SpecNodeKind.Data,
        SpecNodeKind.Example or SpecNodeKind.Link or SpecNodeKind.SecurityScheme => SpecNodeKind.Data,
        SpecNodeKind.Schema => Schema(key),
        _ => OperationLike(key),
    };

    /// <summary>What an item of an array that is a <paramref name="parent"/> is.</summary>
    public static SpecNodeKind Item(SpecNodeKind parent) => parent switch
    {
        SpecNodeKind.ParameterList => SpecNodeKind.Parameter,
        SpecNodeKind.SchemaList or SpecNodeKind.Schema => SpecNodeKind.Schema,
        SpecNodeKind.Unknown => SpecNodeKind.Unknown,
        _ => SpecNodeKind.Data,
    };

    /// <summary>
    /// The components section (as pointer segments) where a <paramref name="kind"/> is kept; null for what has none and is
    /// written in place instead (a path item, or what Swagger 2.0 has no section for).
    /// </summary>
    public static string? Section(SpecNodeKind kind, bool swagger2)
    {
        if (swagger2)
        {
            return kind switch
            {
                SpecNodeKind.Schema => "/definitions",
                SpecNodeKind.Parameter => "/parameters",
                SpecNodeKind.Response => "/responses",
                _ => null,
            };
        }

        return kind switch
        {
            SpecNodeKind.Schema => "/components/schemas",
            SpecNodeKind.Response => "/components/responses",
            SpecNodeKind.Parameter => "/components/parameters",
            SpecNodeKind.RequestBody => "/components/requestBodies",
            SpecNodeKind.Header => "/components/headers",
            SpecNodeKind.Example => "/components/examples",
            SpecNodeKind.Link => "/components/links",
            SpecNodeKind.Callback => "/components/callbacks",
            SpecNodeKind.SecurityScheme => "/components/securitySchemes",
            _ => null,
        };
    }

    /// <summary>
    /// The kind a pointer names by the section it starts with (<c>/components/responses/…</c> → a response); null when it
    /// starts with none. Used where the place of the <c>$ref</c> says nothing (a vendor extension).
    /// </summary>
    public static SpecNodeKind? KindOf(string[] segments)
    {
        if (segments.Length >= 2 && segments[0] == "components")
        {
            return ComponentSection(segments[1]) is { } map ? ValueOf(map) : null;
        }

        return segments.Length >= 1 ? segments[0] switch
        {
            "definitions" => SpecNodeKind.Schema,
            "parameters" => SpecNodeKind.Parameter,
            "responses" => SpecNodeKind.Response,
            _ => null,
        } : null;
    }

    private static SpecNodeKind ValueOf(SpecNodeKind map) => map switch
    {
        SpecNodeKind.PathItemMap => SpecNodeKind.PathItem,
        SpecNodeKind.ResponseMap => SpecNodeKind.Response,
        SpecNodeKind.ParameterMap => SpecNodeKind.Parameter,
        SpecNodeKind.RequestBodyMap => SpecNodeKind.RequestBody,
        SpecNodeKind.HeaderMap => SpecNodeKind.Header,
        SpecNodeKind.MediaTypeMap => SpecNodeKind.MediaType,
        SpecNodeKind.EncodingMap => SpecNodeKind.Encoding,
        SpecNodeKind.ExampleMap => SpecNodeKind.Example,
        SpecNodeKind.CallbackMap => SpecNodeKind.Callback,
        SpecNodeKind.Callback => SpecNodeKind.PathItem,
        SpecNodeKind.LinkMap => SpecNodeKind.Link,
        SpecNodeKind.SecuritySchemeMap => SpecNodeKind.SecurityScheme,
        SpecNodeKind.SchemaMap => SpecNodeKind.Schema,
        _ => SpecNodeKind.Unknown,
    };

    private static SpecNodeKind Document(string key) => key switch
    {
        "paths" or "webhooks" or "x-webhooks" => SpecNodeKind.PathItemMap,
        "components" => SpecNodeKind.Components,
        "definitions" => SpecNodeKind.SchemaMap,
        "parameters" => SpecNodeKind.ParameterMap,
        "responses" => SpecNodeKind.ResponseMap,
        "securityDefinitions" => SpecNodeKind.SecuritySchemeMap,
        "info" or "servers" or "tags" or "security" or "externalDocs" => SpecNodeKind.Data,
        _ => SpecNodeKind.Unknown,
    };

    private static SpecNodeKind? ComponentSection(string key) => key switch
    {
        "schemas" => SpecNodeKind.SchemaMap,
        "responses" => SpecNodeKind.ResponseMap,
        "parameters" => SpecNodeKind.ParameterMap,
        "requestBodies" => SpecNodeKind.RequestBodyMap,
        "headers" => SpecNodeKind.HeaderMap,
        "examples" => SpecNodeKind.ExampleMap,
        "callbacks" => SpecNodeKind.CallbackMap,
        "links" => SpecNodeKind.LinkMap,
        "securitySchemes" => SpecNodeKind.SecuritySchemeMap,
        "pathItems" => SpecNodeKind.PathItemMap,
        _ => null,
    };

    private static SpecNodeKind PathItem(string key) => key switch
    {
        "get" or "put" or "post" or "delete" or "options" or "head" or "patch" or "trace" => SpecNodeKind.Operation,
        "parameters" => SpecNodeKind.ParameterList,
        "servers" or "summary" or "description" => SpecNodeKind.Data,
        _ => SpecNodeKind.Unknown,
    };

    private static SpecNodeKind ParameterOrHeader(string key) => key switch
    {
        "schema" or "items" => SpecNodeKind.Schema,
        "content" => SpecNodeKind.MediaTypeMap,
        "examples" => SpecNodeKind.ExampleMap,
        _ => SpecNodeKind.Data,
    };

    private static SpecNodeKind MediaType(string key) => key switch
    {
        "schema" => SpecNodeKind.Schema,
        "examples" => SpecNodeKind.ExampleMap,
        "encoding" => SpecNodeKind.EncodingMap,
        _ => SpecNodeKind.Data,
    };

    private static SpecNodeKind Schema(string key) => key switch
    {
        "properties" or "patternProperties" or "$defs" or "definitions" or "dependentSchemas" => SpecNodeKind.SchemaMap,
        "items" or "additionalProperties" or "not" or "contains" or "propertyNames" or "if" or "then" or "else"
            or "unevaluatedProperties" or "unevaluatedItems" or "additionalItems" => SpecNodeKind.Schema,
        "allOf" or "oneOf" or "anyOf" or "prefixItems" => SpecNodeKind.SchemaList,
        _ => SpecNodeKind.Data,
    };

    /// <summary>An operation, a response, or what a vendor extension holds: read by the keys an operation or a response has.</summary>
    private static SpecNodeKind OperationLike(string key) => key switch
    {
        "parameters" => SpecNodeKind.ParameterList,
        "requestBody" => SpecNodeKind.RequestBody,
        "responses" => SpecNodeKind.ResponseMap,
        "callbacks" => SpecNodeKind.CallbackMap,
        "content" => SpecNodeKind.MediaTypeMap,
        "headers" => SpecNodeKind.HeaderMap,
        "links" => SpecNodeKind.LinkMap,
        "schema" => SpecNodeKind.Schema,
        "tags" or "security" or "servers" or "externalDocs" or "example" or "examples" => SpecNodeKind.Data,
        _ => SpecNodeKind.Unknown,
    };

    private static bool IsExtension(string key) => key.StartsWith("x-", StringComparison.Ordinal);
}
