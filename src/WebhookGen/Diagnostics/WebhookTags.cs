namespace WebhookGen.Diagnostics;

/// <summary>The attribute names WebhookGen puts on its measurements and spans.</summary>
internal static class WebhookTags
{
    public const string Receiver = "webhookgen.receiver";
    public const string Event = "webhookgen.event";
    public const string RejectionReason = "webhookgen.rejection.reason";
    public const string Outcome = "webhookgen.outcome";

    // A drifted member's path from the spec's wire names ([] for items): bounded by the spec, never an index or a value.
    public const string DriftKind = "webhookgen.drift.kind";
    public const string DriftMember = "webhookgen.drift.member";

    // Span only: one value per delivery, unbounded, so never on a measurement.
    public const string EventId = "webhookgen.event.id";
    public const string DeliveryId = "webhookgen.delivery.id";

    // OpenTelemetry's general attributes.
    public const string ErrorType = "error.type";
    public const string StatusCode = "http.response.status_code";
}
