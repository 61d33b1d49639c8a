using System.Globalization;
using System.Linq;
using Shouldly;
using WebhookGen.Generator.Tests.Infrastructure;
using Xunit;

namespace WebhookGen.Generator.Tests.References;

/// <summary>WHG007 for a reference into another file: only when that file is truly missing, and where the reference is written.</summary>
public sealed class UnresolvedFileReferenceTests
{
    private const string A = """
        A:
          type: object
          properties:
            b:
              $ref: 'b.yaml#/B'
            c:
              $ref: 'missing.yaml#/C'
        """;

    private const string B = """
        B:
          type: object
          properties:
            n:
              type: integer
        """;

    [Fact]
    public void A_reference_into_a_file_that_is_no_additional_file_is_reported_in_the_file_that_holds_it_at_its_line()
    {
        var run = MultiFileSpecs.Run(
            new InMemoryAdditionalText("/app/root.yaml", MultiFileSpecs.Root("a.yaml#/A")),
            new InMemoryAdditionalText("/app/a.yaml", A),
            new InMemoryAdditionalText("/app/b.yaml", B));

        var unresolved = run.GeneratorDiagnostics.Where(d => d.Id == "WHG007").ShouldHaveSingleItem();
        var message = unresolved.GetMessage(CultureInfo.InvariantCulture);
        message.ShouldContain("missing.yaml#/C");
        message.ShouldContain("add /app/missing.yaml as an AdditionalFiles item");
        DiagnosticAssertions.ShouldPointAt(unresolved, "/app/a.yaml", A, "$ref: 'missing.yaml#/C'");
        run.Source(".Models.A.g.cs").ShouldContain("global::System.Text.Json.JsonElement? C");
        run.Source(".Models.A.g.cs").ShouldContain("public B? B");
    }

    [Fact]
    public void A_reference_to_nothing_in_a_file_that_is_given_says_so_and_does_not_ask_for_the_file()
    {
        var a = A.Replace("missing.yaml#/C", "b.yaml#/C", System.StringComparison.Ordinal);
        var run = MultiFileSpecs.Run(
            new InMemoryAdditionalText("/app/root.yaml", MultiFileSpecs.Root("a.yaml#/A")),
            new InMemoryAdditionalText("/app/a.yaml", a),
            new InMemoryAdditionalText("/app/b.yaml", B));

        var unresolved = run.GeneratorDiagnostics.Where(d => d.Id == "WHG007").ShouldHaveSingleItem();
        var message = unresolved.GetMessage(CultureInfo.InvariantCulture);
        message.ShouldContain("nothing is at '#/C' in /app/b.yaml");
        message.ShouldNotContain("AdditionalFiles");
        DiagnosticAssertions.ShouldPointAt(unresolved, "/app/a.yaml", a, "$ref: 'b.yaml#/C'");
    }

    [Fact]
    public void A_file_that_cannot_be_read_is_reported_once_as_unreadable_not_as_missing()
    {
        var run = MultiFileSpecs.Run(
            new InMemoryAdditionalText("/app/root.yaml", MultiFileSpecs.Root("a.yaml#/A")),
            new InMemoryAdditionalText("/app/a.yaml", A.Replace("missing.yaml#/C", "b.yaml#/C", System.StringComparison.Ordinal)),
            new InMemoryAdditionalText("/app/b.yaml", "B: [unclosed\n"));

        run.GeneratorDiagnostics.ShouldNotContain(d => d.Id == "WHG007");
        var unreadable = run.GeneratorDiagnostics.Where(d => d.Id == "WHG003").ShouldHaveSingleItem();
        unreadable.Location.GetLineSpan().Path.ShouldBe("/app/b.yaml");
    }

    [Fact]
    public void A_problem_in_a_schema_from_another_file_is_located_in_that_file()
    {
        var b = """
            B:
              type: object
              properties:
                n:
                  type: [integer, boolean]
            """;
        var run = MultiFileSpecs.Run(
            new InMemoryAdditionalText("/app/root.yaml", MultiFileSpecs.Root("a.yaml#/A")),
            new InMemoryAdditionalText("/app/a.yaml", A.Replace("missing.yaml#/C", "b.yaml#/B", System.StringComparison.Ordinal)),
            new InMemoryAdditionalText("/app/b.yaml", b));

        var untyped = run.GeneratorDiagnostics.Where(d => d.Id == "WHG008").ShouldHaveSingleItem();
        DiagnosticAssertions.ShouldPointAt(untyped, "/app/b.yaml", b, "type: [integer, boolean]");
    }
}
