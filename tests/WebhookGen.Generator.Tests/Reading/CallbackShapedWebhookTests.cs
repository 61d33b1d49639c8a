using System.Linq;
using Shouldly;
using WebhookGen.Generator.Tests.Corpus;
using WebhookGen.Generator.Tests.Infrastructure;
using Xunit;

namespace WebhookGen.Generator.Tests.Reading;

/// <summary>
/// An <c>x-webhooks</c> entry written as a callback (name → runtime expression → path item, as Vonage publishes them)
/// is a webhook routed like a callback, and the spec's callbacks are deliveries beside its webhooks.
/// </summary>
public sealed class CallbackShapedWebhookTests
{
    private const string MessagingApi = """
        openapi: 3.0.0
        info:
          title: Messaging API
          version: '1'
        paths:
          /sms/json:
            post:
              operationId: send-sms
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        to: { type: string }
                        callback: { type: string, format: uri }
              responses:
                '200':
                  description: sent
              callbacks:
                delivery-receipt:
                  '{$request.body#/callback}/receipts':
                    post:
                      requestBody:
                        content:
                          application/json:
                            schema:
                              $ref: '#/components/schemas/DeliveryReceipt'
                      responses:
                        '200':
                          description: accepted
        x-webhooks:
          inbound-sms:
            '{$request.body#/callback}':
              post:
                summary: Inbound SMS
                description: An SMS sent to one of your numbers.
                requestBody:
                  required: true
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/InboundMessage'
                responses:
                  '200':
                    description: accepted
        components:
          schemas:
            DeliveryReceipt:
              type: object
              required: [messageId, status]
              properties:
                messageId: { type: string }
                status: { type: string, enum: [delivered, failed] }
            InboundMessage:
              type: object
              required: [msisdn, text]
              properties:
                msisdn: { type: string }
                text: { type: string }
                concat-parts:
                  type: array
                  description: Vonage writes item members beside the array type.
                  properties:
                    part: { type: integer }
                  items:
                    type: string
        """;

    private static GeneratorRun Run(string spec) => CorpusReceiver.RunWithHandlers(new CorpusSpec("inline", "/app/hooks.yaml", spec));

    [Fact]
    public void A_callback_shaped_entry_is_a_webhook_and_the_callback_beside_it_is_an_event_too()
    {
        var run = Run(MessagingApi);

        CorpusReceiver.Handlers(run).Select(h => h.Identifier.Text)
            .ShouldBe(["OnInboundSmsAsync", "OnDeliveryReceiptAsync"], ignoreOrder: true);
        run.CompilationProblems.ShouldBeEmpty();
        run.GeneratorDiagnostics.ShouldNotContain(d => d.Id == "WHG010" || d.Id == "WHG011" || d.Id == "WHG022");
        var webhooks = run.Source(".Webhooks.g.cs");
        webhooks.ShouldContain("MapWebhookEvent(group, \"POST\", \"/\", global::Corpus.CorpusReceiverWebhooks.InboundSms)");
        webhooks.ShouldContain("MapWebhookEvent(group, \"POST\", \"/receipts\", global::Corpus.CorpusReceiverWebhooks.DeliveryReceipt)");
        webhooks.ShouldNotContain("SendSms");
        run.Source(".Receiver.g.cs").ShouldContain("An SMS sent to one of your numbers.");
    }

    [Fact]
    public void The_routes_of_callback_shaped_entries_take_their_expressions_literal_suffix()
    {
        var run = Run(MessagingApi.Replace("'{$request.body#/callback}':", "'{$request.body#/callback}/inbound?x=1':", System.StringComparison.Ordinal));

        run.Source(".Webhooks.g.cs").ShouldContain("MapWebhookEvent(group, \"POST\", \"/inbound\", global::Corpus.CorpusReceiverWebhooks.InboundSms)");
    }

    [Fact]
    public void An_entry_written_as_a_path_item_stays_a_path_item()
    {
        var spec = MessagingApi.Replace(
            "  inbound-sms:\n    '{$request.body#/callback}':\n      post:", "  inbound-sms:\n    post:", System.StringComparison.Ordinal);
        spec.ShouldNotBe(MessagingApi);

        var run = Run(spec);

        run.GeneratorDiagnostics.ShouldNotContain(d => d.Id == "WHG003" || d.Id == "WHG010");
        CorpusReceiver.Handlers(run).Select(h => h.Identifier.Text).ShouldContain("OnInboundSmsAsync");
    }

    [Fact]
    public void A_declared_array_with_stray_properties_is_sampled_as_an_array()
    {
        var run = Run(MessagingApi);

        var examples = run.Source(".Examples.g.cs");
        examples.ShouldContain("concat-parts");
        examples.ShouldNotContain("\"part\"");
    }

    [Theory]
    [InlineData("'{$request.body#/callback}':\n      post:")]
    [InlineData("post:")]
    public void A_problem_found_inside_an_entry_points_at_the_entry_in_the_spec(string entry)
    {
        var spec = $$"""
            openapi: 3.0.3
            info:
              title: Identity events
              version: '1'
            x-webhooks:
              user.created:
                {{entry}}
                    requestBody:
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              id: { type: string }
            """;

        var run = Run(spec);

        // The operation has no `responses` (a quirk read leniently): said inside the operation, not at the top of the file.
        var warning = run.GeneratorDiagnostics.Where(d => d.Id == "WHG023").ShouldHaveSingleItem();
        warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture).ShouldNotContain("webhookgen");
        DiagnosticAssertions.ShouldPointAt(warning, "/app/hooks.yaml", spec, "requestBody:");
    }
}
