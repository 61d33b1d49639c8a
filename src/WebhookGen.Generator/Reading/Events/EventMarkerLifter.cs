using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using WebhookGen.Generator.Helpers;

namespace WebhookGen.Generator.Reading.Events;

/// <summary>
/// Lifts the events that a vendor extension marks, in a document that has no <c>webhooks</c> or <c>x-webhooks</c>: a
/// component schema marked as an event's payload (<c>x-webhook: { event: invoice.paid }</c>) becomes a webhook whose body
/// is that schema, and a marked operation becomes a webhook of its own. Marked events are copied into <c>paths</c> under
/// reserved keys, as <see cref="VendorExtensionLifter"/> does, and the document's own <c>paths</c> are then the provider's API.
/// </summary>
internal static class EventMarkerLifter
{
    /// <summary>The extensions that mark an event, looked for in this order (docs/spec-styles.md lists them).</summary>
    public static readonly string[] Markers = ["x-webhook", "x-webhook-event", "x-event", "x-event-name", "x-event-type", "x-stripeEvent"];

    /// <summary>The fields of an object marker that name the event, in the order they are looked for.</summary>
    private static readonly string[] NameFields = ["event", "name", "type", "eventType", "event-type", "eventName", "event-name", "id"];

    private static readonly HashSet<string> Methods = new(StringComparer.Ordinal) { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    public static void Lift(JsonObject root, JsonObject paths, List<LiftedOperation> lifted)
    {
        var swagger2 = root.ContainsKey("swagger");
        var schemasPointer = swagger2 ? "/definitions" : "/components/schemas";
        var schemas = swagger2 ? root["definitions"] as JsonObject : (root["components"] as JsonObject)?["schemas"] as JsonObject;
        // Components are a map whose order means nothing: events from marked schemas come in the order of their keys.
        foreach (var schema in schemas?.OrderBy(s => s.Key, StringComparer.Ordinal).ToList() ?? [])
        {
            if (schema.Value is JsonObject body && Marker(body, schema.Key) is { } marked)
            {
                var reference = "#" + SpecPointer.Append(schemasPointer, schema.Key);
                if (marked.Marker == "x-stripeEvent" && StripeEnvelope(schemas!, schema.Key, body, marked.Name, reference) is { } envelope)
                {
                    reference = "#" + SpecPointer.Append(schemasPointer, envelope);
                }

                var pathItem = new JsonObject { ["post"] = Operation(reference, swagger2, body) };
                var key = VendorExtensionLifter.Add(paths, pathItem, lifted.Count);
                lifted.Add(new LiftedOperation(key, EventSourceKind.Webhook, marked.Name, SpecPointer.Append(schemasPointer, schema.Key), null, null));
            }
        }

        foreach (var path in paths.ToList())
        {
            if (path.Value is not JsonObject item || path.Key.StartsWith(VendorExtensionLifter.Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var operation in item.Where(o => Methods.Contains(o.Key)).ToList())
            {
                if (operation.Value is JsonObject op && Marker(op, Text(op, "operationId") ?? path.Key.TrimStart('/')) is { } marked)
                {
                    // The event's own copy: path-level parameters apply to it as to the operation.
                    var pathItem = new JsonObject { [operation.Key] = op.DeepClone() };
                    if (item["parameters"] is JsonArray parameters)
                    {
                        pathItem["parameters"] = parameters.DeepClone();
                    }

                    var key = VendorExtensionLifter.Add(paths, pathItem, lifted.Count);
                    lifted.Add(new LiftedOperation(key, EventSourceKind.Webhook, marked.Name, SpecPointer.Append("/paths", path.Key), null, null));
                }
            }
        }
    }

    /// <summary>
    /// The event a node's marker names: a string marker is the event's name, <c>true</c> or an object without a name takes
    /// <paramref name="fallbackName"/> (the schema's key, the operationId), <c>false</c> marks nothing.
    /// </summary>
    private static (string Marker, string Name)? Marker(JsonObject node, string fallbackName)
    {
        foreach (var marker in Markers)
        {
            switch (node[marker])
            {
                case JsonValue value when value.TryGetValue<string>(out var name) && name.Trim().Length > 0:
                    return (marker, name.Trim());
                case JsonValue value when value.TryGetValue<bool>(out var flag):
                    return flag ? (marker, fallbackName) : null;
                case JsonObject details:
                    return (marker, NameFields.Select(f => Text(details, f)).FirstOrDefault(n => n is { Length: > 0 }) ?? fallbackName);
            }
        }

        return null;
    }

    /// <summary>
    /// Stripe marks the <c>data</c> of a snapshot event (<c>x-stripeEvent: { type: charge.succeeded }</c> on a schema whose
    /// <c>object</c> is the charge), while the delivered body is the <c>event</c> object around it. The envelope is a copy
    /// of <c>event</c> whose <c>data</c> is the marked schema and whose <c>type</c> is the event's, added beside it as
    /// <c>{key}.event</c>; a thin event (<c>kind: thin</c>) is delivered as marked. Null where there is no envelope.
    /// </summary>
    private static string? StripeEnvelope(JsonObject schemas, string key, JsonObject marked, string name, string reference)
    {
        if ((marked["x-stripeEvent"] as JsonObject)?["kind"]?.ToString() == "thin"
            || schemas["event"] is not JsonObject { } envelope
            || envelope["properties"] is not JsonObject properties
            || !properties.ContainsKey("data"))
        {
            return null;
        }

        var copy = (JsonObject)envelope.DeepClone();
        var copied = (JsonObject)copy["properties"]!;
        copied["data"] = new JsonObject { ["$ref"] = reference };
        copied["type"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(name) };
        if (Text(marked, "description") is { } description)
        {
            copy["description"] = description;
        }

        var envelopeKey = key + ".event";
        while (schemas.ContainsKey(envelopeKey))
        {
            envelopeKey += "_";
        }

        schemas[envelopeKey] = copy;
        return envelopeKey;
    }

    /// <summary>A POST whose JSON body is the marked schema, in the document's own dialect, described as the schema is.</summary>
    private static JsonObject Operation(string reference, bool swagger2, JsonObject schema)
    {
        var operation = new JsonObject();
        if ((Text(schema, "description") ?? Text(schema, "title")) is { } description)
        {
            operation["description"] = description;
        }

        if (swagger2)
        {
            operation["consumes"] = new JsonArray("application/json");
            operation["parameters"] = new JsonArray(new JsonObject { ["name"] = "body", ["in"] = "body", ["required"] = true, ["schema"] = new JsonObject { ["$ref"] = reference } });
        }
        else
        {
            operation["requestBody"] = new JsonObject
            {
                ["required"] = true,
                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = reference } } },
            };
        }

        operation["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "Received." } };
        return operation;
    }

    private static string? Text(JsonObject node, string name) =>
        node[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
