using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using WebhookGen.Generator.Diagnostics;
using WebhookGen.Generator.Model;

namespace WebhookGen.Generator.Reading.Signatures;

/// <summary>
/// Finds the header the spec designates as each delivery's id, which the receiver deduplicates by: the top-level
/// <c>x-webhook-delivery-id: {header: ...}</c>; else the id header of the signature scheme (Standard Webhooks'
/// <c>webhook-id</c>); else a declared header named like a delivery id (<c>X-GitHub-Delivery</c>, <c>X-Request-Id</c>,
/// <c>Idempotency-Key</c>). None: the event's id from the body, where the spec gives one.
/// </summary>
internal static class DeliveryIdHeaderReader
{
    public const string Name = "x-webhook-delivery-id";

    private static readonly string[] Suffixes = ["-delivery", "-delivery-id", "-webhook-id", "-event-id", "-message-id"];
    private static readonly string[] Names = ["idempotency-key", "webhook-id"];

    public static string? Read(JsonObject root, SignatureModel? signature, IReadOnlyList<HeaderParameter> headers, SpecReadContext context)
    {
        if (root.TryGetPropertyValue(Name, out var node))
        {
            if (node is JsonObject { Count: 1 } extension
                && extension["header"] is JsonValue value
                && value.GetValueKind() == JsonValueKind.String
                && value.GetValue<string>().Trim() is { Length: > 0 } header)
            {
                return header;
            }

            context.Report(DiagnosticDescriptors.InvalidExtension, "/" + Name, Name, "it must be an object with one key, 'header', naming the header that carries each delivery's id");
            return null;
        }

        if (signature?.IdHeaderName is { } signed)
        {
            return signed;
        }

        return headers.Select(h => h.Name).FirstOrDefault(IsDeliveryId);
    }

    private static bool IsDeliveryId(string name) =>
        Names.Any(n => name.Equals(n, StringComparison.OrdinalIgnoreCase))
        || Suffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase));
}
