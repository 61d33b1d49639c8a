using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace WebhookGen.Benchmarks.Generator.Floor;

/// <summary>
/// The floor of a generation: the spec's text into Microsoft.OpenApi's object model by the route the generator takes,
/// and nothing of ours. YAML goes through YamlDotNet into a <see cref="JsonNode"/> (<see cref="YamlToJsonNode"/>), JSON
/// through System.Text.Json's <c>Utf8JsonReader</c> into an eager <see cref="JsonNode"/> (<see cref="JsonToJsonNode"/>);
/// then either tree through <see cref="OpenApiJsonReader"/>.
/// </summary>
internal static class OpenApiFloorReader
{
    private static readonly Uri YamlLocation = new("file:///webhooks.yaml");
    private static readonly Uri JsonLocation = new("file:///webhooks.json");

    /// <summary>A YAML spec (as YamlDotNet accepts it).</summary>
    public static OpenApiDocument Read(string yaml) =>
        ReadTree(YamlToJsonNode.Read(yaml), YamlLocation);

    /// <summary>A JSON spec.</summary>
    public static OpenApiDocument ReadJson(string json) =>
        ReadTree(JsonToJsonNode.Read(json), JsonLocation);

    private static OpenApiDocument ReadTree(JsonNode? root, Uri location)
    {
        if (root is null)
        {
            throw new InvalidOperationException("The spec is empty.");
        }

        var result = new OpenApiJsonReader().Read(root, location, new OpenApiReaderSettings());
        return result.Document ?? throw new InvalidOperationException("The OpenAPI reader returned no document.");
    }
}
