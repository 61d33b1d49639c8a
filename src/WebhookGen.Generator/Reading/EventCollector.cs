using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using WebhookGen.Generator.Diagnostics;
using WebhookGen.Generator.Helpers;
using WebhookGen.Generator.Model;

namespace WebhookGen.Generator.Reading;

/// <summary>
/// Finds the events of a receiver written as plain <c>paths</c>: every operation with a JSON request body is an event.
/// Its name is the operationId, or its path without the segments all events share (<c>/events/appliance/create</c> →
/// <c>appliance/create</c>).
/// </summary>
internal sealed class EventCollector(SpecReadContext context, SchemaTypeBuilder types)
{
    private readonly HashSet<string> _identifiers = new(StringComparer.Ordinal);

    public List<IOpenApiParameter> HeaderParameters { get; } = new();

    public List<OpenApiOperation> Operations { get; } = new();

    public List<EventModel> Collect(OpenApiDocument document)
    {
        var operations = new List<(string Path, string Method, OpenApiOperation Operation, IList<IOpenApiParameter>? PathParameters)>();
        if (document.Paths is not null)
        {
            foreach (var path in document.Paths)
            {
                if (path.Value.Operations is null)
                {
                    continue;
                }

                foreach (var operation in path.Value.Operations)
                {
                    operations.Add((path.Key, operation.Key.Method.ToUpperInvariant(), operation.Value, path.Value.Parameters));
                }
            }
        }

        var sharedSegments = SharedLeadingSegments(operations.Select(o => o.Path).Distinct().ToList());
        var methodsPerPath = operations.GroupBy(o => o.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var events = new List<EventModel>();
        foreach (var (path, method, operation, pathParameters) in operations)
        {
            var pointer = SpecPointer.Append("/paths", path, method.ToLowerInvariant());
            var schema = JsonBodySchema(operation.RequestBody);
            if (schema is null)
            {
                context.Report(DiagnosticDescriptors.EventWithoutBody, pointer, method + " " + path);
                continue;
            }

            var relativePath = string.Join("/", path.Split(['/'], StringSplitOptions.RemoveEmptyEntries).Skip(sharedSegments));
            var eventName = !string.IsNullOrEmpty(operation.OperationId) ? operation.OperationId!
                : methodsPerPath[path] > 1 ? relativePath + " " + method
                : relativePath;
            var identifier = Identifiers.MakeUnique(Identifiers.ToPascalCase(eventName), _identifiers);
            var payload = types.Resolve(schema, identifier + "Payload", SpecPointer.Append(pointer, "requestBody"));
            if (payload.Kind is not (ValueKind.Object or ValueKind.Json))
            {
                context.Report(DiagnosticDescriptors.UnsupportedSchema, pointer, "A request body that is not an object", pointer);
                payload = TypeRef.Json;
            }

            HeaderParameters.AddRange(Headers(pathParameters).Concat(Headers(operation.Parameters)));
            Operations.Add(operation);
            events.Add(new EventModel(
                eventName,
                identifier,
                method,
                path,
                payload,
                operation.Summary,
                operation.Description,
                EventIdExpression(payload)));
        }

        return events;
    }

    private static IEnumerable<IOpenApiParameter> Headers(IList<IOpenApiParameter>? parameters) =>
        parameters?.Where(p => p.In == ParameterLocation.Header) ?? Enumerable.Empty<IOpenApiParameter>();

    private static IOpenApiSchema? JsonBodySchema(IOpenApiRequestBody? body)
    {
        if (body?.Content is null)
        {
            return null;
        }

        foreach (var media in body.Content)
        {
            var type = media.Key.Split(';')[0].Trim();
            if (type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
                || type == "*/*")
            {
                return media.Value.Schema;
            }
        }

        return null;
    }

    /// <summary>How many leading path segments every event shares (never all of one path's segments).</summary>
    private static int SharedLeadingSegments(List<string> paths)
    {
        if (paths.Count == 0)
        {
            return 0;
        }

        var split = paths.Select(p => p.Split(['/'], StringSplitOptions.RemoveEmptyEntries)).ToList();
        var limit = split.Min(s => s.Length) - 1;
        var shared = 0;
        while (shared < limit && split.All(s => s[shared] == split[0][shared]))
        {
            shared++;
        }

        return shared;
    }

    /// <summary>C# that reads the event's id: the payload's top-level <c>id</c> property, where it has one.</summary>
    private string? EventIdExpression(TypeRef payload)
    {
        if (payload.Kind != ValueKind.Object || types.FindObject(payload.Name!) is not { } type)
        {
            return null;
        }

        var id = type.AllProperties.FirstOrDefault(p => p.WireName == "id");
        if (id is null)
        {
            return null;
        }

        return id.Type.Kind switch
        {
            ValueKind.String => "payload." + id.Name,
            ValueKind.Guid => id.IsNullable ? $"payload.{id.Name}?.ToString()" : $"payload.{id.Name}.ToString()",
            ValueKind.Int32 or ValueKind.Int64 => $"global::System.Convert.ToString(payload.{id.Name}, global::System.Globalization.CultureInfo.InvariantCulture)",
            _ => null,
        };
    }
}
