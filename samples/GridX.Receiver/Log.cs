namespace GridX.Receiver;

/// <summary>The sample's log lines: ids and states only, never personal data from the payload.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "{EventName}: appliance {ApplianceId} ({ApplianceType}) at {Time}")]
    public static partial void ApplianceEvent(ILogger logger, string eventName, Guid? applianceId, string? applianceType, DateTimeOffset time);

    [LoggerMessage(2, LogLevel.Information, "inverter/status: inverter {ApplianceId} went from {LastStatus} to {Status}")]
    public static partial void InverterStatus(ILogger logger, Guid? applianceId, string? lastStatus, string? status);

    [LoggerMessage(3, LogLevel.Information, "{EventName}: gateway {GatewayId} at {Time}")]
    public static partial void GatewayEvent(ILogger logger, string eventName, Guid? gatewayId, DateTimeOffset time);

    [LoggerMessage(4, LogLevel.Information, "ev/plugged: charging station {EvseId} is {State}")]
    public static partial void EvPlugged(ILogger logger, string? evseId, string? state);

    [LoggerMessage(5, LogLevel.Information, "comissioning/done: system {SystemName} commissioned (event {EventId})")]
    public static partial void CommissioningDone(ILogger logger, string? systemName, string? eventId);
}
