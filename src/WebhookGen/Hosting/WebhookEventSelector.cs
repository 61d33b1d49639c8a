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

    /// <summary>The value that names the event, or <see langword="null"/> when the delivery carries none.</summary>
    internal string? Select(HttpContext httpContext, ReadOnlySpan<byte> body)
    {
        if (_fromHeader)
        {
            var value = httpContext.Request.Headers[Name].ToString();
            return value.Length == 0 ? null : value;
        }

        return ReadTopLevelString(body, Name);
    }

    /// <summary>The string value of a property of the body's top-level object; nested objects are skipped, not read.</summary>
    internal static string? ReadTopLevelString(ReadOnlySpan<byte> body, string propertyName)
    {
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = Json.WebhookJson.MaxDepth });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var matches = reader.ValueTextEquals(propertyName);
                reader.Read();
                if (matches)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // A body that is not JSON names no event; the event's own reader reports what is wrong with it.
        }
        catch (InvalidOperationException)
        {
            // Invalid UTF-8 in the value.
        }

        return null;
    }
}
