using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace WebhookGen.Json;

/// <summary>
/// Finds a property named twice in one JSON object. Routing reads the first <c>type</c> and a parser keeps the last, so
/// a body with both could be dispatched as one event and read as another: such a body is refused before either looks.
/// </summary>
internal static class JsonDuplicateProperties
{

    /// <summary>
    /// The first name that occurs twice in one object of <paramref name="json"/>, or null when there is none. Invalid JSON
    /// gives null: the parser reports it.
    /// </summary>
    public static string? Find(ReadOnlySpan<byte> json)
    {
        // A byte-order mark is skipped, as the parser skips it.
        if (json.StartsWith(WebhookJson.Utf8Bom))
        {
            json = json[WebhookJson.Utf8Bom.Length..];
        }

        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = WebhookJson.MaxDepth });
        var frames = new List<ObjectFrame?>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        // Its members' names are read one level deeper than the brace.
                        Start(frames, reader.CurrentDepth + 1);
                        break;
                    case JsonTokenType.PropertyName when frames[reader.CurrentDepth] is { } frame:
                        if (frame.AddIsRepeat(json, ref reader) is { } repeated)
                        {
                            return repeated;
                        }

                        break;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return null;
    }

    /// <summary>A frame per depth, reused (emptied) by each later object whose members are at that depth.</summary>
    private static void Start(List<ObjectFrame?> frames, int depth)
    {
        while (frames.Count <= depth)
        {
            frames.Add(null);
        }

        var frame = frames[depth] ??= new ObjectFrame();
        frame.Clear();
    }

    /// <summary>
    /// The names of one object, by a hash seeded per process (a sender cannot choose names that collide), compared in
    /// full only when hashes meet.
    /// </summary>
    private sealed class ObjectFrame
    {
        // The first name of each hash, and for each name the next one with the same hash (-1: none).
        private readonly Dictionary<int, int> _firstByHash = new();
        private readonly List<(Name Name, int Next)> _names = new();

        public void Clear()
        {
            _firstByHash.Clear();
            _names.Clear();
        }

        public string? AddIsRepeat(ReadOnlySpan<byte> json, ref Utf8JsonReader reader)
        {
            var name = reader.ValueIsEscaped || reader.HasValueSequence
                ? new Name(0, 0, reader.GetString())
                : new Name((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length, null);
            var bytes = name.Bytes(json);
            var hash = new HashCode();
            hash.AddBytes(bytes);
            var key = hash.ToHashCode();

            var next = -1;
            if (_firstByHash.TryGetValue(key, out var index))
            {
                next = index;
                for (; index >= 0; index = _names[index].Next)
                {
                    if (_names[index].Name.Bytes(json).SequenceEqual(bytes))
                    {
                        return name.Text(json);
                    }
                }
            }

            _firstByHash[key] = _names.Count;
            _names.Add((name, next));
            return null;
        }
    }

    /// <summary>A name as a slice of the body, or unescaped where the body escapes it.</summary>
    private readonly record struct Name(int Start, int Length, string? Unescaped)
    {
        public ReadOnlySpan<byte> Bytes(ReadOnlySpan<byte> json) =>
            Unescaped is null ? json.Slice(Start, Length) : Encoding.UTF8.GetBytes(Unescaped);

        public string Text(ReadOnlySpan<byte> json) => Unescaped ?? Encoding.UTF8.GetString(json.Slice(Start, Length));
    }
}
