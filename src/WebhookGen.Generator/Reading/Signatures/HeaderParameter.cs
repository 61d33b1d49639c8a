using Microsoft.OpenApi;

namespace WebhookGen.Generator.Reading.Signatures;

/// <summary>A header an event declares, with where it stands in the spec (for diagnostics).</summary>
internal sealed record HeaderParameter(IOpenApiParameter Parameter, string Pointer)
{
    public string Name => Parameter.Name ?? string.Empty;

    /// <summary>The example's text, when the spec gives a string example.</summary>
    public string? Example =>
        Parameter.Example?.GetValueKind() == System.Text.Json.JsonValueKind.String ? Parameter.Example.GetValue<string>() : null;
}
