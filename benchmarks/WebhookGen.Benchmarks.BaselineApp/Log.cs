namespace WebhookGen.Benchmarks.BaselineApp;

/// <summary>The same log line as the sample's <c>Log.ApplianceEvent</c>.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "{EventName}: appliance {ApplianceId} ({ApplianceType}) at {Time}")]
    public static partial void ApplianceEvent(ILogger logger, string eventName, Guid? applianceId, string? applianceType, DateTimeOffset time);
}
