using System.Linq;
using Shouldly;
using WebhookGen.Generator.Tests.Corpus;
using WebhookGen.Generator.Tests.Infrastructure;
using Xunit;

namespace WebhookGen.Generator.Tests;

/// <summary>Each way a spec describes webhooks gives the routes and dispatch the docs promise (docs/spec-styles.md).</summary>
public sealed class EventStyleTests
{
    private static string Webhooks(string folder) => CorpusReceiver.RunWithHandlers(CorpusSpecs.Load(folder)).Source(".Webhooks.g.cs");

    [Fact]
    public void OpenApi31_webhooks_are_received_under_the_default_prefix_not_the_providers_server()
    {
        var webhooks = Webhooks("oai-webhook-example");

        webhooks.ShouldContain("defaultRoutePrefix: \"/webhooks\"");
        webhooks.ShouldContain("MapWebhookEvent(group, \"POST\", \"/\", global::Corpus.CorpusReceiverWebhooks.NewPet)");
    }

    [Fact]
    public void A_callback_is_received_at_the_literal_suffix_of_its_runtime_expression()
    {
        var webhooks = Webhooks("oai-callback-example");

        webhooks.ShouldContain("MapWebhookEvent(group, \"POST\", \"/data\", global::Corpus.CorpusReceiverWebhooks.OnData)");
    }

    [Fact]
    public void Webhooks_on_one_url_are_told_apart_by_their_constant_body_type()
    {
        var webhooks = Webhooks("adyen-management");

        webhooks.ShouldContain("WebhookEventSelector.BodyProperty(\"type\")");
        webhooks.ShouldContain("new(\"merchant.created\", MerchantCreated)");
        webhooks.ShouldContain("new(\"terminalSettings.modified\", TerminalSettingsModified)");
        webhooks.ShouldContain("MapWebhookRoute(group, \"POST\", \"/\", global::Corpus.CorpusReceiverWebhooks.SharedRoute)");
    }

    [Fact]
    public void Vendor_x_webhooks_in_a_30_document_are_events_too()
    {
        var webhooks = Webhooks("svix");

        webhooks.ShouldContain("WebhookEventSelector.BodyProperty(\"type\")");
        webhooks.ShouldContain("new(\"endpoint.created\", EndpointCreatedEvent)");
        webhooks.ShouldContain("new(\"message.attempt.exhausted\", MessageAttemptExhaustedEvent)");
    }

    [Fact]
    public void A_callback_body_with_a_discriminator_mapping_is_one_event_per_value()
    {
        var run = CorpusReceiver.RunWithHandlers(CorpusSpecs.Load("camara-device-roaming-status"));
        var webhooks = run.Source(".Webhooks.g.cs");

        webhooks.ShouldContain("WebhookEventSelector.BodyProperty(\"type\")");
        webhooks.ShouldContain("new(\"org.camaraproject.device-roaming-status-subscriptions.v0.roaming-status\", RoamingStatus)");
        CorpusReceiver.Handlers(run).Select(h => h.Identifier.Text).ShouldContain("OnRoamingOnAsync");
    }

    [Fact]
    public void Swagger2_async_responses_are_told_apart_by_the_event_discriminator_header()
    {
        var webhooks = Webhooks("github-async-responses");

        webhooks.ShouldContain("WebhookEventSelector.Header(\"X-GitHub-Event\")");
        webhooks.ShouldContain("new(\"commentStream\", CommentStream)");
        webhooks.ShouldContain("new(\"deployment\", Deployment)");
        webhooks.ShouldContain("HmacAlgorithm.Sha1");
    }

    [Fact]
    public void Events_that_nothing_tells_apart_get_a_route_each_and_a_warning()
    {
        var run = CorpusReceiver.RunWithHandlers(CorpusSpecs.Load("lob"));

        run.GeneratorDiagnostics.ShouldContain(d => d.Id == "WHG012");
        run.GeneratorDiagnostics.ShouldContain(d => d.Id == "WHG013");
        var webhooks = run.Source(".Webhooks.g.cs");
        webhooks.ShouldContain("(group, \"POST\", \"/events\",");
        webhooks.ShouldContain("(group, \"POST\", \"/tracking-events\",");
    }

    [Fact]
    public void A_receiver_written_as_paths_keeps_its_paths_and_server_prefix()
    {
        var run = GeneratorHarness.Run(TestSpecs.GridXReceiverSource, new InMemoryAdditionalText("/app/webhooks.yaml", TestSpecs.GridX));
        var webhooks = run.Source(".Webhooks.g.cs");

        webhooks.ShouldContain("defaultRoutePrefix: \"/gridx\"");
        webhooks.ShouldNotContain("SharedRoute");
    }

    [Fact]
    public void Async_responses_without_an_event_header_fall_back_to_the_body_schemas_discriminator()
    {
        const string spec = """
            swagger: '2.0'
            info:
              title: Shop
              version: '1'
            paths: {}
            x-async-responses:
            - event-id: orderPlaced
              parameters:
              - name: body
                in: body
                schema:
                  $ref: '#/definitions/OrderPlaced'
              - name: X-Hub-Signature-256
                in: header
                type: string
            - event-id: orderShipped
              parameters:
              - name: body
                in: body
                schema:
                  $ref: '#/definitions/OrderShipped'
            definitions:
              OrderEvent:
                type: object
                discriminator: kind
                required: [kind]
                properties:
                  kind:
                    type: string
              OrderPlaced:
                allOf:
                - $ref: '#/definitions/OrderEvent'
                - type: object
                  properties:
                    total:
                      type: number
              OrderShipped:
                allOf:
                - $ref: '#/definitions/OrderEvent'
                - type: object
                  properties:
                    carrier:
                      type: string
            """;
        var run = GeneratorHarness.Run(MiniSpecs.ReceiverSource, new InMemoryAdditionalText("/app/hooks.yaml", spec));
        var webhooks = run.Source(".Webhooks.g.cs");

        webhooks.ShouldContain("WebhookEventSelector.BodyProperty(\"kind\")");
        webhooks.ShouldContain("new(\"OrderPlaced\", OrderPlaced)");
        webhooks.ShouldContain("new(\"OrderShipped\", OrderShipped)");
        run.GeneratorDiagnostics.ShouldNotContain(d => d.Id == "WHG012");
    }
}
