using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WebhookGen.Generator.Helpers;

namespace WebhookGen.Generator.Reading.Events;

/// <summary>
/// Before the OpenAPI reader sees the document, copies the events that vendor extensions describe into <c>paths</c> under
/// reserved keys: ReDoc's <c>x-webhooks</c> (name → path item) and the <c>x-async-responses</c> proposal (a list of
/// events, at the top level or on the subscribing operation), and, where there are no webhooks, the events that vendor
/// extensions mark on schemas or operations (<see cref="EventMarkerLifter"/>). The reader then resolves their references
/// and parameters exactly as it does for real operations. The proposal's own variants are accepted: <c>event-id</c> or <c>eventId</c>,
/// <c>eventDiscriminator</c> with <c>in</c> or <c>parameter</c>, <c>event-discriminator-value</c> on a header parameter.
/// </summary>
internal static class VendorExtensionLifter
{
    /// <summary>The reserved path prefix; no real path can start with it.</summary>
    public const string Prefix = "/~webhookgen~/";

    private static readonly string SyntheticSegment = Prefix.Replace("~", "~0").Replace("/", "~1");

    private static readonly Regex CopiedPointer = new("/paths/" + Regex.Escape(SyntheticSegment) + @"[^\s'""]*", RegexOptions.CultureInvariant);

    public static List<LiftedOperation> Lift(JsonObject root)
    {
        var lifted = new List<LiftedOperation>();
        if (root["paths"] is not JsonObject paths)
        {
            paths = new JsonObject();
            root["paths"] = paths;
        }

        if (root["x-webhooks"] is JsonObject webhooks)
        {
            foreach (var webhook in webhooks.ToList())
            {
                if (webhook.Value is not JsonObject pathItem)
                {
                    continue;
                }

                var pointer = SpecPointer.Append("/x-webhooks", webhook.Key);
                if (IsCallbackShaped(pathItem))
                {
                    // Vonage writes an x-webhooks entry as a callback: name → runtime expression → path item.
                    foreach (var expression in pathItem.Where(e => e.Value is JsonObject && IsRuntimeExpression(e.Key)).ToList())
                    {
                        var key = Add(paths, expression.Value!.DeepClone(), lifted.Count);
                        lifted.Add(new LiftedOperation(
                            key, EventSourceKind.Webhook, webhook.Key, SpecPointer.Append(pointer, expression.Key), null, null, CallbackRoute.FromExpression(expression.Key)));
                    }
                }
                else
                {
                    var key = Add(paths, pathItem.DeepClone(), lifted.Count);
                    lifted.Add(new LiftedOperation(key, EventSourceKind.Webhook, webhook.Key, pointer, null, null));
                }
            }
        }

        if (lifted.Count == 0 && root["webhooks"] is not JsonObject { Count: > 0 })
        {
            EventMarkerLifter.Lift(root, paths, lifted);
        }

        LiftAsyncResponses(root["x-async-responses"], "/x-async-responses", paths, lifted);
        foreach (var path in paths.ToList())
        {
            if (path.Value is not JsonObject item || path.Key.StartsWith(Prefix, System.StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var operation in item.ToList())
            {
                if (operation.Value is JsonObject op)
                {
                    LiftAsyncResponses(op["x-async-responses"], SpecPointer.Append(SpecPointer.Append("/paths", path.Key), operation.Key) + "/x-async-responses", paths, lifted);
                }
            }
        }

        return lifted;
    }

    private static void LiftAsyncResponses(JsonNode? node, string pointer, JsonObject paths, List<LiftedOperation> lifted)
    {
        if (node is not JsonArray entries)
        {
            return;
        }

        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is not JsonObject entry)
            {
                continue;
            }

            var name = Text(entry, "event-id") ?? Text(entry, "eventId");
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            var parameters = entry["parameters"] is JsonArray list ? (JsonArray)list.DeepClone() : new JsonArray();
            var header = entry["eventDiscriminator"] is JsonObject discriminator
                ? Text(discriminator, "in") ?? Text(discriminator, "parameter")
                : null;
            string? value = null;
            foreach (var parameter in parameters.OfType<JsonObject>())
            {
                if (Text(parameter, "event-discriminator-value") is { } declared)
                {
                    value = declared;
                    header ??= Text(parameter, "name");
                }

                // Not a Swagger parameter field: the reader would warn about it.
                parameter.Remove("event-discriminator-value");
            }

            // The proposal gives no responses; the reader insists on one.
            var operation = new JsonObject
            {
                ["parameters"] = parameters,
                ["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "Received." } },
            };
            if (Text(entry, "description") is { } description)
            {
                operation["description"] = description;
            }

            var key = Add(paths, new JsonObject { ["post"] = operation }, lifted.Count);
            lifted.Add(new LiftedOperation(
                key,
                EventSourceKind.AsyncResponse,
                name!,
                pointer + "/" + i.ToString(CultureInfo.InvariantCulture),
                header,
                header is null ? null : value ?? name!));
        }
    }

    /// <summary>
    /// Where a pointer into a lifted copy stands in the spec as written: inside the copy of an <c>x-webhooks</c> path item,
    /// at the same place under the entry; elsewhere in a copy the reader made up, at the entry or marked schema itself.
    /// </summary>
    public static string OriginOf(string pointer, IReadOnlyList<LiftedOperation> lifted)
    {
        if (!pointer.StartsWith("/paths/" + SyntheticSegment, System.StringComparison.Ordinal))
        {
            return pointer;
        }

        foreach (var operation in lifted)
        {
            var copy = SpecPointer.Append("/paths", operation.SyntheticPath);
            if (pointer == copy || pointer.StartsWith(copy + "/", System.StringComparison.Ordinal))
            {
                var copied = operation.Pointer.StartsWith("/x-webhooks/", System.StringComparison.Ordinal);
                return copied ? operation.Pointer + pointer.Substring(copy.Length) : operation.Pointer;
            }
        }

        return pointer;
    }

    /// <summary>A reader's message with every pointer into a lifted copy replaced by <see cref="OriginOf"/>.</summary>
    public static string OriginsIn(string message, IReadOnlyList<LiftedOperation> lifted) =>
        message.IndexOf(SyntheticSegment, System.StringComparison.Ordinal) < 0
            ? message
            : CopiedPointer.Replace(message, match => OriginOf(match.Value, lifted));

    /// <summary>An entry none of whose own keys is a path item's, and some of whose keys are runtime expressions.</summary>
    private static bool IsCallbackShaped(JsonObject entry) =>
        entry.Any(e => IsRuntimeExpression(e.Key))
        && entry.All(e => IsRuntimeExpression(e.Key) || e.Key.StartsWith("x-", System.StringComparison.Ordinal));

    private static bool IsRuntimeExpression(string key) =>
        key.StartsWith("$", System.StringComparison.Ordinal) || key.IndexOf("{$", System.StringComparison.Ordinal) >= 0;

    internal static string Add(JsonObject paths, JsonNode pathItem, int index)
    {
        var key = Prefix + index.ToString(CultureInfo.InvariantCulture);
        paths[key] = pathItem;
        return key;
    }

    private static string? Text(JsonObject node, string name) =>
        node[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
