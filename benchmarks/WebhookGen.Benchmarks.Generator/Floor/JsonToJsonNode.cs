using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WebhookGen.Benchmarks.Generator.Floor;

/// <summary>
/// The least glue between <see cref="Utf8JsonReader"/> and a <see cref="JsonNode"/>: the tree built eagerly, strings as
/// string values, numbers as long or double, as the generator's JSON reader builds it, but with no positions, no
/// cancellation checks and no error mapping: the library-only part of what that reader does.
/// </summary>
/// <remarks>
/// Not <see cref="JsonNode.Parse(string, JsonNodeOptions?, JsonDocumentOptions)"/>: its tree is lazy, over a
/// <see cref="JsonDocument"/>, which is not the tree the generator hands to Microsoft.OpenApi, so the floor would not be
/// the generator's route.
/// </remarks>
internal static class JsonToJsonNode
{
    public static JsonNode? Read(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json), new JsonReaderOptions
        {
            AllowTrailingCommas = true,
            CommentHandling = JsonCommentHandling.Skip,
            MaxDepth = 256, // the generator's limit
        });
        reader.Read();
        return ReadNode(ref reader);
    }

    private static JsonNode? ReadNode(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var mapping = new JsonObject();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    string key = reader.GetString()!;
                    reader.Read();
                    mapping[key] = ReadNode(ref reader); // a later duplicate key wins, as in the generator
                }

                return mapping;
            case JsonTokenType.StartArray:
                var sequence = new JsonArray();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    sequence.Add(ReadNode(ref reader));
                }

                return sequence;
            case JsonTokenType.String:
                return JsonValue.Create(reader.GetString());
            case JsonTokenType.Number:
                return reader.TryGetInt64(out long integer) ? JsonValue.Create(integer) : JsonValue.Create(reader.GetDouble());
            case JsonTokenType.True:
                return JsonValue.Create(true);
            case JsonTokenType.False:
                return JsonValue.Create(false);
            case JsonTokenType.Null:
                return null;
            default:
                throw new JsonException("Unexpected token " + reader.TokenType + ".");
        }
    }
}
