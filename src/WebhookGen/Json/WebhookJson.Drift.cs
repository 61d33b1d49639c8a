using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace WebhookGen.Json;

/// <summary>
/// Reading drift: a payload that differs from its spec. In a strict read (and outside any read the request pipeline
/// starts) each primitive throws as it always has; in a tolerant read it records the drift and reads past it.
/// </summary>
public static partial class WebhookJson
{
    private static readonly string[] NonstandardDateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd't'HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>
    /// Reads a whole body as <see cref="Deserialize{T}(ReadOnlySpan{byte}, WebhookPayloadReader{T})"/> does, as
    /// <paramref name="reading"/> says: a tolerant read reads past drift from the spec and lists it in <paramref name="drift"/>.
    /// Malformed JSON, a body that is not the event's object and the depth limit are errors either way.
    /// </summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json, WebhookPayloadReader<T> read, WebhookPayloadReading reading, out IReadOnlyList<PayloadDrift> drift) =>
        Deserialize(utf8Json, read, reading, watch: null, out drift, out _);

    /// <summary>
    /// <see cref="Deserialize{T}(ReadOnlySpan{byte}, WebhookPayloadReader{T}, WebhookPayloadReading, out IReadOnlyList{PayloadDrift})"/>,
    /// which also reads the body's top-level member <paramref name="watch"/> names: <paramref name="otherEvent"/> is its
    /// value when it names another event, set as far as the read got when it throws.
    /// </summary>
    internal static T Deserialize<T>(
        ReadOnlySpan<byte> utf8Json, WebhookPayloadReader<T> read, WebhookPayloadReading reading, Hosting.WebhookBodyEventName? watch, out IReadOnlyList<PayloadDrift> drift, out string? otherEvent)
    {
        var previous = PayloadDriftRecorder.Begin(reading == WebhookPayloadReading.Tolerant, out var recorder);
        try
        {
            var value = Deserialize(utf8Json, read, watch, out otherEvent);
            drift = recorder.Drifts;
            return value;
        }
        finally
        {
            PayloadDriftRecorder.End(previous);
        }
    }

    /// <summary>
    /// A required property is absent: throws <see cref="MissingProperty"/>'s exception, except in a tolerant read, which
    /// records the drift and leaves the property at its default.
    /// </summary>
    public static void RequiredMissing(string name)
    {
        if (PayloadDriftRecorder.Current is { Tolerant: true } recorder)
        {
            recorder.Record(PayloadDriftKind.MissingRequired, name);
            return;
        }

        throw MissingProperty(name);
    }

    /// <summary>
    /// Reports each of <paramref name="names"/> whose bit in <paramref name="seen"/> is clear (bit <c>i</c> for
    /// <c>names[i]</c>) as <see cref="RequiredMissing(string)"/> does. Generated readers call it only when a bit is clear,
    /// so a complete payload pays for no array.
    /// </summary>
    public static void RequiredMissing(ulong seen, params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        for (var i = 0; i < names.Length && i < 64; i++)
        {
            if ((seen & (1UL << i)) == 0)
            {
                RequiredMissing(names[i]);
            }
        }
    }

    /// <summary>
    /// Reads a string enum's value with <paramref name="create"/>; a value the spec does not list
    /// (<paramref name="isDefined"/> false) is kept and recorded as drift.
    /// </summary>
    public static TEnum ReadEnum<TEnum>(ref Utf8JsonReader reader, string? name, Func<string, TEnum> create, Func<TEnum, bool> isDefined)
        where TEnum : struct
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(isDefined);
        var text = ReadString(ref reader, name);
        return text is null ? default : Undeclared(create(text), name, isDefined);
    }

    /// <summary>Reads an integer enum's value; a value the spec does not list is kept and recorded as drift.</summary>
    public static TEnum ReadIntegerEnum<TEnum>(ref Utf8JsonReader reader, string? name, Func<long, TEnum> create, Func<TEnum, bool> isDefined)
        where TEnum : struct
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(isDefined);
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var number))
        {
            return Mismatch<TEnum>(ref reader, name, "a 64-bit integer", JsonTokenType.Number);
        }

        return Undeclared(create(number), name, isDefined);
    }

    private static TEnum Undeclared<TEnum>(TEnum value, string? name, Func<TEnum, bool> isDefined)
    {
        // Recorded in a strict read too: an open enum accepts the value either way, and the handler may want to know.
        if (PayloadDriftRecorder.Current is { } recorder && !isDefined(value))
        {
            recorder.Record(PayloadDriftKind.UndeclaredEnumValue, name);
        }

        return value;
    }

    /// <summary>A date-time that is not RFC 3339 with an offset: in a tolerant read, unix seconds or a string without an offset, as UTC.</summary>
    private static DateTimeOffset ReadNonstandardDateTime(ref Utf8JsonReader reader, string? name)
    {
        if (PayloadDriftRecorder.Current is { Tolerant: true } recorder && TryReadNonstandardDateTime(ref reader, out var value))
        {
            recorder.Record(PayloadDriftKind.NonstandardDateTime, name);
            return value;
        }

        return Mismatch<DateTimeOffset>(ref reader, name, "an RFC 3339 date-time string with an offset", JsonTokenType.String);
    }

    private static bool TryReadNonstandardDateTime(ref Utf8JsonReader reader, out DateTimeOffset value)
    {
        const long MinSeconds = -62_135_596_800; // 0001-01-01
        const long MaxSeconds = 253_402_300_799; // 9999-12-31T23:59:59
        if (reader.TokenType == JsonTokenType.Number)
        {
            var isSeconds = reader.TryGetInt64(out var seconds) && seconds is >= MinSeconds and <= MaxSeconds;
            value = isSeconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : default;
            return isSeconds;
        }

        value = default;
        return reader.TokenType == JsonTokenType.String
            && TryGetString(ref reader, out var text)
            && DateTimeOffset.TryParseExact(text, NonstandardDateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    /// <summary>A value that does not read as <paramref name="expected"/>: thrown, or in a tolerant read skipped as drift.</summary>
    private static T Mismatch<T>(ref Utf8JsonReader reader, string? name, string expected, JsonTokenType expectedToken = JsonTokenType.None) =>
        Drift<T>(ref reader, name, WrongType(name, expected, reader.TokenType, expectedToken), KindOf(reader.TokenType, expectedToken));

    /// <summary>
    /// Throws <paramref name="error"/> in a strict read. In a tolerant read, a property's value is skipped and read as the
    /// default, the drift recorded; a value without a name (an item, a record's root) is thrown marked as drift, for
    /// the array, map or property that holds it to skip.
    /// </summary>
    private static T Drift<T>(ref Utf8JsonReader reader, string? name, WebhookPayloadException error, PayloadDriftKind kind)
    {
        if (PayloadDriftRecorder.Current is not { Tolerant: true } recorder || name is null)
        {
            throw AsDrift(error, kind);
        }

        recorder.Record(kind, name);
        JsonDuplicateProperties.Skip(ref reader);
        return default!;
    }

    private static WebhookPayloadException AsDrift(WebhookPayloadException error, PayloadDriftKind kind)
    {
        if (PayloadDriftRecorder.Current is { Tolerant: true })
        {
            error.DriftKind = kind;
        }

        return error;
    }

    private static PayloadDriftKind KindOf(JsonTokenType actual, JsonTokenType expected) =>
        actual == JsonTokenType.Null ? PayloadDriftKind.NullValue
        : actual == expected ? PayloadDriftKind.InvalidFormat
        : PayloadDriftKind.WrongType;
}
