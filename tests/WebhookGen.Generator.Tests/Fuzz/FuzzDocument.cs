using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WebhookGen.Generator.Tests.Fuzz;

/// <summary>The two formats a spec is written in.</summary>
internal enum SpecFormat
{
    Json,
    Yaml,
}

/// <summary>
/// A document being mutated: a JSON tree while mutators work on its structure, text once one works on its text (after
/// which the tree is gone). Values no tree can hold (<c>.nan</c>, <c>1e999</c>, <c>"\ud800"</c>) stand in the tree as
/// placeholders and are written out as given.
/// </summary>
internal sealed class FuzzDocument
{
    private const string RawPrefix = "~~fuzz-raw:";
    private const string RawSuffix = "~~";

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = 100_000 };

    private readonly List<string> _raw = [];
    private JsonNode? _tree;
    private string? _text;

    public FuzzDocument(SpecFormat format, JsonNode tree)
    {
        Format = format;
        _tree = tree;
    }

    public FuzzDocument(SpecFormat format, string text)
    {
        Format = format;
        _text = text;
    }

    public SpecFormat Format { get; }

    public string Extension => Format == SpecFormat.Json ? ".json" : ".yaml";

    /// <summary>Whether the structure can still be changed (no mutator has changed the text yet).</summary>
    public bool HasTree => _tree is not null;

    public JsonNode Tree => _tree ?? throw new InvalidOperationException("The document's text has been changed; its tree is gone.");

    public string Text => _text ??= Render();

    /// <summary>Replaces the text; the tree is gone from then on.</summary>
    public void SetText(string text)
    {
        _text = text;
        _tree = null;
    }

    /// <summary>Replaces the root of the tree.</summary>
    public void SetTree(JsonNode tree)
    {
        _tree = tree;
        _text = null;
    }

    /// <summary>Marks the tree as changed, so the text is written again.</summary>
    public void Touch() => _text = null;

    /// <summary>A string to put in the tree that is written out as <paramref name="raw"/>, exactly (a key or a scalar).</summary>
    public string Raw(string raw)
    {
        _raw.Add(raw);
        return RawPrefix + (_raw.Count - 1).ToString(CultureInfo.InvariantCulture) + RawSuffix;
    }

    private string Render()
    {
        var text = Format == SpecFormat.Json ? Tree.ToJsonString(JsonOptions) : YamlRenderer.Render(Tree);
        if (_raw.Count == 0)
        {
            return text;
        }

        // JSON writes the placeholder quoted; the YAML renderer writes it bare.
        for (var i = _raw.Count - 1; i >= 0; i--)
        {
            var placeholder = RawPrefix + i.ToString(CultureInfo.InvariantCulture) + RawSuffix;
            text = text.Replace('"' + placeholder + '"', _raw[i], StringComparison.Ordinal).Replace(placeholder, _raw[i], StringComparison.Ordinal);
        }

        return text;
    }

    internal static bool IsRaw(string value) => value.StartsWith(RawPrefix, StringComparison.Ordinal) && value.EndsWith(RawSuffix, StringComparison.Ordinal);

    /// <summary>The text of a JSON tree, as the fuzzer writes JSON.</summary>
    internal static string ToJson(JsonNode node) => node.ToJsonString(JsonOptions);
}

/// <summary>Writes a JSON tree as block-style YAML: keys plain where that is safe, strings always double-quoted.</summary>
internal static class YamlRenderer
{
    private static readonly HashSet<string> ReservedPlain = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "null", "yes", "no", "on", "off", "y", "n", "~",
    };

    public static string Render(JsonNode root)
    {
        var text = new StringBuilder();
        if (root is JsonObject { Count: > 0 } or JsonArray { Count: > 0 })
        {
            WriteBlock(text, root, 0);
        }
        else
        {
            text.Append(Scalar(root)).Append('\n');
        }

        return text.ToString();
    }

    private static void WriteBlock(StringBuilder text, JsonNode node, int indent)
    {
        if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj)
            {
                text.Append(' ', indent).Append(Key(key)).Append(':');
                WriteValue(text, value, indent + 2);
            }
        }
        else
        {
            foreach (var item in (JsonArray)node)
            {
                text.Append(' ', indent).Append('-');
                WriteValue(text, item, indent + 2);
            }
        }
    }

    private static void WriteValue(StringBuilder text, JsonNode? value, int indent)
    {
        if (value is JsonObject { Count: > 0 } or JsonArray { Count: > 0 })
        {
            text.Append('\n');
            WriteBlock(text, value, indent);
        }
        else
        {
            text.Append(' ').Append(Scalar(value)).Append('\n');
        }
    }

    private static string Key(string key)
    {
        if (FuzzDocument.IsRaw(key))
        {
            return key;
        }

        var plain = key.Length > 0 && (char.IsAsciiLetter(key[0]) || key[0] is '_' or '$' or '/') && !ReservedPlain.Contains(key);
        foreach (var c in key)
        {
            plain &= char.IsAsciiLetterOrDigit(c) || c is '_' or '$' or '/' or '-' or '.';
        }

        return plain ? key : Quote(key);
    }

    private static string Scalar(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "{}",
        JsonArray => "[]",
        JsonValue v when v.TryGetValue<string>(out var s) => FuzzDocument.IsRaw(s) ? s : Quote(s),
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        _ => value.ToJsonString(),
    };

    /// <summary>A YAML double-quoted scalar: JSON's escapes are a subset of YAML's.</summary>
    private static string Quote(string value) => JsonSerializer.Serialize(value);
}
