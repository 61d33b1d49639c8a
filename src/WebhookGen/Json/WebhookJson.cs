using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace WebhookGen.Json;

/// <summary>
/// The reading primitives that generated payload readers are made of. Each checks the token it is given and throws a
/// <see cref="WebhookPayloadException"/> naming the property on a mismatch. Not meant to be called by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class WebhookJson
{
    /// <summary>The deepest nesting accepted; a deeper body is rejected as invalid rather than read.</summary>
    public const int MaxDepth = 64;

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = MaxDepth };

    /// <summary>The UTF-8 byte-order mark, which every read of a body skips (RFC 8259 allows ignoring one).</summary>
    internal static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static ReadOnlySpan<byte> JsonWhitespace => " \t\r\n"u8;

    /// <summary>
    /// Reads a whole body as one value of <typeparamref name="T"/>; nothing may follow it, and no object in it may name a
    /// member twice.
    /// </summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json, WebhookPayloadReader<T> read) =>
        Deserialize(utf8Json, read, watch: null, out _);

    /// <summary>
    /// <see cref="Deserialize{T}(ReadOnlySpan{byte}, WebhookPayloadReader{T})"/>, which also reads the body's top-level
    /// member <paramref name="watch"/> names: <paramref name="otherEvent"/> is its value when it names another event, set
    /// as far as the read got when it throws.
    /// </summary>
    internal static T Deserialize<T>(ReadOnlySpan<byte> utf8Json, WebhookPayloadReader<T> read, Hosting.WebhookBodyEventName? watch, out string? otherEvent)
    {
        ArgumentNullException.ThrowIfNull(read);

        // RFC 8259 lets a parser ignore a byte order mark; some senders write one.
        if (utf8Json.StartsWith(Utf8Bom))
        {
            utf8Json = utf8Json[Utf8Bom.Length..];
        }

        // Utf8JsonReader itself throws on a body of nothing but whitespace, which would be reported as invalid JSON.
        if (utf8Json.IndexOfAnyExcept(JsonWhitespace) < 0)
        {
            otherEvent = null;
            throw new WebhookPayloadException(string.Empty, "The body is empty; a JSON value was expected.");
        }

        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        var previous = JsonDuplicateProperties.Begin(watch, out var names);
        try
        {
            reader.Read();
            var value = read(ref reader);
            if (reader.Read())
            {
                throw new WebhookPayloadException(string.Empty, "The body has content after its JSON value.");
            }

            return value;
        }
        catch (JsonException exception)
        {
            // The reader's own message quotes the offending bytes; only the position is passed on.
            throw new WebhookPayloadException(
                string.Empty,
                exception.LineNumber is { } line && exception.BytePositionInLine is { } position
                    ? $"The body is not valid JSON (line {line + 1}, byte {position + 1})."
                    : "The body is not valid JSON.");
        }
        finally
        {
            otherEvent = names.OtherEvent;
            JsonDuplicateProperties.End(previous);
        }
    }

    /// <summary>
    /// Checks that the current token starts an object. A record's reader calls it first: in a tolerant read, a value of
    /// another kind is then skipped by whatever holds it (<see cref="ReadObject"/>, <see cref="ReadArray"/>, <see cref="ReadMap"/>).
    /// </summary>
    public static void StartObject(ref Utf8JsonReader reader, string? name)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw AsDrift(WrongType(name, "an object", reader.TokenType), KindOf(reader.TokenType, JsonTokenType.None));
        }

        JsonDuplicateProperties.Current?.Open(reader.CurrentDepth + 1);
    }

    /// <summary>
    /// Moves to the next property name of the current object; <see langword="false"/> at its end. Within
    /// <see cref="Deserialize{T}(ReadOnlySpan{byte}, WebhookPayloadReader{T})"/>, a name the object already has throws.
    /// </summary>
    public static bool NextProperty(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.PropertyName)
        {
            return false;
        }

        if (JsonDuplicateProperties.Current is { } names && !names.Add(ref reader))
        {
            throw JsonDuplicateProperties.Repeat(names.Repeated!);
        }

        return true;
    }

    /// <summary>Moves from a property name to its value.</summary>
    public static void MoveToValue(ref Utf8JsonReader reader) => reader.Read();

    /// <summary>Skips the value of a property the spec does not declare.</summary>
    public static void SkipValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        JsonDuplicateProperties.Skip(ref reader);
    }

    /// <summary>The exception for a required property that is absent.</summary>
    public static WebhookPayloadException MissingProperty(string name) =>
        new(name, "The property is required but missing.");

    /// <summary>
    /// Reads a nested object, naming the property in any error inside it. In a tolerant read, a value that is not the
    /// object is skipped and read as the default, its drift recorded.
    /// </summary>
    public static T ReadObject<T>(ref Utf8JsonReader reader, string name, WebhookPayloadReader<T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var recorder = PayloadDriftRecorder.Current;
        recorder?.Enter(name);
        try
        {
            return read(ref reader);
        }
        catch (WebhookPayloadException exception) when (exception.DriftKind is { } kind && recorder is not null)
        {
            recorder.Record(kind, null);
            JsonDuplicateProperties.Skip(ref reader);
            return default!;
        }
        catch (WebhookPayloadException exception)
        {
            throw exception.Within(name);
        }
        finally
        {
            recorder?.Exit();
        }
    }

    /// <summary>
    /// Reads an array whose items <paramref name="readItem"/> reads. In a tolerant read, an item that drifted beyond
    /// reading (a value of another kind, a <c>null</c>) is left out, its drift recorded at <c>{name}[]</c>.
    /// </summary>
    public static IReadOnlyList<T> ReadArray<T>(ref Utf8JsonReader reader, string? name, WebhookPayloadReader<T> readItem)
    {
        ArgumentNullException.ThrowIfNull(readItem);
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return Mismatch<IReadOnlyList<T>>(ref reader, name, "an array");
        }

        var recorder = PayloadDriftRecorder.Current;
        Enter(recorder, name, "[]");
        try
        {
            var items = new List<T>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                try
                {
                    items.Add(readItem(ref reader));
                }
                catch (WebhookPayloadException exception) when (exception.DriftKind is { } kind && recorder is not null)
                {
                    recorder.Record(kind, null);
                    JsonDuplicateProperties.Skip(ref reader);
                }
                catch (WebhookPayloadException exception)
                {
                    var inItem = exception.WithinItem(items.Count);
                    throw name is null ? inItem : inItem.Within(name);
                }
            }

            return items;
        }
        finally
        {
            Exit(recorder, name);
        }
    }

    /// <summary>
    /// Reads an object used as a map from its property names to values that <paramref name="readValue"/> reads. In a
    /// tolerant read, a value that drifted beyond reading is left out, its drift recorded at <c>{name}.*</c>.
    /// </summary>
    public static IReadOnlyDictionary<string, T> ReadMap<T>(ref Utf8JsonReader reader, string? name, WebhookPayloadReader<T> readValue)
    {
        ArgumentNullException.ThrowIfNull(readValue);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return Mismatch<IReadOnlyDictionary<string, T>>(ref reader, name, "an object");
        }

        var recorder = PayloadDriftRecorder.Current;
        Enter(recorder, name, "*");
        try
        {
            JsonDuplicateProperties.Current?.Open(reader.CurrentDepth + 1);
            var map = new Dictionary<string, T>(StringComparer.Ordinal);
            while (NextKey(ref reader, name))
            {
                if (!TryGetString(ref reader, out var key))
                {
                    throw new WebhookPayloadException(name ?? string.Empty, "A key " + NotUnicode);
                }

                reader.Read();
                try
                {
                    map[key] = readValue(ref reader);
                }
                catch (WebhookPayloadException exception) when (exception.DriftKind is { } kind && recorder is not null)
                {
                    recorder.Record(kind, null);
                    JsonDuplicateProperties.Skip(ref reader);
                }
                catch (WebhookPayloadException exception)
                {
                    var inValue = exception.Within(key);
                    throw name is null ? inValue : inValue.Within(name);
                }
            }

            return map;
        }
        finally
        {
            Exit(recorder, name);
        }
    }

    /// <summary><see cref="NextProperty"/> in a map: a key given twice is reported within the map.</summary>
    private static bool NextKey(ref Utf8JsonReader reader, string? name)
    {
        try
        {
            return NextProperty(ref reader);
        }
        catch (WebhookPayloadException exception) when (name is not null)
        {
            throw exception.Within(name);
        }
    }

    private static void Enter(PayloadDriftRecorder? recorder, string? name, string items)
    {
        if (recorder is not null)
        {
            if (name is not null)
            {
                recorder.Enter(name);
            }

            recorder.Enter(items);
        }
    }

    private static void Exit(PayloadDriftRecorder? recorder, string? name)
    {
        if (recorder is not null)
        {
            recorder.Exit();
            if (name is not null)
            {
                recorder.Exit();
            }
        }
    }

    /// <summary>Reads a string.</summary>
    public static string ReadString(ref Utf8JsonReader reader, string? name) =>
        reader.TokenType != JsonTokenType.String ? Mismatch<string>(ref reader, name, "a string", JsonTokenType.String)
        : TryGetString(ref reader, out var value) ? value
        : Drift<string>(ref reader, name, new WebhookPayloadException(name ?? string.Empty, "The string " + NotUnicode), PayloadDriftKind.InvalidFormat);

    /// <summary>Reads a boolean.</summary>
    public static bool ReadBoolean(ref Utf8JsonReader reader, string? name) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => Mismatch<bool>(ref reader, name, "true or false"),
    };

    /// <summary>Reads a 32-bit integer.</summary>
    public static int ReadInt32(ref Utf8JsonReader reader, string? name) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value) ? value : Mismatch<int>(ref reader, name, "a 32-bit integer", JsonTokenType.Number);

    /// <summary>Reads a 64-bit integer.</summary>
    public static long ReadInt64(ref Utf8JsonReader reader, string? name) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value) ? value : Mismatch<long>(ref reader, name, "a 64-bit integer", JsonTokenType.Number);

    /// <summary>Reads an unsigned 16-bit integer (<c>format: uint16</c>).</summary>
    public static ushort ReadUInt16(ref Utf8JsonReader reader, string? name) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetUInt16(out var value) ? value : Mismatch<ushort>(ref reader, name, "an unsigned 16-bit integer", JsonTokenType.Number);

    /// <summary>Reads an unsigned 32-bit integer (<c>format: uint32</c>).</summary>
    public static uint ReadUInt32(ref Utf8JsonReader reader, string? name) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetUInt32(out var value) ? value : Mismatch<uint>(ref reader, name, "an unsigned 32-bit integer", JsonTokenType.Number);

    /// <summary>Reads an unsigned 64-bit integer (<c>format: uint64</c>).</summary>
    public static ulong ReadUInt64(ref Utf8JsonReader reader, string? name) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetUInt64(out var value) ? value : Mismatch<ulong>(ref reader, name, "an unsigned 64-bit integer", JsonTokenType.Number);

    /// <summary>Reads a single-precision number; one too large for it is out of range, not infinity.</summary>
    public static float ReadSingle(ref Utf8JsonReader reader, string? name) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetSingle(out var value) && float.IsFinite(value)
            ? value
            : Mismatch<float>(ref reader, name, "a number", JsonTokenType.Number);

    /// <summary>Reads a double-precision number; one too large for it is out of range, not infinity.</summary>
    public static double ReadDouble(ref Utf8JsonReader reader, string? name) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var value) && double.IsFinite(value)
            ? value
            : Mismatch<double>(ref reader, name, "a number", JsonTokenType.Number);

    /// <summary>Reads a decimal number.</summary>
    public static decimal ReadDecimal(ref Utf8JsonReader reader, string? name) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var value) ? value : Mismatch<decimal>(ref reader, name, "a decimal number", JsonTokenType.Number);

    /// <summary>Reads a UUID string (<c>format: uuid</c>).</summary>
    public static Guid ReadGuid(ref Utf8JsonReader reader, string? name) =>
        reader.TokenType == JsonTokenType.String && reader.TryGetGuid(out var value) ? value : Mismatch<Guid>(ref reader, name, "a UUID string", JsonTokenType.String);

    /// <summary>Reads an RFC 3339 date-time string (<c>format: date-time</c>).</summary>
    /// <remarks>
    /// RFC 3339 requires a time and an offset (<c>Z</c> or <c>±hh:mm</c>); a value without one is rejected rather than
    /// read in the server's local time zone.
    /// </remarks>
    public static DateTimeOffset ReadDateTimeOffset(ref Utf8JsonReader reader, string? name) =>
        reader.TokenType == JsonTokenType.String && HasTimeAndOffset(ref reader) && reader.TryGetDateTimeOffset(out var value)
            ? value
            : ReadNonstandardDateTime(ref reader, name);

    /// <summary>Reads a full-date string <c>yyyy-MM-dd</c> (<c>format: date</c>).</summary>
    public static DateOnly ReadDate(ref Utf8JsonReader reader, string? name) =>
        reader.TokenType == JsonTokenType.String && TryGetString(ref reader, out var text) && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : Mismatch<DateOnly>(ref reader, name, "a date string (yyyy-MM-dd)", JsonTokenType.String);

    /// <summary>Reads base64 bytes (<c>format: byte</c>).</summary>
    public static byte[] ReadBytes(ref Utf8JsonReader reader, string? name) =>
        reader.TokenType == JsonTokenType.String && reader.TryGetBytesFromBase64(out var value) ? value : Mismatch<byte[]>(ref reader, name, "a base64 string", JsonTokenType.String);

    /// <summary>Reads an absolute or relative URI (<c>format: uri</c>).</summary>
    public static Uri ReadUri(ref Utf8JsonReader reader, string? name) =>
        reader.TokenType == JsonTokenType.String && TryGetString(ref reader, out var text) && Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out var value) ? value : Mismatch<Uri>(ref reader, name, "a URI string", JsonTokenType.String);

    /// <summary>Reads any JSON value as is, for schemas WebhookGen does not type.</summary>
    public static JsonElement ReadElement(ref Utf8JsonReader reader)
    {
        JsonDuplicateProperties.Check(reader);
        return JsonElement.ParseValue(ref reader);
    }

    private const string NotUnicode = "is not valid Unicode (invalid UTF-8 or an unpaired surrogate escape).";

    /// <summary>Decodes the current string or property name; <see langword="false"/> when it is not valid UTF-8 or UTF-16.</summary>
    private static bool TryGetString(ref Utf8JsonReader reader, out string value)
    {
        try
        {
            value = reader.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader checks neither UTF-8 nor surrogate escapes while reading; decoding does.
            value = string.Empty;
            return false;
        }
    }

    private static bool HasTimeAndOffset(ref Utf8JsonReader reader)
    {
        // Check the unescaped text: senders may escape '+' (System.Text.Json writes it as \u002B).
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return TryGetString(ref reader, out var unescaped) && HasTimeAndOffset(unescaped.AsSpan());
        }

        Span<char> text = stackalloc char[Math.Min(reader.ValueSpan.Length, 64)];
        var length = 0;
        foreach (var b in reader.ValueSpan)
        {
            if (length == text.Length)
            {
                return false;
            }

            text[length++] = (char)b;
        }

        return HasTimeAndOffset(text[..length]);
    }

    private static bool HasTimeAndOffset(ReadOnlySpan<char> text)
    {
        if (text.IndexOfAny('T', 't') < 0)
        {
            return false;
        }

        if (text[^1] is 'Z' or 'z')
        {
            return true;
        }

        // ...±hh:mm: the sign stands six characters from the end, after the time.
        return text.Length >= 6 && (text[^6] is '+' or '-') && text[^3] == ':';
    }

    /// <param name="name">The property, or <see langword="null"/> for an array item or map value.</param>
    /// <param name="expected">What the reader wanted, for example <c>a UUID string</c>.</param>
    /// <param name="actual">The token found.</param>
    /// <param name="expectedToken">The token the reader wanted: found it but could not convert it, the value is out of range or in another format.</param>
    private static WebhookPayloadException WrongType(string? name, string expected, JsonTokenType actual, JsonTokenType expectedToken = JsonTokenType.None) =>
        new(name ?? string.Empty, $"Expected {expected} but found {Describe(actual, actual == expectedToken)}.");

    private static string Describe(JsonTokenType token, bool sameKind) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => sameKind ? "a string not in that format" : "a string",
        JsonTokenType.Number => sameKind ? "a number out of range or not of that kind" : "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "nothing",
    };
}
