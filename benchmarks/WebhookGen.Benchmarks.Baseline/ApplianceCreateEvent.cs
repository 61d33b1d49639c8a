namespace WebhookGen.Benchmarks.Baseline;

/// <summary>
/// The gridX <c>appliance/create</c> event, written by hand with the same properties, types and required members as
/// the type WebhookGen generates. The spec's open enums are plain strings here (the generated ones wrap a string).
/// </summary>
public sealed record ApplianceCreateEvent
{
    public required Guid Id { get; init; }

    public required DateTimeOffset Time { get; init; }

    public string? DataContentType { get; init; }

    public required string SpecVersion { get; init; }

    public required string Source { get; init; }

    public Guid? CorrelationID { get; init; }

    public required string Type { get; init; }

    public ApplianceEventData? Data { get; init; }
}

/// <summary>The <c>data</c> of the <c>appliance/*</c> events.</summary>
public sealed record ApplianceEventData
{
    public required Guid ApplianceID { get; init; }

    public required Guid GatewayID { get; init; }

    public string? Model { get; init; }

    public string? Manufacturer { get; init; }

    public string? Type { get; init; }

    public string? Kind { get; init; }

    public string? Name { get; init; }

    public string? SerialNumber { get; init; }

    public required Guid SystemID { get; init; }

    public string? SystemName { get; init; }
}
