using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace WebhookGen.Json;

/// <summary>
/// Finds a property named twice in one JSON object. Routing reads the first <c>type</c> and a parser keeps the last, so
/// a body with both could be dispatched as one event and read as another: such a body is refused.
/// </summary>
/// <remarks>
/// <para>
/// Two ways in. A route that reads the body to name its event checks the whole body first (<see cref="Find"/>),
/// before anything reads a value from it. Everywhere else the check rides on the parse itself, which reads every name
/// anyway: <see cref="WebhookJson.Deserialize{T}(ReadOnlySpan{byte}, WebhookPayloadReader{T})"/> opens a scope
/// (<see cref="Begin"/>) in which the reading primitives report each object they open, each name and each value they
/// skip, and a repeat throws. On the 587-byte gridX body that adds about 0.3 µs to a 0.9 µs parse, where a pass of its
/// own cost 0.6 µs.
/// </para>
/// <para>
/// It runs on every delivery, so it allocates nothing for the usual body: the names of the open objects are kept on one
/// stack, in buffers kept per thread, and an object's names are popped when it closes. A name is compared with those of
/// its own object by its fingerprint (its length, first and last eight bytes), which tells any two names of up to 16
/// bytes apart; a longer name is kept whole and compared byte by byte when the fingerprints agree. An object of more
/// than 16 members gets an index by hash, seeded per process so that a sender cannot choose names that collide, so that
/// the check stays linear.
/// </para>
/// </remarks>
internal static class JsonDuplicateProperties
{
    [ThreadStatic]
    private static Names? t_spare;

    [ThreadStatic]
    private static Names? t_current;

    /// <summary>The names of the read in progress on this thread; null outside a checked read.</summary>
    public static Names? Current => t_current;

    /// <summary>
    /// Starts checking the names read on this thread; <paramref name="watch"/>, when given, is the body's top-level member
    /// that names the event, read on the way (<see cref="Names.OtherEvent"/>). <see cref="End"/> ends it.
    /// </summary>
    public static Names? Begin(Hosting.WebhookBodyEventName? watch, out Names names)
    {
        var previous = t_current;
        names = t_spare ?? new Names();
        t_spare = null;
        names.Watch = watch;
        t_current = names;
        return previous;
    }

    /// <summary>Ends the check <see cref="Begin"/> started and restores the one it interrupted, if any.</summary>
    public static void End(Names? previous)
    {
        var names = t_current;
        t_current = previous;
        if (names is not null && names.Reset())
        {
            t_spare = names;
        }
    }

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

        // A scope of its own, so that a check inside a checked read would not mix the two reads' names.
        var previous = Begin(watch: null, out var names);
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = WebhookJson.MaxDepth });
            while (reader.Read())
            {
                if (!names.Track(ref reader))
                {
                    return names.Repeated;
                }
            }

            return null;
        }
        catch (Exception exception) when (exception is JsonException or WebhookPayloadException)
        {
            // Invalid JSON, or a name that is not valid Unicode: the parser reports it.
            return null;
        }
        finally
        {
            End(previous);
        }
    }

    /// <summary>
    /// Skips the value <paramref name="reader"/> is at, as <see cref="Utf8JsonReader.Skip"/> does, checking the names in
    /// it when a check is in progress: a value the spec does not declare is still part of what was signed and sent.
    /// </summary>
    public static void Skip(ref Utf8JsonReader reader)
    {
        if (t_current is not { } names || reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            reader.Skip();
            return;
        }

        var depth = reader.CurrentDepth;
        names.TrackOrThrow(ref reader);
        while (reader.Read())
        {
            names.TrackOrThrow(ref reader);
            if (reader.CurrentDepth == depth)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Checks the names in the value <paramref name="reader"/> is at without moving it (the reader is a copy), for a value
    /// read whole by something else (a <see cref="JsonElement"/>).
    /// </summary>
    public static void Check(Utf8JsonReader reader)
    {
        if (t_current is not null && reader.TokenType is (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            Skip(ref reader);
        }
    }

    /// <summary>The exception for a name given twice: a payload error, never drift, whatever the reading.</summary>
    public static WebhookPayloadException Repeat(string name)
    {
        var shortName = Hosting.WebhookDelivery.Shorten(name);
        return new WebhookPayloadException(shortName, $"The member '{shortName}' appears twice in one object; each member may be named once.");
    }

    /// <summary>The names of the objects open at the reader's position, innermost last.</summary>
    internal sealed class Names
    {
        /// <summary>Up to this many members, an object's names are scanned; beyond it they are indexed by hash.</summary>
        private const int ScanLimit = 16;

        /// <summary>A thread's buffers grown past this many names (or bytes of names) are not kept for the next body.</summary>
        private const int KeepLimit = 4096;

        /// <summary>Names up to this many bytes are told apart by their fingerprint alone; longer ones are kept whole.</summary>
        private const int FingerprintBytes = 16;

        private readonly int[] _objectStarts = new int[WebhookJson.MaxDepth + 2];

        /// <summary>
        /// Per depth, a bit for each name its open object has (by fingerprint, <see cref="NameEntry.FilterBit"/>): a name
        /// whose bit is clear is new without a scan. Cleared when an object opens at that depth, so a bit may stand for a
        /// name no longer there (a needless scan), never the other way round.
        /// </summary>
        private readonly ulong[] _filters = new ulong[WebhookJson.MaxDepth + 2];
        private readonly Dictionary<int, int>?[] _indexes = new Dictionary<int, int>?[WebhookJson.MaxDepth + 2];
        private NameEntry[] _names = new NameEntry[64];
        private readonly byte[] _shortName = new byte[FingerprintBytes];
        private byte[] _bytes = new byte[256];
        private int _bytesUsed;
        private int _count;
        private Hosting.WebhookBodyEventName? _encodedWatch;
        private byte[] _encodedProperty = [];
        private byte[] _encodedValue = [];

        /// <summary>The body's top-level member that names the event, read on the way; null to read none.</summary>
        public Hosting.WebhookBodyEventName? Watch { get; set; }

        /// <summary>The watched member's value, when it is a string that names another event than <see cref="Watch"/>'s.</summary>
        public string? OtherEvent { get; private set; }

        /// <summary>The name found twice, once <see cref="Track"/> returned false.</summary>
        public string? Repeated { get; private set; }

        /// <summary>Takes in the token the reader is at; false when it is a name its object already has.</summary>
        public bool Track(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                case JsonTokenType.EndObject:
                    // An object's members are read one level deeper than its braces.
                    Open(reader.CurrentDepth + 1);
                    return true;
                case JsonTokenType.PropertyName:
                    return Add(ref reader);
                default:
                    return true;
            }
        }

        /// <summary><see cref="Track"/>, throwing <see cref="Repeat"/>'s exception for a repeat.</summary>
        public void TrackOrThrow(ref Utf8JsonReader reader)
        {
            if (!Track(ref reader))
            {
                throw Repeat(Repeated!);
            }
        }

        /// <summary>
        /// An object whose members are read at <paramref name="depth"/> opens (or closes): whatever was left at that depth
        /// or deeper (a previous sibling, an object read only in part) is popped, and its index dropped.
        /// </summary>
        public void Open(int depth)
        {
            Pop(depth);
            _objectStarts[depth] = _count;
            _indexes[depth] = null;
            _filters[depth] = 0;
        }

        /// <summary>Whether the name the reader is at is new in its object; if so it is added to the object's.</summary>
        public bool Add(ref Utf8JsonReader reader)
        {
            var depth = reader.CurrentDepth;
            Pop(depth + 1);
            var entry = Read(ref reader, depth, out var name);
            var first = Math.Min(_objectStarts[depth], _count);
            var bit = 1UL << entry.FilterBit;
            var filter = _filters[depth];
            _filters[depth] = filter | bit;
            if (_count - first < ScanLimit)
            {
                // Most names of an object differ in their bit: the scan, quadratic in the object's size, is then skipped.
                if ((filter & bit) == 0)
                {
                    first = _count;
                }

                for (var i = first; i < _count; i++)
                {
                    if (_names[i].SameFingerprint(entry) && (entry.Length <= FingerprintBytes || Bytes(_names[i]).SequenceEqual(name)))
                    {
                        return Found(name);
                    }
                }
            }
            else
            {
                var index = _indexes[depth] ??= Index(first);
                entry.Hash = Hash(entry, name);
                entry.Next = index.TryGetValue(entry.Hash, out var head) ? head : -1;
                for (var i = entry.Next; i >= 0; i = _names[i].Next)
                {
                    if (_names[i].SameFingerprint(entry) && (entry.Length <= FingerprintBytes || Bytes(_names[i]).SequenceEqual(name)))
                    {
                        return Found(name);
                    }
                }

                index[entry.Hash] = _count;
            }

            if (depth == 1 && Watch is { } watch)
            {
                Encode(watch);
                if (name.SequenceEqual(_encodedProperty))
                {
                    ReadWatched(reader);
                }
            }

            if (entry.Length > FingerprintBytes)
            {
                entry = Keep(entry, name);
            }

            Push(entry);
            return true;
        }

        /// <summary>Empties the stack; false when the buffers grew too large to keep.</summary>
        public bool Reset()
        {
            _count = 0;
            _bytesUsed = 0;
            Watch = null;
            OtherEvent = null;
            Repeated = null;
            Array.Clear(_indexes);
            return _names.Length <= KeepLimit && _bytes.Length <= KeepLimit * FingerprintBytes;
        }

        private bool Found(ReadOnlySpan<byte> name)
        {
            Repeated = Encoding.UTF8.GetString(name);
            return false;
        }

        /// <summary>The name the reader is at (unescaped: into a scratch array or the buffer's free end) and its entry.</summary>
        private NameEntry Read(ref Utf8JsonReader reader, int depth, out ReadOnlySpan<byte> name)
        {
            if (!reader.ValueIsEscaped && !reader.HasValueSequence)
            {
                name = reader.ValueSpan;
            }
            else
            {
                var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
                var destination = length <= FingerprintBytes ? _shortName.AsSpan() : Room(length);
                name = destination[..Unescaped(ref reader, destination)];
            }

            return new NameEntry(name, depth);
        }

        /// <summary>Moves a long name into the buffer (it may already be there, unescaped), so that repeats can be compared whole.</summary>
        private NameEntry Keep(NameEntry entry, ReadOnlySpan<byte> name)
        {
            var room = Room(name.Length);
            if (!name.Overlaps(room))
            {
                name.CopyTo(room);
            }

            entry.Start = _bytesUsed;
            _bytesUsed += name.Length;
            return entry;
        }

        /// <summary>Free room at the buffer's end for <paramref name="length"/> bytes, not yet taken.</summary>
        private Span<byte> Room(int length)
        {
            if (_bytesUsed + length > _bytes.Length)
            {
                Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _bytesUsed + length));
            }

            return _bytes.AsSpan(_bytesUsed, length);
        }

        private static int Unescaped(ref Utf8JsonReader reader, Span<byte> destination)
        {
            try
            {
                return reader.CopyString(destination);
            }
            catch (InvalidOperationException)
            {
                // An escape that stands for no character (an unpaired surrogate): no name can be compared.
                throw new WebhookPayloadException(string.Empty, "A member name is not valid Unicode (an unpaired surrogate escape).");
            }
        }

        /// <summary>The watched member's name and value in UTF-8, encoded once per event (a thread's reads mostly watch one).</summary>
        private void Encode(Hosting.WebhookBodyEventName watch)
        {
            if (!ReferenceEquals(watch, _encodedWatch))
            {
                _encodedProperty = Encoding.UTF8.GetBytes(watch.Property);
                _encodedValue = Encoding.UTF8.GetBytes(watch.Value);
                _encodedWatch = watch;
            }
        }

        /// <summary>Reads the watched member's value from a copy of the reader, which stays at the name.</summary>
        private void ReadWatched(Utf8JsonReader reader)
        {
            if (reader.Read() && reader.TokenType == JsonTokenType.String && !reader.ValueTextEquals(_encodedValue))
            {
                try
                {
                    OtherEvent = reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    // Not valid Unicode, so no event's name: the event's own reader reports the value.
                }
            }
        }

        /// <summary>Pops the names read at <paramref name="depth"/> or deeper, and the bytes of those kept whole.</summary>
        private void Pop(int depth)
        {
            while (_count > 0 && _names[_count - 1].Depth >= depth)
            {
                _count--;
                if (_names[_count].Start >= 0)
                {
                    _bytesUsed = _names[_count].Start;
                }
            }
        }

        /// <summary>An index of an object's names by hash, each chained to the previous name of the same hash.</summary>
        private Dictionary<int, int> Index(int first)
        {
            var index = new Dictionary<int, int>();
            for (var i = first; i < _count; i++)
            {
                _names[i].Hash = Hash(_names[i], Bytes(_names[i]));
                _names[i].Next = index.TryGetValue(_names[i].Hash, out var previous) ? previous : -1;
                index[_names[i].Hash] = i;
            }

            return index;
        }

        private ReadOnlySpan<byte> Bytes(scoped in NameEntry entry) =>
            entry.Start >= 0 ? _bytes.AsSpan(entry.Start, entry.Length) : default;

        private void Push(in NameEntry entry)
        {
            if (_count == _names.Length)
            {
                Array.Resize(ref _names, _names.Length * 2);
            }

            _names[_count++] = entry;
        }

        /// <summary>
        /// The hash an indexed object files a name under, seeded per process: of the fingerprint for a short name, of every
        /// byte for a long one (names that share their ends must not share a chain).
        /// </summary>
        private static int Hash(scoped in NameEntry entry, ReadOnlySpan<byte> name)
        {
            if (entry.Length <= FingerprintBytes)
            {
                return HashCode.Combine(entry.Head, entry.Tail, entry.Length);
            }

            var hash = new HashCode();
            hash.AddBytes(name);
            return hash.ToHashCode();
        }
    }

    /// <summary>
    /// A name as its fingerprint (its length and its first and last eight bytes, which tell apart any two names of up to
    /// 16 bytes) and the depth it was read at; a longer name also as a slice of the buffer. In an indexed object, its hash
    /// and the index of the previous name of that hash.
    /// </summary>
    private struct NameEntry
    {
        public readonly ulong Head;
        public readonly ulong Tail;
        public readonly int Length;
        public readonly int Depth;
        public int Start = -1;
        public int Hash;
        public int Next = -1;

        public NameEntry(ReadOnlySpan<byte> name, int depth)
        {
            Length = name.Length;
            Depth = depth;
            if (name.Length >= sizeof(ulong))
            {
                Head = BinaryPrimitives.ReadUInt64LittleEndian(name);
                Tail = BinaryPrimitives.ReadUInt64LittleEndian(name[^sizeof(ulong)..]);
            }
            else
            {
                for (var i = 0; i < name.Length; i++)
                {
                    Head |= (ulong)name[i] << (8 * i);
                }
            }
        }

        /// <summary>Which of 64 bits the fingerprint sets in its object's filter.</summary>
        public readonly int FilterBit => (int)(((Head ^ (Tail * 0x9E3779B97F4A7C15UL) ^ (ulong)Length) * 0x9E3779B97F4A7C15UL) >> 58);

        public readonly bool SameFingerprint(scoped in NameEntry other) =>
            Length == other.Length && Head == other.Head && Tail == other.Tail;
    }
}
