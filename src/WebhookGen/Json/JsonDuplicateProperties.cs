using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace WebhookGen.Json;

/// <summary>
/// Finds a property named twice in one JSON object. Routing reads the first <c>type</c> and a parser keeps the last, so
/// a body with both could be dispatched as one event and read as another: such a body is refused before either looks.
/// </summary>
/// <remarks>
/// It runs on every delivery, so it allocates nothing for the usual body: the names of the objects being read are kept
/// on one stack of (hash, slice) entries, in a buffer kept per thread, and an object's names are popped when it closes.
/// A name is compared with those of its own object by hash first, seeded per process so that a sender cannot choose
/// names that collide; an object with many members gets a hash index, so that the check stays linear.
/// </remarks>
internal static class JsonDuplicateProperties
{
    /// <summary>Up to this many members, an object's names are scanned; beyond it they are indexed by hash.</summary>
    private const int ScanLimit = 16;

    /// <summary>A thread's buffers grown past this many names are not kept for the next body.</summary>
    private const int KeepLimit = 4096;

    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <summary>
    /// The first name that occurs twice in one object of <paramref name="json"/>, or null when there is none. Invalid JSON
    /// gives null: the parser reports it.
    /// </summary>
    public static string? Find(ReadOnlySpan<byte> json) => Find(json, watch: null, out _);

    /// <summary>
    /// <see cref="Find(ReadOnlySpan{byte})"/>, which also reads, in the same pass, the body's top-level member
    /// <paramref name="watch"/> names: <paramref name="otherEvent"/> is its value when it is a string other than the
    /// event's (allocated only then).
    /// </summary>
    public static string? Find(ReadOnlySpan<byte> json, Hosting.WebhookBodyEventName? watch, out string? otherEvent)
    {
        otherEvent = null;
        // A byte-order mark is skipped, as the parser skips it.
        if (json.StartsWith(WebhookJson.Utf8Bom))
        {
            json = json[WebhookJson.Utf8Bom.Length..];
        }

        var scratch = t_scratch ?? new Scratch();
        t_scratch = null;
        try
        {
            return scratch.Find(json, watch, ref otherEvent);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // Invalid JSON, or a name that is not valid UTF-8: the parser reports it.
            return null;
        }
        finally
        {
            if (scratch.Reset())
            {
                t_scratch = scratch;
            }
        }
    }

    /// <summary>The names of the objects open at the reader's position, innermost last.</summary>
    private sealed class Scratch
    {
        private readonly int[] _objectStarts = new int[WebhookJson.MaxDepth + 2];
        private readonly Dictionary<int, int>?[] _indexes = new Dictionary<int, int>?[WebhookJson.MaxDepth + 2];
        private NameEntry[] _names = new NameEntry[64];
        private int _count;

        /// <summary>Names the body escapes, unescaped; an entry refers to one by a negative start.</summary>
        private List<byte[]>? _unescaped;

        public string? Find(ReadOnlySpan<byte> json, Hosting.WebhookBodyEventName? watch, ref string? otherEvent)
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = WebhookJson.MaxDepth });
            var watched = false;
            while (reader.Read())
            {
                if (watched)
                {
                    watched = false;
                    if (reader.TokenType == JsonTokenType.String && !reader.ValueTextEquals(watch!.Value))
                    {
                        otherEvent = reader.GetString();
                    }
                }

                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        // Its members' names are read one level deeper than the brace.
                        _objectStarts[reader.CurrentDepth + 1] = _count;
                        break;
                    case JsonTokenType.EndObject:
                        Close(reader.CurrentDepth + 1);
                        break;
                    case JsonTokenType.PropertyName:
                        if (IsRepeat(json, ref reader, out var repeated))
                        {
                            return Encoding.UTF8.GetString(repeated);
                        }

                        watched = watch is not null && reader.CurrentDepth == 1 && reader.ValueTextEquals(watch.Property);
                        break;
                }
            }

            return null;
        }

        /// <summary>Empties the stack; false when the buffers grew too large to keep.</summary>
        public bool Reset()
        {
            _count = 0;
            _unescaped?.Clear();
            Array.Clear(_indexes);
            return _names.Length <= KeepLimit;
        }

        /// <summary>Whether the name just read is one its object has already; if not, it is added to the object's.</summary>
        private bool IsRepeat(ReadOnlySpan<byte> json, ref Utf8JsonReader reader, out ReadOnlySpan<byte> name)
        {
            var depth = reader.CurrentDepth;
            var entry = Entry(ref reader);
            name = Bytes(json, entry);
            var first = _objectStarts[depth];
            var members = _count - first;
            if (members < ScanLimit)
            {
                for (var i = first; i < _count; i++)
                {
                    if (_names[i].Hash == entry.Hash && Bytes(json, _names[i]).SequenceEqual(name))
                    {
                        return true;
                    }
                }
            }
            else
            {
                var index = _indexes[depth] ??= Index(first);
                entry.Next = index.TryGetValue(entry.Hash, out var head) ? head : -1;
                for (var i = entry.Next; i >= 0; i = _names[i].Next)
                {
                    if (Bytes(json, _names[i]).SequenceEqual(name))
                    {
                        return true;
                    }
                }

                index[entry.Hash] = _count;
            }

            Push(entry);
            return false;
        }

        /// <summary>An index of an object's names by hash, each chained to the previous name of the same hash.</summary>
        private Dictionary<int, int> Index(int first)
        {
            var index = new Dictionary<int, int>();
            for (var i = first; i < _count; i++)
            {
                _names[i].Next = index.TryGetValue(_names[i].Hash, out var previous) ? previous : -1;
                index[_names[i].Hash] = i;
            }

            return index;
        }

        /// <summary>An object closes: its names are popped, and its index, if it had one, dropped.</summary>
        private void Close(int depth)
        {
            _count = _objectStarts[depth];
            _indexes[depth] = null;
        }

        private NameEntry Entry(ref Utf8JsonReader reader)
        {
            if (!reader.ValueIsEscaped)
            {
                return new NameEntry((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length, Hash(reader.ValueSpan));
            }

            var unescaped = new byte[reader.ValueSpan.Length];
            unescaped = unescaped[..reader.CopyString(unescaped)];
            (_unescaped ??= []).Add(unescaped);
            return new NameEntry(-_unescaped.Count, unescaped.Length, Hash(unescaped));
        }

        private ReadOnlySpan<byte> Bytes(ReadOnlySpan<byte> json, scoped in NameEntry entry) =>
            entry.Start >= 0 ? json.Slice(entry.Start, entry.Length) : _unescaped![-entry.Start - 1];

        private void Push(in NameEntry entry)
        {
            if (_count == _names.Length)
            {
                Array.Resize(ref _names, _names.Length * 2);
            }

            _names[_count++] = entry;
        }

        private static int Hash(ReadOnlySpan<byte> name)
        {
            var hash = new HashCode();
            hash.AddBytes(name);
            return hash.ToHashCode();
        }
    }

    /// <summary>A name as a slice of the body (or, with a negative start, an unescaped copy), its hash, and the index of the previous name of that hash in an indexed object.</summary>
    private struct NameEntry(int start, int length, int hash)
    {
        public readonly int Start = start;
        public readonly int Length = length;
        public readonly int Hash = hash;
        public int Next = -1;
    }
}
