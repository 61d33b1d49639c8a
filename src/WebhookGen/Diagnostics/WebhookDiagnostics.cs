namespace WebhookGen.Diagnostics;

/// <summary>
/// The names to subscribe to WebhookGen's telemetry by: <c>AddMeter(WebhookDiagnostics.MeterName)</c> and
/// <c>AddSource(WebhookDiagnostics.ActivitySourceName)</c> with OpenTelemetry. See docs/observability.md.
/// </summary>
public static class WebhookDiagnostics
{
    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/> every receiver records its deliveries on.</summary>
    public const string MeterName = "WebhookGen";

    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/> that starts one span per delivery.</summary>
    public const string ActivitySourceName = "WebhookGen";
}
