using System;
using System.Text.Json;

namespace WebhookGen.Json;

/// <summary>The reading primitives of generated union readers: they look ahead without moving the reader.</summary>
public static partial class WebhookJson
{
    /// <summary>
    /// The string value of the property <paramref name="propertyName"/> at the top level of the object the reader is at,
    /// read from a copy (<paramref name="reader"/> is passed by value), so the object can then be read from its start.
    /// </summary>
    /// <returns>
    /// The value; <see langword="null"/> when the reader is not at an object, the property is absent or is not a string.
    /// A union reads any of these as its unknown member rather than failing.
    /// </returns>
    public static string? PeekDiscriminator(Utf8JsonReader reader, ReadOnlySpan<byte> propertyName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isDiscriminator = reader.ValueTextEquals(propertyName);
            if (!reader.Read())
            {
                return null;
            }

            if (isDiscriminator)
            {
                return reader.TokenType == JsonTokenType.String && TryGetString(ref reader, out var value) ? value : null;
            }

            // TrySkip, not Skip: under JsonSerializer the reader may hold a partial buffer (it never does for a
            // converter's own value, which is read ahead whole, but a look-ahead must not throw for it).
            if (!reader.TrySkip())
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>The value the reader is at, as a <see cref="JsonElement"/>, read from a copy: the reader does not move.</summary>
    public static JsonElement PeekElement(Utf8JsonReader reader) => JsonElement.ParseValue(ref reader);

    /// <summary>The exception for a value of a kind no member of a union takes.</summary>
    /// <param name="found">The token found.</param>
    /// <param name="expected">What the members take, for example <c>a string or an object</c>.</param>
    public static WebhookPayloadException NoMatchingMember(JsonTokenType found, string expected) =>
        WrongType(null, expected, found);
}
