using System;
using System.Globalization;
using System.Text.Json;

namespace WebhookGen.Json;

// RS0026 (several overloads with optional parameters) guards hand-written callers compiled against an older overload
// set; these are called only by generated code, which is regenerated with the package that brings them.
#pragma warning disable RS0026

/// <summary>
/// One call per property for generated writers: the property and its value; when the value is null, nothing, or a JSON
/// <c>null</c> with <c>writeNull</c> (a property the spec requires but allows to be null).
/// </summary>
public static partial class WebhookJsonWriter
{
    /// <summary>Writes the property <paramref name="name"/> with a string value.</summary>
    public static void WriteProperty(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string? value, bool writeNull = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            WriteNull(writer, name, writeNull);
            return;
        }

        writer.WriteString(name, value);
    }

    /// <summary>Writes the property <paramref name="name"/> with a Guid value.</summary>
    public static void WriteProperty(Utf8JsonWriter writer, ReadOnlySpan<byte> name, Guid? value, bool writeNull = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            WriteNull(writer, name, writeNull);
            return;
        }

        writer.WriteString(name, value.Value);
    }

    /// <summary>Writes the property <paramref name="name"/> with a DateTimeOffset value.</summary>
    public static void WriteProperty(Utf8JsonWriter writer, ReadOnlySpan<byte> name, DateTimeOffset? value, bool writeNull = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            WriteNull(writer, name, writeNull);
            return;
        }

        writer.WriteString(name, value.Value);
    }

    /// <summary>Writes the property <paramref name="name"/> with a DateOnly value.</summary>
    public static void WriteProperty(Utf8JsonWriter writer, ReadOnlySpan<byte> name, DateOnly? value, bool writeNull = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            WriteNull(writer, name, writeNull);
            return;
        }

        writer.WriteString(name, value.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>Writes the property <paramref name="name"/> with a Uri value.</summary>
    public static void WriteProperty(Utf8JsonWriter writer, ReadOnlySpan<byte> name, Uri? value, bool writeNull = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            WriteNull(writer, name, writeNull);
            return;
        }

        writer.WriteString(name, value.OriginalString);
    }

    /// <summary>Writes the property <paramref name="name"/> with a byte[] value.</summary>
    public static void WriteProperty(Utf8JsonWriter writer, ReadOnlySpan<byte> name, byte[]? value, bool writeNull = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            WriteNull(writer, name, writeNull);
            return;
        }

        writer.WriteBase64String(name, value);
    }

    /// <summary>Writes the property <paramref name="name"/> with a bool value.</summary>
    public static void WriteProperty(Utf8JsonWriter writer, ReadOnlySpan<byte> name, bool? value, bool writeNull = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            WriteNull(writer, name, writeNull);
            return;
        }

        writer.WriteBoolean(name, value.Value);
    }

    /// <summary>Writes the property <paramref name="name"/> with a int value.</summary>
    public static void WriteProperty(Utf8JsonWriter writer, ReadOnlySpan<byte> name, int? value, bool writeNull = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            WriteNull(writer, name, writeNull);
            return;
        }

        writer.WriteNumber(name, value.Value);
    }

    /// <summary>Writes the property <paramref name="name"/> with a long value.</summary>
    public static void WriteProperty(Utf8JsonWriter writer, ReadOnlySpan<byte> name, long? value, bool writeNull = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            WriteNull(writer, name, writeNull);
            return;
        }

        writer.WriteNumber(name, value.Value);
    }

    /// <summary>Writes the property <paramref name="name"/> with a ushort value.</summary>
    public static void WriteProperty(Utf8JsonWriter writer, ReadOnlySpan<byte> name, ushort? value, bool writeNull = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            WriteNull(writer, name, writeNull);
            return;
        }

        writer.WriteNumber(name, (uint)value.Value);
    }

    /// <summary>Writes the property <paramref name="name"/> with a uint value.</summary>
    public static void WriteProperty(Utf8JsonWriter writer, ReadOnlySpan<byte> name, uint? value, bool writeNull = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            WriteNull(writer, name, writeNull);
            return;
        }

        writer.WriteNumber(name, value.Value);
    }

    /// <summary>Writes the property <paramref name="name"/> with a ulong value.</summary>
    public static void WriteProperty(Utf8JsonWriter writer, ReadOnlySpan<byte> name, ulong? value, bool writeNull = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            WriteNull(writer, name, writeNull);
            return;
        }

        writer.WriteNumber(name, value.Value);
    }

    /// <summary>Writes the property <paramref name="name"/> with a float value.</summary>
    public static void WriteProperty(Utf8JsonWriter writer, ReadOnlySpan<byte> name, float? value, bool writeNull = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            WriteNull(writer, name, writeNull);
            return;
        }

        writer.WriteNumber(name, value.Value);
    }

    /// <summary>Writes the property <paramref name="name"/> with a double value.</summary>
    public static void WriteProperty(Utf8JsonWriter writer, ReadOnlySpan<byte> name, double? value, bool writeNull = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            WriteNull(writer, name, writeNull);
            return;
        }

        writer.WriteNumber(name, value.Value);
    }

    /// <summary>Writes the property <paramref name="name"/> with a decimal value.</summary>
    public static void WriteProperty(Utf8JsonWriter writer, ReadOnlySpan<byte> name, decimal? value, bool writeNull = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            WriteNull(writer, name, writeNull);
            return;
        }

        writer.WriteNumber(name, value.Value);
    }

    /// <summary>Writes the property <paramref name="name"/> with raw JSON.</summary>
    public static void WriteProperty(Utf8JsonWriter writer, ReadOnlySpan<byte> name, JsonElement? value, bool writeNull = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            WriteNull(writer, name, writeNull);
            return;
        }

        writer.WritePropertyName(name);
        value.Value.WriteTo(writer);
    }

    /// <summary>Writes the property <paramref name="name"/> with a record that <paramref name="write"/> writes.</summary>
    public static void WriteProperty<T>(Utf8JsonWriter writer, ReadOnlySpan<byte> name, T? value, Action<Utf8JsonWriter, T> write, bool writeNull = false)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(write);
        if (value is null)
        {
            WriteNull(writer, name, writeNull);
            return;
        }

        writer.WritePropertyName(name);
        write(writer, value);
    }

    private static void WriteNull(Utf8JsonWriter writer, ReadOnlySpan<byte> name, bool writeNull)
    {
        if (writeNull)
        {
            writer.WriteNull(name);
        }
    }
}
