using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;

namespace WebhookGen.Generator.Reading;

/// <summary>
/// Reads JSON text into a JSON tree with <see cref="Utf8JsonReader"/>, recording where each node is. Comments and
/// trailing commas are allowed (real specs have them); a later duplicate key wins.
/// </summary>
/// <remarks>
/// Strings become <see cref="JsonValue"/>s of <see cref="string"/>, numbers <see cref="JsonValue"/>s over the
/// number's own <see cref="JsonElement"/> (exact, as <see cref="JsonNode.Parse(string, JsonNodeOptions?, JsonDocumentOptions)"/>
/// makes them). The tree is built eagerly, so no error can surface later when it is walked.
/// </remarks>
internal static class JsonWithPositionsReader
{
    private const int TokensBetweenCancellationChecks = 1024;

    public static SpecTextReadResult Read(string text, CancellationToken cancellationToken)
    {
        if (IsBlank(text))
        {
            return SpecTextReadResult.Failure("The spec is empty.", default, isYaml: false);
        }

        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        var lines = new Utf8LineTable(utf8);
        var positions = new SourcePositionMap();
        long tokenStart = 0;
        try
        {
            JsonNode? root = Build(utf8, lines, positions, ref tokenStart, cancellationToken);
            if (root is null)
            {
                return SpecTextReadResult.Failure("The spec's root value is null.", default, isYaml: false);
            }

            return SpecTextReadResult.Success(root, positions, isYaml: false);
        }
        catch (JsonException ex)
        {
            SourcePosition position = ex.LineNumber is long line
                ? lines.ToPosition(line, ex.BytePositionInLine ?? 0)
                : lines.ToPosition(tokenStart);
            return SpecTextReadResult.Failure(CleanMessage(ex.Message), position, isYaml: false);
        }
        catch (InvalidOperationException ex)
        {
            // GetString on a string whose escapes make invalid UTF-16, e.g. "\ud800" alone.
            return SpecTextReadResult.Failure(CleanMessage(ex.Message), lines.ToPosition(tokenStart), isYaml: false);
        }
    }

    private static JsonNode? Build(byte[] utf8, Utf8LineTable lines, SourcePositionMap positions, ref long tokenStart, CancellationToken cancellationToken)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            AllowTrailingCommas = true,
            CommentHandling = JsonCommentHandling.Skip,
            MaxDepth = SpecTextReader.MaxNestingDepth,
        });

        var stack = new List<Frame>();
        JsonNode? root = null;
        int tokens = 0;
        while (reader.Read())
        {
            if (++tokens % TokensBetweenCancellationChecks == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            tokenStart = reader.TokenStartIndex;
            Frame? top = stack.Count == 0 ? null : stack[stack.Count - 1];
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    top!.Key = reader.GetString();
                    top.KeyPosition = lines.ToPosition(tokenStart);
                    break;
                case JsonTokenType.StartObject:
                {
                    var node = new JsonObject();
                    int id = Attach(top, node, lines.ToPosition(tokenStart), isArray: false, positions, ref root);
                    stack.Add(new Frame(node, null, id));
                    break;
                }

                case JsonTokenType.StartArray:
                {
                    var node = new JsonArray();
                    int id = Attach(top, node, lines.ToPosition(tokenStart), isArray: true, positions, ref root);
                    stack.Add(new Frame(null, node, id));
                    break;
                }

                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    positions.SetEnd(top!.Id, lines.ToPosition(reader.BytesConsumed));
                    stack.RemoveAt(stack.Count - 1);
                    break;
                default:
                {
                    JsonNode? value = reader.TokenType switch
                    {
                        JsonTokenType.String => JsonValue.Create(reader.GetString()),
                        JsonTokenType.Number => JsonValue.Create(JsonElement.ParseValue(ref reader)),
                        JsonTokenType.True => JsonValue.Create(true),
                        JsonTokenType.False => JsonValue.Create(false),
                        _ => null,
                    };
                    int id = Attach(top, value, lines.ToPosition(tokenStart), isArray: false, positions, ref root);
                    positions.SetEnd(id, lines.ToPosition(reader.BytesConsumed));
                    break;
                }
            }
        }

        return root;
    }

    private static int Attach(Frame? parent, JsonNode? value, SourcePosition position, bool isArray, SourcePositionMap positions, ref JsonNode? root)
    {
        if (parent is null)
        {
            root = value;
            return positions.AddRoot(position, isArray);
        }

        if (parent.Array is not null)
        {
            parent.Array.Add(value);
            return positions.AddItem(parent.Id, parent.Array.Count - 1, position, isArray);
        }

        string key = parent.Key!;
        parent.Key = null;

        // The indexer replaces an earlier value of the same key: the last duplicate wins.
        parent.Object![key] = value;
        return positions.AddProperty(parent.Id, key, parent.KeyPosition, position, isArray);
    }

    private static bool IsBlank(string text)
    {
        foreach (char c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>System.Text.Json ends its messages with " LineNumber: n | BytePositionInLine: m."; the position is reported apart.</summary>
    private static string CleanMessage(string message)
    {
        int at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return at > 0 ? message.Substring(0, at).TrimEnd() : message;
    }

    private sealed class Frame
    {
        public Frame(JsonObject? obj, JsonArray? array, int id)
        {
            Object = obj;
            Array = array;
            Id = id;
        }

        public JsonObject? Object { get; }

        public JsonArray? Array { get; }

        public int Id { get; }

        public string? Key { get; set; }

        public SourcePosition KeyPosition { get; set; }
    }

    /// <summary>
    /// Turns byte offsets in UTF-8 text into 0-based lines and UTF-16 columns. Lines end at '\n', as
    /// <see cref="Utf8JsonReader"/> counts them. Offsets mostly grow, so the column of the last lookup is reused.
    /// </summary>
    private sealed class Utf8LineTable
    {
        private readonly byte[] _utf8;
        private readonly int[] _lineStarts;
        private int _lastLine;
        private long _lastOffset;
        private int _lastColumn;

        public Utf8LineTable(byte[] utf8)
        {
            _utf8 = utf8;
            var starts = new List<int> { 0 };
            for (int i = 0; i < utf8.Length; i++)
            {
                if (utf8[i] == (byte)'\n')
                {
                    starts.Add(i + 1);
                }
            }

            _lineStarts = starts.ToArray();
        }

        public SourcePosition ToPosition(long offset)
        {
            offset = Math.Max(0, Math.Min(offset, _utf8.Length));
            int line = Array.BinarySearch(_lineStarts, (int)offset);
            if (line < 0)
            {
                line = ~line - 1;
            }

            return new SourcePosition(line, ColumnOf(line, offset));
        }

        public SourcePosition ToPosition(long line, long bytePositionInLine)
        {
            int clampedLine = (int)Math.Max(0, Math.Min(line, _lineStarts.Length - 1));
            long offset = Math.Min(_lineStarts[clampedLine] + Math.Max(0, bytePositionInLine), _utf8.Length);
            return new SourcePosition(clampedLine, ColumnOf(clampedLine, offset));
        }

        private int ColumnOf(int line, long offset)
        {
            long from = _lineStarts[line];
            int column = 0;
            if (line == _lastLine && offset >= _lastOffset && _lastOffset >= from)
            {
                from = _lastOffset;
                column = _lastColumn;
            }

            for (long i = from; i < offset; i++)
            {
                byte b = _utf8[i];
                if ((b & 0xC0) != 0x80)
                {
                    // A character starts here; one from a 4-byte sequence is two UTF-16 units.
                    column += b >= 0xF0 ? 2 : 1;
                }
            }

            _lastLine = line;
            _lastOffset = offset;
            _lastColumn = column;
            return column;
        }
    }
}
