using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace WebhookGen.Generator.Reading;

/// <summary>
/// The versions WebhookGen reads: Swagger 2.0 and OpenAPI 3.0, 3.1 and 3.2 (what Microsoft.OpenApi reads). Checked before
/// the OpenAPI library sees the document, which would otherwise read a few versions that do not exist (<c>openapi: 2.0</c>
/// as Swagger 2.0, <c>openapi: 3.10.0</c> as 3.1) and throw, with no position, on the others.
/// </summary>
internal static class SpecVersion
{
    private static readonly Regex OpenApi = new(@"^3\.[0-2](\.[0-9]+)?(-[0-9A-Za-z.-]+)?$", RegexOptions.CultureInvariant);

    /// <summary>The field that names an unsupported version (its pointer, and how it is written), or null when the version is read.</summary>
    /// <remarks><c>openapi</c> wins where a document has both fields, as in the OpenAPI library.</remarks>
    public static (string Pointer, string Written)? Check(JsonObject root)
    {
        var field = root.ContainsKey("openapi") ? "openapi" : "swagger";
        var value = Scalar(root[field]);
        var supported = value is not null && (field == "openapi" ? OpenApi.IsMatch(value) : value == "2.0");
        return supported ? null : ("/" + field, field + ": " + (value is null ? Describe(root[field]) : "'" + value + "'"));
    }

    /// <summary>A string as it is, a number or boolean as written (YAML <c>openapi: 3.1</c> is a number); null for anything else.</summary>
    private static string? Scalar(JsonNode? node) =>
        node is JsonValue value
            ? value.TryGetValue<string>(out var text) ? text : value.ToJsonString()
            : null;

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "a list",
        _ => "a mapping",
    };
}
