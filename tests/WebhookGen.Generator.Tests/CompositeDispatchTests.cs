using System.Linq;
using Microsoft.CodeAnalysis;
using Shouldly;
using WebhookGen.Generator.Tests.Corpus;
using WebhookGen.Generator.Tests.Infrastructure;
using Xunit;

namespace WebhookGen.Generator.Tests;

/// <summary>
/// Events that only a combination tells apart share one route: GitHub's X-GitHub-Event (from x-github.subcategory) with
/// the body's action; a header constant with a body constant; two body properties; a plain event-name property.
/// </summary>
public sealed class CompositeDispatchTests
{
    private static readonly System.Lazy<GeneratorRun> GitHub = new(() => CorpusReceiver.RunDeclarationOnly(CorpusSpecs.Load("github")));

    [Fact]
    public void GitHubs_webhooks_share_one_route_told_apart_by_the_event_header_and_the_action()
    {
        var webhooks = GitHub.Value.Source(".Webhooks.g.cs");

        GitHub.Value.GeneratorDiagnostics.Select(d => d.Id).ShouldNotContain("WHG012");
        webhooks.ShouldContain("WebhookEventSelector.Combine(global::WebhookGen.Hosting.WebhookEventSelector.Header(\"X-Github-Event\"), global::WebhookGen.Hosting.WebhookEventSelector.BodyProperty(\"action\"))");
        webhooks.ShouldContain("new(global::WebhookGen.Hosting.WebhookEventSelector.Key(\"issues\", \"opened\"), IssuesOpened)");
        webhooks.ShouldContain("MapWebhookRoute(group, \"POST\", \"/\", global::Corpus.CorpusReceiverWebhooks.SharedRoute)");
    }

    [Fact]
    public void An_event_without_an_action_takes_any_action_of_its_header_value()
    {
        var webhooks = GitHub.Value.Source(".Webhooks.g.cs");

        webhooks.ShouldContain("new(global::WebhookGen.Hosting.WebhookEventSelector.Key(\"push\", \"\"), Push)");
        webhooks.ShouldContain("new(global::WebhookGen.Hosting.WebhookEventSelector.Key(\"ping\", \"\"), Ping)");
    }

    [Fact]
    public void A_union_payload_whose_members_all_pin_the_action_is_named_by_it()
    {
        // pull-request-review-requested is a oneOf of two shapes, both with action: review_requested.
        GitHub.Value.Source(".Webhooks.g.cs").ShouldContain("Key(\"pull_request\", \"review_requested\"), PullRequestReviewRequested)");
    }

    [Fact]
    public void A_hyphenated_subcategory_is_sent_with_underscores()
    {
        var webhooks = GitHub.Value.Source(".Webhooks.g.cs");

        webhooks.ShouldContain("Key(\"sub_issues\", ");
        webhooks.ShouldNotContain("Key(\"sub-issues\", ");
    }

    [Fact]
    public void The_sender_names_the_event_in_its_header()
    {
        GitHub.Value.Source(".Sender.g.cs").ShouldContain("new(\"X-Github-Event\", \"issues\")");
    }

    [Fact]
    public void A_header_constant_with_a_body_constant_is_a_pair()
    {
        var run = GeneratorHarness.Run(Declaration, new InMemoryAdditionalText("hooks.yaml", Spec(
            Event("order-created", header: "order", action: "created"),
            Event("order-deleted", header: "order", action: "deleted"),
            Event("invoice-created", header: "invoice", action: "created"))));

        var webhooks = run.Source(".Webhooks.g.cs");
        run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ShouldBeEmpty();
        webhooks.ShouldContain("Combine(global::WebhookGen.Hosting.WebhookEventSelector.Header(\"X-Event\"), global::WebhookGen.Hosting.WebhookEventSelector.BodyProperty(\"action\"))");
        webhooks.ShouldContain("Key(\"invoice\", \"created\"), InvoiceCreated)");
    }

    [Fact]
    public void Two_body_constants_are_a_pair_when_neither_alone_tells_events_apart()
    {
        var run = GeneratorHarness.Run(Declaration, new InMemoryAdditionalText("hooks.yaml", Spec(
            Event("order-created", resource: "order", action: "created"),
            Event("order-deleted", resource: "order", action: "deleted"),
            Event("invoice-created", resource: "invoice", action: "created"))));

        run.Source(".Webhooks.g.cs").ShouldContain("Combine(global::WebhookGen.Hosting.WebhookEventSelector.BodyProperty(\"resource\"), global::WebhookGen.Hosting.WebhookEventSelector.BodyProperty(\"action\"))");
    }

    [Fact]
    public void A_plain_string_event_property_is_named_by_the_webhooks_names()
    {
        var run = GeneratorHarness.Run(Declaration, new InMemoryAdditionalText("hooks.yaml", Spec(
            Event("invoice.paid", plainType: true),
            Event("invoice.voided", plainType: true))));

        var webhooks = run.Source(".Webhooks.g.cs");
        run.GeneratorDiagnostics.Select(d => d.Id).ShouldNotContain("WHG012");
        webhooks.ShouldContain("WebhookEventSelector.BodyProperty(\"type\")");
        webhooks.ShouldContain("new(\"invoice.paid\", InvoicePaid)");
    }

    [Fact]
    public void Events_that_nothing_tells_apart_still_get_a_route_each()
    {
        var run = GeneratorHarness.Run(Declaration, new InMemoryAdditionalText("hooks.yaml", Spec(
            Event("a-created", resource: "a"),
            Event("a-again", resource: "a"))));

        run.GeneratorDiagnostics.Select(d => d.Id).ShouldContain("WHG012");
    }

    private const string Declaration = """
        using WebhookGen;
        namespace Hooks;
        [WebhookReceiver("hooks.yaml")]
        public partial class HooksReceiver { }
        """;

    private static string Spec(params string[] events) => "openapi: 3.1.0\ninfo: {title: t, version: '1'}\nwebhooks:\n" + string.Concat(events);

    private static string Event(string name, string? header = null, string? resource = null, string? action = null, bool plainType = false)
    {
        var parameters = header is null ? string.Empty
            : $"      parameters:\n        - {{name: X-Hub-Signature-256, in: header, schema: {{type: string}}}}\n        - {{name: X-Event, in: header, required: true, schema: {{type: string, const: {header}}}}}\n";
        var properties = "                id: {type: string}\n"
            + (resource is null ? string.Empty : $"                resource: {{type: string, enum: [{resource}]}}\n")
            + (action is null ? string.Empty : $"                action: {{type: string, enum: [{action}]}}\n")
            + (plainType ? "                type: {type: string}\n" : string.Empty);
        return $$"""
              {{name}}:
                post:
            {{parameters}}      requestBody:
                    content:
                      application/json:
                        schema:
                          type: object
                          properties:
            {{properties}}      responses: { '200': { description: ok } }

            """;
    }
}
