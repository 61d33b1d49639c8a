using System.Collections.Generic;

namespace WebhookGen.Generator.Tests.Corpus;

/// <summary>
/// How many events (so how many handlers) each spec under <c>specs/</c> describes, counted from the document by the
/// project's rule:
/// <list type="number">
/// <item>OpenAPI 3.1 <c>webhooks</c> or a vendor <c>x-webhooks</c>: its operations are the events, and <c>paths</c> is
/// the provider's own API;</item>
/// <item>otherwise <c>callbacks</c>: the callback operations (Swagger 2.0: each <c>x-async-responses</c> entry);</item>
/// <item>otherwise the receiver is written as <c>paths</c>: every operation with a JSON request body (Swagger 2.0: an
/// <c>in: body</c> parameter);</item>
/// <item>and an event whose body schema has a <c>discriminator</c> with a <c>mapping</c> is one event per mapping value.</item>
/// </list>
/// </summary>
internal static class CorpusExpectations
{
    /// <summary>Spec folder under <c>specs/</c> → expected number of events.</summary>
    public static IReadOnlyDictionary<string, int> Events { get; } = new Dictionary<string, int>
    {
        // 8 `webhooks` (merchant.*, paymentMethod*, terminal*); no `paths`; no body discriminator.
        ["adyen-management"] = 8,

        // 48 `webhooks` (/AUTHORISATION, /CAPTURE, …; several share one body schema, each is still its own event).
        ["adyen-payment"] = 48,

        // 2 `webhooks` (balancePlatform.transfer.created/updated); their discriminators sit on properties, not the body.
        ["adyen-transfer"] = 2,

        // 9 `x-webhooks` (JobCreated … ApplicationCreated) beside 2 vendor keys in the same map (`x-sdk-exclude`,
        // `x-speakeasy-ignore`: booleans, not events); 3.0.0. Each operation names its event in `x-apideck-event-type`,
        // the value of the required `x-apideck-event-type` header; all share one body shape.
        ["apideck-ats"] = 9,

        // 1 callback (POST notifications `{$request.body#/sink}`) whose body `CloudEvent` has
        // `discriminator.propertyName: type` with a 5-entry `mapping` (roaming-status, roaming-change-country,
        // roaming-off, roaming-on, subscription-ends) → 5. (The corpus README says 6; the document maps 5.)
        ["camara-device-roaming-status"] = 5,

        // A spec spread over three files in its source's layout (code/API_definitions/quality-on-demand.yaml, whose `$ref`s
        // point into code/common/CAMARA_common.yaml and CAMARA_event_common.yaml). 1 callback (notifications:
        // POST `{$request.body#/sink}`) whose body `QosNotificationEvent` (allOf the common CloudEvent) has a
        // discriminator mapping 1 type (qos-status-changed) → 1.
        ["camara-quality-on-demand"] = 1,

        // 45 `x-webhooks` (email.created … waitlistEntry.updated) in a 3.0.3 document with no `paths`; the operations
        // have no `responses`. Delivered through Svix.
        ["clerk-webhooks"] = 45,

        // Written for WebhookGen: receiver written as `paths`: 3 POST /shipments/... operations with JSON bodies. The
        // signature (`X-Acme-Signature`) is declared by `x-webhook-signature`, the delivery id by `x-webhook-delivery-id`.
        ["declared-signature"] = 3,

        // Swagger 2.0: 2 `x-async-responses` entries (commentStream, deployment) on POST /repos/owner/repo/hooks, which
        // is the provider's subscription API; the header `eventDiscriminator` has no mapping.
        ["github-async-responses"] = 2,

        // 261 `webhooks` (branch-protection-configuration-disabled … workflow-run-requested); no `paths`. GitHub's own
        // description, 4.8 MB: every event arrives at one URL, named by X-GitHub-Event and the body's `action`.
        ["github"] = 261,

        // Receiver written as `paths`: 9 POST /events/... operations with JSON bodies; no webhooks or callbacks.
        ["gridx"] = 9,

        // Receiver written as `paths` (3.1.0): POST /quote and POST /swap carry JSON bodies; GET /tokens has none, so it
        // is not an event. The provider reads the receiver's 200 response body (a quote, a swap answer).
        ["jupiter-rfq"] = 2,

        // 2 `x-webhooks` (events, tracking_events), payload modelled as the 200 response; 105 `paths` are Lob's API.
        ["lob"] = 2,

        // 1 callback (onData: POST `{$request.query.callbackUrl}/data`); POST /streams is the subscription API.
        ["oai-callback-example"] = 1,

        // 1 `webhooks` operation (newPet); no `paths`.
        ["oai-webhook-example"] = 1,

        // 16 `webhooks` (batch_*, eval_run_*, fine_tuning_job_*, realtime/live_call_incoming, response_*);
        // 288 `paths` operations are OpenAI's API.
        ["openai"] = 16,

        // 1 `webhooks` operation (publishNewEvent) beside 8 `paths` operations of the museum API.
        ["redocly-museum"] = 1,

        // 17 `webhooks` (email.*, contact.*, domain.*) beside Resend's API in `paths`; responses keyed `2XX`.
        ["resend"] = 17,

        // No `webhooks` or `callbacks`: 146 component schemas carry a vendor marker `x-webhook: { event: ... }` (bank_account.created
        // … vendor.updated), the events Square delivers; the 316 `paths` operations are Square's API, not events → 146.
        ["square"] = 146,

        // Written for WebhookGen: 3 `webhooks` (invoice.paid, invoice.payment_failed, subscription.canceled), no `paths`;
        // each pins `type` with `const`, so they share one route. Signed as Standard Webhooks (webhook-id/-timestamp/-signature).
        ["standard-webhooks"] = 3,

        // Written for WebhookGen: 3.0 with no `webhooks`, so 1 callback (`events`: POST `{$request.body#/url}`) whose body
        // `Event` is a oneOf with `discriminator.propertyName: type` and a 4-entry `mapping` (payment_intent.succeeded,
        // payment_intent.payment_failed, charge.refunded, customer.created) → 4. POST /webhook_endpoints is the
        // subscription API. Signed with `Stripe-Signature`.
        ["stripe-style"] = 4,

        // 7 `x-webhooks` (Endpoint{Created,Deleted,Disabled,Updated}Event, MessageAttempt{Exhausted,Failing,Recovered}Event);
        // 43 `paths` operations are Svix's API.
        ["svix"] = 7,

        // Swagger 2.0 as `paths`, no webhooks/callbacks/x-async-responses: 7 operations with an `in: body` parameter —
        // the 4 POST /listener/*Event plus POST /customer, PATCH /customer/{id} and POST /hub, which the rule counts too.
        ["tmf629-customer-management"] = 7,
        // Written for WebhookGen: 1 `paths` operation (POST /event-notifications), body `application/jwt` whose claims are
        // an object (Open Banking UK shape) → 1.
        ["jwt-event-notification"] = 1,

        // 1 callback (message-status: POST `{$request.body#/callback}`) and 1 `x-webhooks` entry (inbound-message) written
        // as a callback (name → runtime expression → path item), not as ReDoc's name → path item; both are deliveries → 2.
        ["vonage-messages"] = 2,

        // 2 callbacks (onData, onDataUnknownRoaming) on GET /advanced/async/{format}, both POSTed to
        // `{$request.query.callback}`; each offers application/json and text/xml. Nothing in the document tells them apart.
        ["vonage-number-insight"] = 2,

        // 1 callback (delivery-receipt: POST `{$request.body#/callback}`) and 1 `x-webhooks` entry (inbound-sms) written as
        // a callback (name → runtime expression → path item), not as ReDoc's name → path item; both are deliveries → 2.
        ["vonage-sms"] = 2,

        // A spec spread over two files: voice.v2.yml refers into voice.yml for schemas and even for its operation's `summary`,
        // `description` and `operationId`. 1 callback (delivery-receipt: POST `{$request.body#/event_url}`) → 1.
        ["vonage-voice-v2"] = 1,

        // 4 `webhooks` (invoices, subscriptions, contacts, creditNotes) in 3.1.1; no `paths`. Three share the body schema
        // `WebhookEvent`, a batch (`events` array) whose `eventCategory`/`eventType` are `oneOf` of `const` strings.
        ["xero-webhooks"] = 4,
    };
}
