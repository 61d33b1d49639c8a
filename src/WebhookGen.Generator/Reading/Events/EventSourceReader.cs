using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using WebhookGen.Generator.Helpers;

namespace WebhookGen.Generator.Reading.Events;

/// <summary>
/// Decides which operations of a document are the receiver's events. A document that has <c>webhooks</c> (or
/// <c>x-webhooks</c>) describes its events there, with any <c>callbacks</c> beside them, and its <c>paths</c> are the
/// provider's own API; likewise
/// <c>x-async-responses</c>; else a document with <c>callbacks</c> describes its events as callbacks; else the document
/// is a receiver written as <c>paths</c> (gridX), and every operation is an event at its own path.
/// </summary>
internal static class EventSourceReader
{
    public static List<EventCandidate> Read(OpenApiDocument document, IReadOnlyList<LiftedOperation> lifted)
    {
        var liftedByPath = lifted.ToDictionary(l => l.SyntheticPath, StringComparer.Ordinal);

        var webhooks = Webhooks(document).Concat(Lifted(document, liftedByPath, EventSourceKind.Webhook)).ToList();
        if (webhooks.Count > 0)
        {
            // Callbacks are deliveries too: a spec may describe some events as webhooks and others as callbacks (Vonage).
            webhooks.AddRange(Callbacks(document));
            return webhooks;
        }

        var asyncResponses = Lifted(document, liftedByPath, EventSourceKind.AsyncResponse).ToList();
        if (asyncResponses.Count > 0)
        {
            return asyncResponses;
        }

        var callbacks = Callbacks(document).ToList();
        return callbacks.Count > 0 ? callbacks : Paths(document, liftedByPath).ToList();
    }

    private static IEnumerable<EventCandidate> Webhooks(OpenApiDocument document)
    {
        foreach (var webhook in document.Webhooks ?? new Dictionary<string, IOpenApiPathItem>())
        {
            foreach (var (method, operation) in Operations(webhook.Value))
            {
                var pointer = SpecPointer.Append(SpecPointer.Append("/webhooks", webhook.Key), method.ToLowerInvariant());
                yield return new EventCandidate(EventSourceKind.Webhook, webhook.Key, method, "/", operation, pointer);
            }
        }
    }

    private static IEnumerable<EventCandidate> Lifted(OpenApiDocument document, Dictionary<string, LiftedOperation> lifted, EventSourceKind kind)
    {
        foreach (var path in document.Paths ?? new OpenApiPaths())
        {
            if (!lifted.TryGetValue(path.Key, out var origin) || origin.Kind != kind)
            {
                continue;
            }

            foreach (var (method, operation) in Operations(path.Value))
            {
                var pointer = kind == EventSourceKind.Webhook ? SpecPointer.Append(origin.Pointer, method.ToLowerInvariant()) : origin.Pointer;
                yield return new EventCandidate(kind, origin.Name, method, origin.Route, operation, pointer, origin.DiscriminatorHeader, origin.DiscriminatorValue);
            }
        }
    }

    private static IEnumerable<EventCandidate> Callbacks(OpenApiDocument document)
    {
        foreach (var path in document.Paths ?? new OpenApiPaths())
        {
            foreach (var (method, operation) in Operations(path.Value))
            {
                var operationPointer = SpecPointer.Append(SpecPointer.Append("/paths", path.Key), method.ToLowerInvariant());
                foreach (var callback in operation.Callbacks ?? new Dictionary<string, IOpenApiCallback>())
                {
                    // A callback written with no value (`onData:` and nothing under it) has no path items.
                    foreach (var expression in callback.Value?.PathItems ?? new Dictionary<RuntimeExpression, IOpenApiPathItem>())
                    {
                        var text = expression.Key.Expression ?? string.Empty;
                        foreach (var (callbackMethod, callbackOperation) in Operations(expression.Value))
                        {
                            var pointer = SpecPointer.Append(SpecPointer.Append(SpecPointer.Append(operationPointer + "/callbacks", callback.Key), text), callbackMethod.ToLowerInvariant());
                            yield return new EventCandidate(EventSourceKind.Callback, callback.Key, callbackMethod, CallbackRoute.FromExpression(text), callbackOperation, pointer);
                        }
                    }
                }
            }
        }
    }

    private static IEnumerable<EventCandidate> Paths(OpenApiDocument document, Dictionary<string, LiftedOperation> lifted)
    {
        foreach (var path in document.Paths ?? new OpenApiPaths())
        {
            if (lifted.ContainsKey(path.Key))
            {
                continue;
            }

            foreach (var (method, operation) in Operations(path.Value))
            {
                var pointer = SpecPointer.Append(SpecPointer.Append("/paths", path.Key), method.ToLowerInvariant());
                yield return new EventCandidate(EventSourceKind.Path, path.Key, method, path.Key, operation, pointer);
            }
        }
    }

    private static IEnumerable<(string Method, OpenApiOperation Operation)> Operations(IOpenApiPathItem? item)
    {
        if (item?.Operations is null)
        {
            yield break;
        }

        foreach (var operation in item.Operations)
        {
            // Path-level parameters apply to every operation of the item.
            if (item.Parameters is { Count: > 0 } shared)
            {
                operation.Value.Parameters ??= new List<IOpenApiParameter>();
                foreach (var parameter in shared.Where(p => !operation.Value.Parameters.Any(o => o.Name == p.Name && o.In == p.In)))
                {
                    operation.Value.Parameters.Add(parameter);
                }
            }

            yield return (operation.Key.Method.ToUpperInvariant(), operation.Value);
        }
    }
}
