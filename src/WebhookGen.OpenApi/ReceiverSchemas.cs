using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.OpenApi;

namespace WebhookGen.OpenApi;

/// <summary>
/// A receiver's payload schemas, found once per receiver class in its <see cref="WebhookOpenApiSchemasAttribute"/>: the
/// schema id of each event, and the schemas, read by Microsoft.OpenApi afresh for each document (its objects are
/// mutable and tied to the document that holds them, so documents built at once must not share them).
/// </summary>
internal sealed class ReceiverSchemas
{
    private static readonly ConcurrentDictionary<Type, ReceiverSchemas?> Cache = new();

    private readonly string _document;
    private readonly Type _receiverType;

    private ReceiverSchemas(Type receiverType, IReadOnlyDictionary<string, string> events, string document)
    {
        _receiverType = receiverType;
        Events = events;
        _document = document;
    }

    /// <summary>Each event's schema id, by event name.</summary>
    public IReadOnlyDictionary<string, string> Events { get; }

    /// <summary>The schemas by id, newly read, to be added to a document's components.</summary>
    public IDictionary<string, IOpenApiSchema> Read()
    {
        var read = OpenApiDocument.Parse(_document, "json");
        return read.Document?.Components?.Schemas
            ?? throw new InvalidOperationException($"The OpenAPI schemas of {_receiverType.FullName} could not be read: {string.Join("; ", read.Diagnostic?.Errors ?? [])}");
    }

    /// <summary>
    /// The schemas of <paramref name="receiverType"/>; null when it carries none (the app was built without a generator
    /// that writes them, or the attribute was stripped).
    /// </summary>
    public static ReceiverSchemas? For(Type receiverType) => Cache.GetOrAdd(receiverType, Find);

    private static ReceiverSchemas? Find(Type receiverType)
    {
        if (receiverType.GetCustomAttribute<WebhookOpenApiSchemasAttribute>(inherit: true) is not { } attribute)
        {
            return null;
        }

        using var text = JsonDocument.Parse(attribute.Schemas);
        var events = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var evt in text.RootElement.GetProperty("events").EnumerateObject())
        {
            events[evt.Name] = evt.Value.GetString()!;
        }

        // Microsoft.OpenApi reads the schemas as the components of a document of their own; they are moved to the app's.
        var document = new StringBuilder("{\"openapi\":\"3.1.1\",\"info\":{\"title\":\"WebhookGen\",\"version\":\"1\"},\"paths\":{},\"components\":{\"schemas\":")
            .Append(text.RootElement.GetProperty("schemas").GetRawText())
            .Append("}}")
            .ToString();
        return new ReceiverSchemas(receiverType, events, document);
    }
}
