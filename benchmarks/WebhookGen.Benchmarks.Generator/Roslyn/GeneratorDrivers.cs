using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WebhookGen.Generator;

namespace WebhookGen.Benchmarks.Generator.Roslyn;

/// <summary>Fresh drivers over the WebhookGen generator, as a build (no step tracking) or an IDE session under test (tracking).</summary>
internal static class GeneratorDrivers
{
    public static GeneratorDriver Create(AdditionalText spec, bool trackSteps) =>
        CSharpGeneratorDriver.Create(
            [new WebhookReceiverGenerator().AsSourceGenerator()],
            [spec],
            ReceiverProject.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackSteps));
}
