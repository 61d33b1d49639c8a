using System.Linq;
using Shouldly;
using WebhookGen.Generator.Tests.Corpus;
using WebhookGen.Generator.Tests.Infrastructure;
using Xunit;

namespace WebhookGen.Generator.Tests.Reading;

/// <summary>
/// Events marked by a vendor extension on a payload schema or on an operation are events, and the document's
/// <c>paths</c> are then the provider's API (docs/spec-styles.md#events-marked-by-vendor-extensions).
/// </summary>
public sealed class EventMarkerTests
{
    /// <summary>A provider's API (a GET, a POST, security) whose two event payloads are marked with <c>{marker}</c>.</summary>
    private static string BillingApi(string paidMarker, string voidedMarker) => $$"""
        openapi: 3.0.3
        info:
          title: Billing API
          version: '1'
        servers:
        - url: https://api.example.test/v1
        security:
        - bearer: []
        paths:
          /invoices:
            get:
              operationId: listInvoices
              responses:
                '200':
                  description: ok
            post:
              operationId: createInvoice
              requestBody:
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/Invoice'
              responses:
                '201':
                  description: created
        components:
          securitySchemes:
            bearer:
              type: http
              scheme: bearer
          schemas:
            Invoice:
              type: object
              properties:
                id:
                  type: string
            InvoicePaid:
              description: Sent when an invoice is paid.
              {{paidMarker}}
              type: object
              required: [type, invoice]
              properties:
                type:
                  type: string
                invoice:
                  $ref: '#/components/schemas/Invoice'
            InvoiceVoided:
              {{voidedMarker}}
              type: object
              required: [type, invoice]
              properties:
                type:
                  type: string
                invoice:
                  $ref: '#/components/schemas/Invoice'
        """;

    private static GeneratorRun Run(string spec) => CorpusReceiver.RunWithHandlers(new CorpusSpec("inline", "/app/hooks.yaml", spec));

    private static string[] HandlerNames(GeneratorRun run) => CorpusReceiver.Handlers(run).Select(h => h.Identifier.Text).ToArray();

    [Fact]
    public void Schemas_marked_x_webhook_are_events_on_one_route_and_the_paths_are_the_providers_api()
    {
        var run = Run(BillingApi("x-webhook: { event: invoice.paid }", "x-webhook: { event: invoice.voided }"));

        HandlerNames(run).ShouldBe(["OnInvoicePaidAsync", "OnInvoiceVoidedAsync"], ignoreOrder: true);
        run.CompilationProblems.ShouldBeEmpty();
        run.GeneratorDiagnostics.ShouldNotContain(d => d.Id == "WHG022" || d.Id == "WHG010" || d.Id == "WHG012");
        var webhooks = run.Source(".Webhooks.g.cs");
        webhooks.ShouldContain("defaultRoutePrefix: \"/webhooks\"");
        webhooks.ShouldContain("WebhookEventSelector.BodyProperty(\"type\")");
        webhooks.ShouldContain("new(\"invoice.paid\", InvoicePaid)");
        webhooks.ShouldNotContain("CreateInvoice");
        run.Source(".Receiver.g.cs").ShouldContain("Sent when an invoice is paid.");
    }

    [Theory]
    [InlineData("x-webhook: invoice.paid", "x-webhook: invoice.voided", "invoice.paid")]
    [InlineData("x-webhook-event: invoice.paid", "x-webhook-event: invoice.voided", "invoice.paid")]
    [InlineData("x-event: { name: invoice.paid }", "x-event: { name: invoice.voided }", "invoice.paid")]
    [InlineData("x-event-name: invoice.paid", "x-event-name: invoice.voided", "invoice.paid")]
    [InlineData("x-event-type: { type: invoice.paid }", "x-event-type: { type: invoice.voided }", "invoice.paid")]
    [InlineData("x-webhook: true", "x-webhook: true", "InvoicePaid")]
    [InlineData("'x-stripeEvent': { type: invoice.paid }", "'x-stripeEvent': { type: invoice.voided }", "invoice.paid")]
    public void Every_recognised_marker_in_every_form_names_its_event(string paidMarker, string voidedMarker, string paidName)
    {
        var run = Run(BillingApi(paidMarker, voidedMarker));

        HandlerNames(run).Length.ShouldBe(2);
        run.CompilationProblems.ShouldBeEmpty();
        run.Source(".Webhooks.g.cs").ShouldContain($"\"{paidName}\"");
    }

    [Fact]
    public void A_marker_set_to_false_marks_nothing()
    {
        var run = Run(BillingApi("x-webhook: { event: invoice.paid }", "x-webhook: false"));

        HandlerNames(run).ShouldBe(["OnInvoicePaidAsync"]);
    }

    [Fact]
    public void A_document_with_webhooks_takes_its_events_from_them_not_from_markers()
    {
        var spec = BillingApi("x-webhook: { event: invoice.paid }", "x-webhook: { event: invoice.voided }")
            .Replace("openapi: 3.0.3", "openapi: 3.1.0", System.StringComparison.Ordinal)
            .Replace("components:\n", """
                webhooks:
                  invoicePaid:
                    post:
                      requestBody:
                        content:
                          application/json:
                            schema:
                              $ref: '#/components/schemas/InvoicePaid'
                      responses:
                        '200':
                          description: ok
                components:

                """, System.StringComparison.Ordinal);

        var run = Run(spec);

        HandlerNames(run).ShouldBe(["OnInvoicePaidAsync"]);
        run.Source(".Webhooks.g.cs").ShouldContain("\"invoicePaid\"");
    }

    [Fact]
    public void Swagger2_definitions_marked_x_webhook_are_events()
    {
        const string spec = """
            swagger: '2.0'
            info:
              title: Shop API
              version: '1'
            paths:
              /orders:
                get:
                  responses:
                    '200':
                      description: ok
            definitions:
              OrderPlaced:
                x-webhook:
                  event: order.placed
                type: object
                required: [event]
                properties:
                  event:
                    type: string
                    enum: [order.placed]
                  total:
                    type: number
              OrderShipped:
                x-webhook:
                  event: order.shipped
                type: object
                required: [event]
                properties:
                  event:
                    type: string
                    enum: [order.shipped]
                  carrier:
                    type: string
            """;

        var run = Run(spec);

        HandlerNames(run).ShouldBe(["OnOrderPlacedAsync", "OnOrderShippedAsync"], ignoreOrder: true);
        run.CompilationProblems.ShouldBeEmpty();
        run.Source(".Webhooks.g.cs").ShouldContain("WebhookEventSelector.BodyProperty(\"event\")");
    }

    [Fact]
    public void An_operation_marked_x_webhook_is_an_event_named_by_its_operation_id_and_the_other_paths_are_the_api()
    {
        const string spec = """
            openapi: 3.0.3
            info:
              title: Payments API
              version: '1'
            paths:
              /payments:
                get:
                  responses:
                    '200':
                      description: ok
                post:
                  requestBody:
                    content:
                      application/json:
                        schema:
                          $ref: '#/components/schemas/Payment'
                  responses:
                    '201':
                      description: created
              /your-webhook-url:
                parameters:
                - name: X-Hub-Signature-256
                  in: header
                  schema:
                    type: string
                post:
                  operationId: paymentSettled
                  x-webhook: true
                  requestBody:
                    content:
                      application/json:
                        schema:
                          $ref: '#/components/schemas/Payment'
                  responses:
                    '200':
                      description: ok
            components:
              schemas:
                Payment:
                  type: object
                  properties:
                    id:
                      type: string
            """;

        var run = Run(spec);

        HandlerNames(run).ShouldBe(["OnPaymentSettledAsync"]);
        run.CompilationProblems.ShouldBeEmpty();
        run.GeneratorDiagnostics.ShouldNotContain(d => d.Id == "WHG009", "the path-level signature header applies to the event");
        run.Source(".Webhooks.g.cs").ShouldContain("defaultRoutePrefix: \"/webhooks\"");
    }

    [Fact]
    public void A_stripe_snapshot_event_is_received_in_its_event_envelope_and_told_apart_by_type()
    {
        const string spec = """
            openapi: 3.0.0
            info:
              title: Stripe API
              version: '2025'
            paths:
              /v1/charges:
                get:
                  responses:
                    '200':
                      description: ok
            components:
              schemas:
                charge:
                  type: object
                  required: [id, amount]
                  properties:
                    id:
                      type: string
                    amount:
                      type: integer
                notification_event_data:
                  type: object
                  required: [object]
                  properties:
                    object:
                      type: object
                event:
                  type: object
                  required: [id, object, type, data]
                  properties:
                    id:
                      type: string
                    object:
                      type: string
                      enum: [event]
                    type:
                      type: string
                    data:
                      $ref: '#/components/schemas/notification_event_data'
                charge.succeeded:
                  description: Occurs whenever a charge is successful.
                  type: object
                  required: [object]
                  properties:
                    object:
                      $ref: '#/components/schemas/charge'
                  x-stripeEvent:
                    type: charge.succeeded
                charge.refunded:
                  type: object
                  required: [object]
                  properties:
                    object:
                      $ref: '#/components/schemas/charge'
                  x-stripeEvent:
                    type: charge.refunded
            """;

        var run = Run(spec);

        CorpusReceiver.Handlers(run).Select(h => h.ParameterList.Parameters[0].Type!.ToString().Split('.').Last())
            .ShouldBe(["ChargeSucceededEvent", "ChargeRefundedEvent"], ignoreOrder: true);
        run.CompilationProblems.ShouldBeEmpty();
        var webhooks = run.Source(".Webhooks.g.cs");
        webhooks.ShouldContain("WebhookEventSelector.BodyProperty(\"type\")");
        webhooks.ShouldContain("new(\"charge.succeeded\", ChargeSucceeded)");
        run.Sources.Single(s => s.HintName.EndsWith(".Models.ChargeSucceededEvent.g.cs", System.StringComparison.Ordinal))
            .SourceText.ToString().ShouldContain("required ChargeSucceeded Data");
    }
}
