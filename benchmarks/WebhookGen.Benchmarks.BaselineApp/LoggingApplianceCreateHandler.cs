using WebhookGen.Benchmarks.Baseline;

namespace WebhookGen.Benchmarks.BaselineApp;

/// <summary>Logs the event as the sample's generated receiver does, so both apps do the same work per request.</summary>
internal sealed class LoggingApplianceCreateHandler(ILogger<LoggingApplianceCreateHandler> logger) : IApplianceCreateHandler
{
    public ValueTask HandleAsync(ApplianceCreateEvent payload, CancellationToken cancellationToken)
    {
        Log.ApplianceEvent(logger, payload.Type, payload.Data?.ApplianceID, payload.Data?.Type, payload.Time);
        return ValueTask.CompletedTask;
    }
}
