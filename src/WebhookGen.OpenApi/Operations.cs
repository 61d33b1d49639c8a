using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.OpenApi;
using WebhookGen.Hosting;

namespace WebhookGen.OpenApi;

/// <summary>The operation of one receiver endpoint: what it takes and every answer it can give.</summary>
internal static class Operations
{
    public static OpenApiOperation For(OpenApiDocument document, IReadOnlyList<WebhookEvent> events, ReceiverSchemas? schemas, WebhookRouteDescriptor? route, IReadOnlyList<string> pathParameters)
    {
        var receiver = events[0].Receiver;
        var names = string.Join(", ", events.Select(e => e.EventName));
        var selector = route?.Selector?.ToString() ?? "the route";
        var operation = new OpenApiOperation
        {
            OperationId = receiver.Name + "." + (route is null ? events[0].EventName : selector),
            Summary = route is null ? events[0].EventName : $"{events.Count} events told apart by {selector}",
            Description = $"Receives {names} for {receiver.Name}. The signature is verified before the body is read; a body that does not match the schema is refused with 400.",
            Tags = new HashSet<OpenApiTagReference> { Tag(document, receiver.Name) },
            RequestBody = Body(document, events, schemas),
            Responses = Responses(receiver),
        };
        if (pathParameters.Count > 0)
        {
            operation.Parameters = pathParameters
                .Select(name => (IOpenApiParameter)new OpenApiParameter { Name = name, In = ParameterLocation.Path, Required = true, Schema = new OpenApiSchema { Type = JsonSchemaType.String } })
                .ToList();
        }

        return operation;
    }

    private static OpenApiTagReference Tag(OpenApiDocument document, string name)
    {
        document.Tags ??= new HashSet<OpenApiTag>();
        if (!document.Tags.Any(tag => tag.Name == name))
        {
            document.Tags.Add(new OpenApiTag { Name = name });
        }

        return new OpenApiTagReference(name, document);
    }

    private static OpenApiRequestBody Body(OpenApiDocument document, IReadOnlyList<WebhookEvent> events, ReceiverSchemas? schemas)
    {
        var content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal);
        foreach (var group in events.GroupBy(e => e.BodyFormat))
        {
            var payloads = group
                .Select(e => schemas is not null && schemas.Events.TryGetValue(e.EventName, out var id) ? (IOpenApiSchema)new OpenApiSchemaReference(id, document) : new OpenApiSchema())
                .ToList();
            var payload = payloads.Count == 1 ? payloads[0] : new OpenApiSchema { OneOf = payloads };
            if (group.Key == WebhookBodyFormats.Jwt)
            {
                content["application/jwt"] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A signed JWT; its claims are the payload." },
                };
            }
            else
            {
                content["application/json"] = new OpenApiMediaType { Schema = payload };
            }
        }

        return new OpenApiRequestBody { Required = true, Content = content };
    }

    private static OpenApiResponses Responses(WebhookReceiverDescriptor receiver)
    {
        var responses = new OpenApiResponses
        {
            ["200"] = Answer("Handled; or acknowledged without the handler: a repeat of a handled delivery, an event the receiver does not handle."),
            ["400"] = Problem("The body is not the event's payload: not JSON, a member of the wrong type or missing, a member named twice."),
            ["409"] = Answer("The same delivery is being handled now; retry after Retry-After."),
            ["413"] = Problem("The body is larger than the receiver's MaxRequestBodySize."),
            ["415"] = Problem("The body is not JSON (Content-Type)."),
            ["500"] = Problem("The handler failed; the sender should retry."),
            ["503"] = Answer("A store the receiver depends on is unavailable; retry after Retry-After."),
        };
        responses[receiver.SignatureFailureStatusCode.ToString(CultureInfo.InvariantCulture)] = Answer("The signature is missing, malformed or does not match the body.");
        return responses;
    }

    private static OpenApiResponse Answer(string description) => new() { Description = description };

    private static OpenApiResponse Problem(string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
        {
            ["application/problem+json"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.Object } },
        },
    };
}
