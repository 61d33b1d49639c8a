using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Shouldly;
using WebhookGen.Generator.Tests.Infrastructure;
using Xunit;

namespace WebhookGen.Generator.Tests;

/// <summary>
/// A schema type that is no JSON Schema type is one WHG027 at its line and nothing else; with
/// <c>&lt;WebhookGenStrict&gt;true&lt;/WebhookGenStrict&gt;</c> it and an unresolved <c>$ref</c> (WHG007) are errors.
/// </summary>
public sealed class StrictModeTests
{
    private const string SpecPath = "/app/hooks.yaml";

    private static readonly string MistypedSpec = MiniSpecs.OneEvent.Replace("type: integer", "type: intger", System.StringComparison.Ordinal);

    private static readonly string UnresolvedSpec = MiniSpecs.OneEvent.Replace("""
                count:
                  type: integer
                  format: int32
        """, """
                count:
                  $ref: '#/components/schemas/Missing'
        """, System.StringComparison.Ordinal);

    [Fact]
    public void A_type_that_is_no_json_schema_type_is_one_warning_at_its_line_and_the_value_is_raw_json()
    {
        MistypedSpec.ShouldNotBe(MiniSpecs.OneEvent);

        var run = GeneratorHarness.Run(MiniSpecs.ReceiverSource, new InMemoryAdditionalText(SpecPath, MistypedSpec));

        var diagnostic = run.GeneratorDiagnostics.ShouldHaveSingleItem("one diagnostic for one mistake: no WHG011 beside it");
        diagnostic.Id.ShouldBe("WHG027");
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Warning);
        diagnostic.GetMessage(CultureInfo.InvariantCulture).ShouldStartWith("'intger' is not a JSON Schema type");
        var line = diagnostic.Location.GetLineSpan().StartLinePosition.Line;
        MistypedSpec.Split('\n')[line].Trim().ShouldBe("type: intger");
        run.Source(".Models.Ping.g.cs").ShouldContain("global::System.Text.Json.JsonElement? Count");
        run.CompilationProblems.Where(d => d.Id != "CS8795").ShouldBeEmpty();
    }

    [Fact]
    public void Each_unknown_type_of_a_type_list_is_reported_and_the_known_ones_kept()
    {
        var spec = MiniSpecs.OneEvent.Replace("openapi: 3.0.3", "openapi: 3.1.0", System.StringComparison.Ordinal)
            .Replace("type: integer", "type: [intger, 'null', texte]", System.StringComparison.Ordinal);

        var run = GeneratorHarness.Run(MiniSpecs.ReceiverSource, new InMemoryAdditionalText(SpecPath, spec));

        run.GeneratorDiagnostics.Select(d => d.Id).ShouldBe(["WHG027", "WHG027"]);
        run.GeneratorDiagnostics.Select(d => d.GetMessage(CultureInfo.InvariantCulture)[..8]).ShouldBe(["'intger'", "'texte' "]);
    }

    [Theory]
    [InlineData(null, DiagnosticSeverity.Warning)]
    [InlineData("false", DiagnosticSeverity.Warning)]
    [InlineData("true", DiagnosticSeverity.Error)]
    [InlineData(" True ", DiagnosticSeverity.Error)]
    public void Strict_mode_makes_an_unknown_type_and_an_unresolved_reference_errors(string? property, DiagnosticSeverity expected)
    {
        var mistyped = Run(MistypedSpec, property);
        var unresolved = Run(UnresolvedSpec, property);

        mistyped.Single(d => d.Id == "WHG027").Severity.ShouldBe(expected);
        unresolved.Single(d => d.Id == "WHG007").Severity.ShouldBe(expected);
    }

    [Fact]
    public void Strict_mode_leaves_other_warnings_alone()
    {
        var spec = MiniSpecs.OneEvent.Replace("X-Hub-Signature-256", "X-Unrelated-Header", System.StringComparison.Ordinal);

        var diagnostics = Run(spec, "true");

        var noScheme = diagnostics.Single(d => d.Id == "WHG009");
        noScheme.Severity.ShouldBe(DiagnosticSeverity.Warning);
    }

    private static System.Collections.Immutable.ImmutableArray<Diagnostic> Run(string spec, string? strict)
    {
        var properties = new Dictionary<string, string>();
        if (strict is not null)
        {
            properties["WebhookGenStrict"] = strict;
        }

        return GeneratorHarness.Run(MiniSpecs.ReceiverSource, properties, new InMemoryAdditionalText(SpecPath, spec)).GeneratorDiagnostics;
    }
}
