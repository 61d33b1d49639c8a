using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace WebhookGen.Benchmarks.Generator.Floor;

/// <summary>
/// The floor of a generation: the spec's text into Microsoft.OpenApi's object model by the route the generator takes,
/// and nothing of ours. YAML goes through YamlDotNet into a <see cref="JsonNode"/>; JSON through System.Text.Json
/// (<see cref="JsonNode.Parse(string, JsonNodeOptions?, JsonDocumentOptions)"/>, with the comments and trailing commas the
/// generator's JSON reader accepts); then either tree through <see cref="OpenApiJsonReader"/>.
/// </summary>
internal static class OpenApiFloorReader
{
    private static readonly Uri YamlLocation = new("file:///webhooks.yaml");
    private static readonly Uri JsonLocation = new("file:///webhooks.json");

    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 256, // the generator's limit (the default, 64, is too low for some real specs)
    };

    /// <summary>A YAML spec (as YamlDotNet accepts it).</summary>
    public static OpenApiDocument Read(string yaml) =>
        ReadTree(YamlToJsonNode.Read(yaml), YamlLocation);

    /// <summary>A JSON spec.</summary>
    public static OpenApiDocument ReadJson(string json) =>
        ReadTree(JsonNode.Parse(json, documentOptions: JsonOptions), JsonLocation);

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
