using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace WebhookGen.Generator.Reading.References;

/// <summary>The two parts of a <c>$ref</c>: the file (empty for the same one) and the JSON pointer after the '#'.</summary>
internal readonly record struct SpecReference(string File, string Fragment)
{
    public static SpecReference Parse(string reference)
    {
        var hash = reference.IndexOf('#');
        return hash < 0
            ? new SpecReference(reference, string.Empty)
            : new SpecReference(reference.Substring(0, hash), reference.Substring(hash + 1));
    }

    /// <summary>Whether the file part is a URL (<c>https://…</c>), which is left to the OpenAPI reader.</summary>
    public bool IsUrl => File.IndexOf("://", StringComparison.Ordinal) >= 0;

    /// <summary>The fragment's reference tokens, unescaped (<c>~1</c> → '/', <c>%20</c> → ' ').</summary>
    public string[] Segments()
    {
        var raw = Fragment.Split(['/'], StringSplitOptions.RemoveEmptyEntries);
        var segments = new string[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            segments[i] = Uri.UnescapeDataString(raw[i]).Replace("~1", "/").Replace("~0", "~");
        }

        return segments;
    }

    /// <summary>The node at <paramref name="segments"/> in <paramref name="document"/>; null when there is none.</summary>
    public static JsonNode? Navigate(JsonNode document, IReadOnlyList<string> segments)
    {
        var node = document;
        foreach (var segment in segments)
        {
            node = node switch
            {
                JsonObject obj => obj[segment],
                JsonArray array when int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index >= 0 && index < array.Count => array[index],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }
}
