using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace WebhookGen.Benchmarks.Generator.Floor;

/// <summary>
/// The floor of a generation: the spec's text into Microsoft.OpenApi's object model by the route the generator takes
/// (YAML through YamlDotNet into a <see cref="JsonNode"/>, then <see cref="OpenApiJsonReader"/>), and nothing of ours.
/// </summary>
internal static class OpenApiFloorReader
{
    private static readonly Uri Location = new("file:///webhooks.yaml");

    public static OpenApiDocument Read(string yaml)
    {
        var root = YamlToJsonNode.Read(yaml) ?? throw new InvalidOperationException("The spec is empty.");
        var result = new OpenApiJsonReader().Read(root, Location, new OpenApiReaderSettings());
        return result.Document ?? throw new InvalidOperationException("The OpenAPI reader returned no document.");
    }
}
