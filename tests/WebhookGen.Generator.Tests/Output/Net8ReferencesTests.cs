using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Shouldly;
using Xunit;

namespace WebhookGen.Generator.Tests.Output;

/// <summary>The net8.0 compile of every receiver can fail on an API newer than .NET 8: its references are net8.0's.</summary>
public sealed class Net8ReferencesTests
{
    [Fact]
    public void An_API_of_NET_9_does_not_compile_against_them_and_one_of_NET_8_does()
    {
        var references = Net8References.Load();

        Problems(references, "class C { object M() => new global::System.Threading.Lock(); }").ShouldContain("CS0234");
        Problems(references, "class C { object M() => global::System.TimeProvider.System; global::Microsoft.AspNetCore.Http.IResult? R; }").ShouldBeEmpty();
    }

    private static string[] Problems(System.Collections.Immutable.ImmutableArray<MetadataReference> references, string source) =>
        CSharpCompilation.Create(
                "Probe",
                [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12))],
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.Id)
            .ToArray();
}
