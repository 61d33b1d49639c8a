using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Shouldly;
using WebhookGen.IntegrationTests.Infrastructure;
using WebhookGen.OpenApi;
using Xunit;

namespace WebhookGen.IntegrationTests.OpenApi;

/// <summary>
/// The receivers' routes in the app's own OpenAPI document (Microsoft.AspNetCore.OpenApi, <c>/openapi/v1.json</c>), as a
/// client of the app reads it: each path as mapped, its payload schema from the spec, the answers it gives.
/// </summary>
public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task Each_route_is_in_the_document_as_mapped_with_its_payload_schema_and_answers()
    {
        var document = await DocumentAsync(app =>
        {
            app.MapGridXReceiver("/hooks");
            app.MapOpenApi();
        });

        var operation = document["paths"]!["/hooks/events/appliance/create"]!["post"]!;
        operation["summary"]!.GetValue<string>().ShouldBe("appliance/create");
        operation["tags"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldBe(["GridXReceiver"]);
        operation["requestBody"]!["required"]!.GetValue<bool>().ShouldBeTrue();
        operation["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>()
            .ShouldBe("#/components/schemas/GridXReceiver.ApplianceCreateEvent");

        // gridX's spec answers a bad signature with 403; the rest are WebhookGen's own answers.
        operation["responses"]!.AsObject().Select(r => r.Key).ShouldBe(["200", "400", "403", "409", "413", "415", "500", "503"], ignoreOrder: true);
        operation["responses"]!["400"]!["content"]!["application/problem+json"].ShouldNotBeNull();

        // Every event of the spec has its route, nothing else of the app's is touched.
        document["paths"]!.AsObject().Select(p => p.Key).Count(p => p.StartsWith("/hooks/events/", System.StringComparison.Ordinal)).ShouldBe(9);
    }

    [Fact]
    public async Task The_schemas_are_the_spec_s_as_the_receiver_reads_them()
    {
        var document = await DocumentAsync(app =>
        {
            app.MapGridXReceiver();
            app.MapOpenApi();
        });
        var schemas = document["components"]!["schemas"]!;

        // The CloudEvents envelope every gridX event shares (allOf in the spec), then the event's own members.
        var basic = schemas["GridXReceiver.BasicEvent"]!;
        basic["type"]!.GetValue<string>().ShouldBe("object");
        basic["required"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["id", "time", "specVersion", "source"], ignoreOrder: true);
        basic["properties"]!["id"]!["format"]!.GetValue<string>().ShouldBe("uuid");
        basic["properties"]!["time"]!["format"]!.GetValue<string>().ShouldBe("date-time");
        var created = schemas["GridXReceiver.ApplianceCreateEvent"]!["allOf"]!;
        created[0]!["$ref"]!.GetValue<string>().ShouldBe("#/components/schemas/GridXReceiver.BasicEvent");
        created[1]!["required"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["type"]);
        created[1]!["properties"]!["type"]!["$ref"]!.GetValue<string>().ShouldBe("#/components/schemas/GridXReceiver.ApplianceCreateEventType");

        // An optional member that may be null: the record's type or null.
        created[1]!["properties"]!["data"]!["anyOf"]!.AsArray().Select(s => s!["$ref"]?.GetValue<string>() ?? s!["type"]!.GetValue<string>())
            .ShouldBe(["#/components/schemas/GridXReceiver.ApplianceEventData", "null"]);

        schemas["GridXReceiver.ApplianceCreateEventType"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()).ShouldBe(["appliance/create"]);
        schemas["GridXReceiver.ApplianceEventData"]!["description"].ShouldNotBeNull();
    }

    [Fact]
    public async Task A_route_of_several_events_takes_one_of_their_payloads()
    {
        var document = await DocumentAsync(app =>
        {
            app.MapGitHubEventsReceiver();
            app.MapOpenApi();
        });

        var (path, operation) = document["paths"]!.AsObject().Single(p => p.Value!["post"]?["tags"]?[0]?.GetValue<string>() == "GitHubEventsReceiver");
        path.ShouldStartWith("/");
        operation!["post"]!["summary"]!.GetValue<string>().ShouldContain("X-GitHub-Event");
        var payloads = operation["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!["oneOf"]!.AsArray()
            .Select(s => s!["$ref"]!.GetValue<string>())
            .ToList();
        payloads.Count.ShouldBe(6);
        payloads.ShouldContain("#/components/schemas/GitHubEventsReceiver.WebhookPing");

        // GitHub's spec answers a bad signature with WebhookGen's default, 401.
        operation["post"]!["responses"]!["401"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Every_reference_resolves_and_the_document_reads_without_errors()
    {
        var text = await DocumentTextAsync(app =>
        {
            app.MapGridXReceiver();
            app.MapGitHubEventsReceiver();
            app.MapOpenApi();
        });

        var references = new List<string>();
        Collect(JsonNode.Parse(text)!, references);
        var schemas = JsonNode.Parse(text)!["components"]!["schemas"]!.AsObject();
        references.Count.ShouldBeGreaterThan(100);
        references.Where(r => !schemas.ContainsKey(r["#/components/schemas/".Length..])).Distinct().ShouldBeEmpty();

        var read = OpenApiDocument.Parse(text, "json");
        read.Diagnostic!.Errors.Select(e => e.ToString()).ShouldBeEmpty();
        read.Document!.Paths.Keys.ShouldContain("/gridx/events/appliance/create");
    }

    [Fact]
    public async Task A_receiver_excluded_from_description_stays_out()
    {
        var document = await DocumentAsync(app =>
        {
            app.MapGridXReceiver().ExcludeFromDescription();
            app.MapOpenApi();
        });

        (document["paths"]?.AsObject().Select(p => p.Key) ?? []).ShouldNotContain(p => p.Contains("/events/", System.StringComparison.Ordinal));
    }

    private static async Task<JsonNode> DocumentAsync(System.Action<WebApplication> map) => JsonNode.Parse(await DocumentTextAsync(map))!;

    private static async Task<string> DocumentTextAsync(System.Action<WebApplication> map)
    {
        await using var host = await ReceiverHost.StartAsync(options =>
        {
            options.Configuration["Webhooks:GitHubEventsReceiver:Secret"] = options.Secret;
            options.AddServices = services => services
                .AddGridXReceiver()
                .AddGitHubEventsReceiver()
                .AddOpenApi(openApi => openApi.AddWebhookReceivers());
            options.Map = map;
        });

        var response = await host.Client.GetAsync("/openapi/v1.json");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    private static void Collect(JsonNode node, List<string> references)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key == "$ref" && value is JsonValue reference)
                    {
                        references.Add(reference.GetValue<string>());
                    }
                    else if (value is not null)
                    {
                        Collect(value, references);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array.Where(i => i is not null))
                {
                    Collect(item!, references);
                }

                break;
        }
    }
}
