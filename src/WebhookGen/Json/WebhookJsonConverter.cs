using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WebhookGen.Json;

/// <summary>
/// Exposes a generated reader and writer to <see cref="JsonSerializer"/>, so the generated serializer context works
/// without reflection (trimming and Native AOT safe).
/// </summary>
public sealed class WebhookJsonConverter<T> : JsonConverter<T>
{
    private readonly WebhookPayloadReader<T> _read;
    private readonly Action<Utf8JsonWriter, T> _write;

    /// <summary>Wraps a generated reader and writer.</summary>
    public WebhookJsonConverter(WebhookPayloadReader<T> read, Action<Utf8JsonWriter, T> write)
    {
        _read = read ?? throw new ArgumentNullException(nameof(read));
        _write = write ?? throw new ArgumentNullException(nameof(write));
    }

    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return _read(ref reader);
        }
        catch (WebhookPayloadException exception)
        {
            throw new JsonException(exception.Message, exception);
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => _write(writer, value);
}
