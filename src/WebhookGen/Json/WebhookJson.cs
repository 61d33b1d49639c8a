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

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static ReadOnlySpan<byte> JsonWhitespace => " \t\r\n"u8;

    /// <summary>Reads a whole body as one value of <typeparamref name="T"/>; nothing may follow it.</summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json, WebhookPayloadReader<T> read)
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
            throw new WebhookPayloadException(string.Empty, "The body is empty; a JSON value was expected.");
        }

        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
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
    }

    /// <summary>Checks that the current token starts an object.</summary>
    public static void StartObject(ref Utf8JsonReader reader, string? name)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw WrongType(name, "an object", reader.TokenType);
        }
    }

    /// <summary>Moves to the next property name of the current object; <see langword="false"/> at its end.</summary>
    public static bool NextProperty(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>Moves from a property name to its value.</summary>
    public static void MoveToValue(ref Utf8JsonReader reader) => reader.Read();

    /// <summary>Skips the value of a property the spec does not declare.</summary>
    public static void SkipValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }

    /// <summary>The exception for a required property that is absent.</summary>
    public static WebhookPayloadException MissingProperty(string name) =>
        new(name, "The property is required but missing.");

    /// <summary>Reads a nested object, naming the property in any error inside it.</summary>
    public static T ReadObject<T>(ref Utf8JsonReader reader, string name, WebhookPayloadReader<T> read)
    {
        try
        {
            return read(ref reader);
        }
        catch (WebhookPayloadException exception)
        {
            throw exception.Within(name);
        }
    }

    /// <summary>Reads an array whose items <paramref name="readItem"/> reads.</summary>
    public static IReadOnlyList<T> ReadArray<T>(ref Utf8JsonReader reader, string? name, WebhookPayloadReader<T> readItem)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw WrongType(name, "an array", reader.TokenType);
        }

        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            try
            {
                items.Add(readItem(ref reader));
            }
            catch (WebhookPayloadException exception)
            {
                var inItem = exception.WithinItem(items.Count);
                throw name is null ? inItem : inItem.Within(name);
            }
        }

        return items;
    }

    /// <summary>Reads an object used as a map from its property names to values that <paramref name="readValue"/> reads.</summary>
    public static IReadOnlyDictionary<string, T> ReadMap<T>(ref Utf8JsonReader reader, string? name, WebhookPayloadReader<T> readValue)
    {
        StartObject(ref reader, name);
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        while (NextProperty(ref reader))
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
            catch (WebhookPayloadException exception)
            {
                var inValue = exception.Within(key);
                throw name is null ? inValue : inValue.Within(name);
            }
        }

        return map;
    }

    /// <summary>Reads a string.</summary>
    public static string ReadString(ref Utf8JsonReader reader, string? name) =>
        reader.TokenType != JsonTokenType.String ? throw WrongType(name, "a string", reader.TokenType, JsonTokenType.String)
        : TryGetString(ref reader, out var value) ? value
        : throw new WebhookPayloadException(name ?? string.Empty, "The string " + NotUnicode);

    /// <summary>Reads a boolean.</summary>
    public static bool ReadBoolean(ref Utf8JsonReader reader, string? name) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw WrongType(name, "true or false", reader.TokenType),
    };

    /// <summary>Reads a 32-bit integer.</summary>
    public static int ReadInt32(ref Utf8JsonReader reader, string? name) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value) ? value : throw WrongType(name, "a 32-bit integer", reader.TokenType, JsonTokenType.Number);

    /// <summary>Reads a 64-bit integer.</summary>
    public static long ReadInt64(ref Utf8JsonReader reader, string? name) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value) ? value : throw WrongType(name, "a 64-bit integer", reader.TokenType, JsonTokenType.Number);

    /// <summary>Reads an unsigned 16-bit integer (<c>format: uint16</c>).</summary>
    public static ushort ReadUInt16(ref Utf8JsonReader reader, string? name) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetUInt16(out var value) ? value : throw WrongType(name, "an unsigned 16-bit integer", reader.TokenType, JsonTokenType.Number);

    /// <summary>Reads an unsigned 32-bit integer (<c>format: uint32</c>).</summary>
    public static uint ReadUInt32(ref Utf8JsonReader reader, string? name) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetUInt32(out var value) ? value : throw WrongType(name, "an unsigned 32-bit integer", reader.TokenType, JsonTokenType.Number);

    /// <summary>Reads an unsigned 64-bit integer (<c>format: uint64</c>).</summary>
    public static ulong ReadUInt64(ref Utf8JsonReader reader, string? name) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetUInt64(out var value) ? value : throw WrongType(name, "an unsigned 64-bit integer", reader.TokenType, JsonTokenType.Number);

    /// <summary>Reads a single-precision number; one too large for it is out of range, not infinity.</summary>
    public static float ReadSingle(ref Utf8JsonReader reader, string? name) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetSingle(out var value) && float.IsFinite(value)
            ? value
            : throw WrongType(name, "a number", reader.TokenType, JsonTokenType.Number);

    /// <summary>Reads a double-precision number; one too large for it is out of range, not infinity.</summary>
    public static double ReadDouble(ref Utf8JsonReader reader, string? name) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var value) && double.IsFinite(value)
            ? value
            : throw WrongType(name, "a number", reader.TokenType, JsonTokenType.Number);

    /// <summary>Reads a decimal number.</summary>
    public static decimal ReadDecimal(ref Utf8JsonReader reader, string? name) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var value) ? value : throw WrongType(name, "a decimal number", reader.TokenType, JsonTokenType.Number);

    /// <summary>Reads a UUID string (<c>format: uuid</c>).</summary>
    public static Guid ReadGuid(ref Utf8JsonReader reader, string? name) =>
        reader.TokenType == JsonTokenType.String && reader.TryGetGuid(out var value) ? value : throw WrongType(name, "a UUID string", reader.TokenType, JsonTokenType.String);

    /// <summary>Reads an RFC 3339 date-time string (<c>format: date-time</c>).</summary>
    /// <remarks>
    /// RFC 3339 requires a time and an offset (<c>Z</c> or <c>±hh:mm</c>); a value without one is rejected rather than
    /// read in the server's local time zone.
    /// </remarks>
    public static DateTimeOffset ReadDateTimeOffset(ref Utf8JsonReader reader, string? name) =>
        reader.TokenType == JsonTokenType.String && HasTimeAndOffset(ref reader) && reader.TryGetDateTimeOffset(out var value)
            ? value
            : throw WrongType(name, "an RFC 3339 date-time string with an offset", reader.TokenType, JsonTokenType.String);

    /// <summary>Reads a full-date string <c>yyyy-MM-dd</c> (<c>format: date</c>).</summary>
    public static DateOnly ReadDate(ref Utf8JsonReader reader, string? name) =>
        reader.TokenType == JsonTokenType.String && TryGetString(ref reader, out var text) && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : throw WrongType(name, "a date string (yyyy-MM-dd)", reader.TokenType, JsonTokenType.String);

    /// <summary>Reads base64 bytes (<c>format: byte</c>).</summary>
    public static byte[] ReadBytes(ref Utf8JsonReader reader, string? name) =>
        reader.TokenType == JsonTokenType.String && reader.TryGetBytesFromBase64(out var value) ? value : throw WrongType(name, "a base64 string", reader.TokenType, JsonTokenType.String);

    /// <summary>Reads an absolute or relative URI (<c>format: uri</c>).</summary>
    public static Uri ReadUri(ref Utf8JsonReader reader, string? name) =>
        reader.TokenType == JsonTokenType.String && TryGetString(ref reader, out var text) && Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out var value) ? value : throw WrongType(name, "a URI string", reader.TokenType, JsonTokenType.String);

    /// <summary>Reads any JSON value as is, for schemas WebhookGen does not type.</summary>
    public static JsonElement ReadElement(ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader);

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
