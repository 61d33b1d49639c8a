using System.Text.Json.Serialization;

namespace WebhookGen.Benchmarks.Baseline;

/// <summary>System.Text.Json source-generated metadata for the hand-written event: no reflection, Native AOT safe.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ApplianceCreateEvent))]
public sealed partial class GridXJsonContext : JsonSerializerContext;
