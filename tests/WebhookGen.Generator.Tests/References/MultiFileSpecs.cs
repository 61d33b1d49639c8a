using System.Linq;
using Microsoft.CodeAnalysis;
using Shouldly;
using WebhookGen.Generator.Tests.Infrastructure;
using WebhookGen.Generator.Tests.Schemas;

namespace WebhookGen.Generator.Tests.References;

/// <summary>Small specs spread over several files, and a way to run the generator over them.</summary>
internal static class MultiFileSpecs
{
    /// <summary>
    /// A 3.1 root with one event, <c>hook</c>, whose body is <paramref name="bodyReference"/>; <paramref name="schemas"/>
    /// is the YAML under its <c>components/schemas</c>, unindented.
    /// </summary>
    public static string Root(string bodyReference, string schemas = "Unused:\n  type: string") =>
        SchemaHarness.Spec(schemas, body: bodyReference);

    /// <summary>Runs the generator (with the handlers implemented) over the files; the first is the spec the receiver names.</summary>
    public static GeneratorRun Run(params InMemoryAdditionalText[] files) =>
        SchemaHarness.Run(files[0].Path.Substring(files[0].Path.LastIndexOf('/') + 1), files);

    /// <summary>Runs the generator, checks there is no warning and the output compiles with none, and loads it.</summary>
    public static Generated Load(params InMemoryAdditionalText[] files)
    {
        var run = Run(files);
        run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ShouldBeEmpty();
        run.CompilationProblems.Select(d => d.ToString()).ShouldBeEmpty();
        return Generated.Load(run);
    }
}
