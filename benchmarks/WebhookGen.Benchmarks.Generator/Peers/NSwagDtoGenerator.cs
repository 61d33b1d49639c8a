using NSwag;
using NSwag.CodeGeneration.CSharp;

namespace WebhookGen.Benchmarks.Generator.Peers;

/// <summary>
/// The peer: NSwag's C# DTO generation (no client classes, interfaces, exception or response classes) from a spec's
/// JSON text, parse included. NSwag reads JSON only, so YAML specs are converted before the timing.
/// </summary>
internal static class NSwagDtoGenerator
{
    public static string Generate(string specJson)
    {
        var document = OpenApiDocument.FromJsonAsync(specJson).GetAwaiter().GetResult();
        var settings = new CSharpClientGeneratorSettings
        {
            GenerateClientClasses = false,
            GenerateClientInterfaces = false,
            GenerateExceptionClasses = false,
            GenerateResponseClasses = false,
            GenerateDtoTypes = true,
        };
        return new CSharpClientGenerator(document, settings).GenerateFile();
    }
}
