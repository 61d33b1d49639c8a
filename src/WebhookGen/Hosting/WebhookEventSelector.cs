using System;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace WebhookGen.Hosting;

/// <summary>
/// What tells the events of one route apart: a header's value (<c>X-GitHub-Event</c> style) or a top-level property of
/// the body (a CloudEvents <c>type</c>, an OpenAPI discriminator). Read only after the signature was verified.
/// </summary>
public sealed class WebhookEventSelector
{
    private readonly bool _fromHeader;

    private WebhookEventSelector(bool fromHeader, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _fromHeader = fromHeader;
        Name = name;
    }

    /// <summary>The header or property name.</summary>
    public string Name { get; }

    /// <summary>Events are told apart by the value of a request header.</summary>
    public static WebhookEventSelector Header(string name) => new(fromHeader: true, name);

    /// <summary>Events are told apart by a top-level string property of the JSON body.</summary>
    public static WebhookEventSelector BodyProperty(string name) => new(fromHeader: false, name);

    /// <summary>A description for logs: <c>header X-GitHub-Event</c> or <c>body property type</c>.</summary>
    public override string ToString() => (_fromHeader ? "header " : "body property ") + Name;

    /// <summary>
    /// The value that names the event (<see langword="null"/> when the delivery carries none); <see langword="false"/>
    /// when a body selector meets a body that is not a JSON object, which no event can be.
    /// </summary>
    internal bool TrySelect(HttpContext httpContext, ReadOnlySpan<byte> body, out string? value)
    {
        if (_fromHeader)
        {
            var header = httpContext.Request.Headers[Name].ToString();
            value = header.Length == 0 ? null : header;
            return true;
        }

        return TryReadTopLevelString(body, Name, out value);
    }

    /// <summary>The string value of a property of the body's top-level object; nested objects are skipped, not read.</summary>
    internal static bool TryReadTopLevelString(ReadOnlySpan<byte> body, string propertyName, out string? value)
    {
        value = null;

        // A byte order mark is skipped, as WebhookJson.Deserialize skips it (RFC 8259 allows ignoring one).
        if (body.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
        }

        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = Json.WebhookJson.MaxDepth });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var matches = reader.ValueTextEquals(propertyName);
                reader.Read();
                if (matches)
                {
                    value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                    return true;
                }

                reader.Skip();
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            // Invalid UTF-8 in the value: the body is not valid JSON text.
            return false;
        }
    }
}
