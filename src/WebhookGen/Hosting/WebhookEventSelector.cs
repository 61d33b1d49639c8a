using System;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace WebhookGen.Hosting;

/// <summary>
/// What tells the events of one route apart: a header's value (<c>X-GitHub-Event</c> style), a top-level property of the
/// body (a CloudEvents <c>type</c>, an OpenAPI discriminator), or several of them together (GitHub: the header
/// <c>X-GitHub-Event</c> and the body's <c>action</c>). Read only after the signature was verified.
/// </summary>
public sealed class WebhookEventSelector
{
    /// <summary>Joins the parts of a key; a character no header value or event name contains.</summary>
    private const char KeySeparator = '\u001F';

    private readonly bool _fromHeader;
    private readonly WebhookEventSelector[]? _parts;

    private WebhookEventSelector(bool fromHeader, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _fromHeader = fromHeader;
        Name = name;
    }

    private WebhookEventSelector(WebhookEventSelector[] parts)
    {
        _parts = parts;
        Name = string.Join(" + ", parts.Select(p => p.Name));
    }

    /// <summary>The header or property name; for a combined selector, each part's name joined by <c> + </c>.</summary>
    public string Name { get; }

    /// <summary>Whether the body is read to name the event (a property, alone or as a part).</summary>
    internal bool ReadsBody => _parts is null ? !_fromHeader : Array.Exists(_parts, part => part.ReadsBody);

    /// <summary>Events are told apart by the value of a request header.</summary>
    public static WebhookEventSelector Header(string name) => new(fromHeader: true, name);

    /// <summary>Events are told apart by a top-level string property of the JSON body.</summary>
    public static WebhookEventSelector BodyProperty(string name) => new(fromHeader: false, name);

    /// <summary>
    /// Events are told apart by several values together, each read by one of <paramref name="parts"/>; an event's key is
    /// made with <see cref="Key"/>. A delivery whose later parts match no event goes to the event registered with those
    /// parts empty, if any (GitHub: a <c>push</c> has no <c>action</c>).
    /// </summary>
    public static WebhookEventSelector Combine(params WebhookEventSelector[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Length < 2 || parts.Any(p => p is null || p._parts is not null))
        {
            throw new ArgumentException("A combined selector takes two or more single selectors.", nameof(parts));
        }

        return new WebhookEventSelector(parts);
    }

    /// <summary>The key of an event on a route with a combined selector: its value for each part, in order; empty for "any".</summary>
    public static string Key(params string[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return string.Join(KeySeparator, values);
    }

    /// <summary>A description for logs: <c>header X-GitHub-Event</c>, <c>body property type</c>, or the parts joined by <c> + </c>.</summary>
    public override string ToString() =>
        _parts is not null ? string.Join(" + ", _parts.Select(p => p.ToString())) : (_fromHeader ? "header " : "body property ") + Name;

    /// <summary>A key as a person reads it: <c>issues.opened</c>.</summary>
    internal static string Display(string key) => key.Replace(KeySeparator, '.').Trim('.');

    /// <summary>
    /// The keys to look the delivery's event up by, most specific first: the values read (<see cref="string.Empty"/> for
    /// a value the delivery lacks), then, for a combined selector, the same with the later parts made empty one by one.
    /// <see langword="false"/> when a body selector meets a body that is not a JSON object, which no event can be.
    /// </summary>
    internal bool TryGetKeys(HttpContext httpContext, ReadOnlySpan<byte> body, out string[] keys)
    {
        if (_parts is null)
        {
            var found = TrySelect(httpContext, body, out var value);
            keys = [value ?? string.Empty];
            return found;
        }

        var values = new string[_parts.Length];
        for (var i = 0; i < _parts.Length; i++)
        {
            if (!_parts[i].TrySelect(httpContext, body, out var value))
            {
                keys = [];
                return false;
            }

            values[i] = value ?? string.Empty;
        }

        // The first part names the event; only the later ones may be left open.
        keys = new string[_parts.Length];
        for (var open = 0; open < _parts.Length; open++)
        {
            keys[open] = Key(values);
            values[_parts.Length - 1 - open] = string.Empty;
        }

        return true;
    }

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
        try
        {
            if (!TryFindTopLevel(body, propertyName, out var reader, out var found))
            {
                return false;
            }

            value = found && reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            return true;
        }
        catch (InvalidOperationException)
        {
            // Invalid UTF-8 in the value: the body is not valid JSON text.
            return false;
        }
    }

    /// <summary>
    /// Positions <paramref name="reader"/> on the value of the top-level <paramref name="propertyName"/> (when
    /// <paramref name="found"/>); false when the body is not a JSON object.
    /// </summary>
    private static bool TryFindTopLevel(ReadOnlySpan<byte> body, string propertyName, out Utf8JsonReader reader, out bool found)
    {
        found = false;

        // A byte order mark is skipped, as WebhookJson.Deserialize skips it (RFC 8259 allows ignoring one).
        if (body.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
        }

        reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = Json.WebhookJson.MaxDepth });
        try
        {
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
                    found = true;
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
    }
}
