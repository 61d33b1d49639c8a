using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace WebhookGen.Benchmarks.Generator.Floor;

/// <summary>
/// The least glue between YamlDotNet and a <see cref="JsonNode"/>: the first document of YamlDotNet's event stream as a
/// JSON tree, plain scalars typed by the YAML 1.2 core schema. No positions, no merge keys, no repairs, no limits:
/// the library-only part of what the generator's reader does.
/// </summary>
internal static class YamlToJsonNode
{
    public static JsonNode? Read(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        parser.Consume<StreamStart>();
        parser.Consume<DocumentStart>();
        return ReadNode(parser, new Dictionary<AnchorName, JsonNode?>());
    }

    private static JsonNode? ReadNode(IParser parser, Dictionary<AnchorName, JsonNode?> anchors)
    {
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            return Remember(anchors, scalar.Anchor, ToValue(scalar));
        }

        if (parser.TryConsume<MappingStart>(out var mappingStart))
        {
            var mapping = new JsonObject();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                string key = parser.Consume<Scalar>().Value;
                mapping[key] = ReadNode(parser, anchors);
            }

            return Remember(anchors, mappingStart.Anchor, mapping);
        }

        if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            var sequence = new JsonArray();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                sequence.Add(ReadNode(parser, anchors));
            }

            return Remember(anchors, sequenceStart.Anchor, sequence);
        }

        var alias = parser.Consume<AnchorAlias>();
        return anchors[alias.Value]?.DeepClone();
    }

    private static JsonNode? Remember(Dictionary<AnchorName, JsonNode?> anchors, AnchorName anchor, JsonNode? node)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor] = node;
        }

        return node;
    }

    private static JsonValue? ToValue(Scalar scalar)
    {
        string text = scalar.Value;
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (LooksNumeric(text))
        {
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long integer))
            {
                return JsonValue.Create(integer);
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double real))
            {
                return JsonValue.Create(real);
            }
        }

        return JsonValue.Create(text);
    }

    /// <summary>The core schema's decimal int and float forms (no hex, octal or .inf): a cheap check before parsing.</summary>
    private static bool LooksNumeric(string text)
    {
        int start = text[0] is '-' or '+' ? 1 : 0;
        bool digit = false;
        for (int i = start; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsAsciiDigit(c))
            {
                digit = true;
            }
            else if (c is not ('.' or 'e' or 'E' or '-' or '+'))
            {
                return false;
            }
        }

        return digit && (char.IsAsciiDigit(text[start]) || text[start] == '.');
    }
}
