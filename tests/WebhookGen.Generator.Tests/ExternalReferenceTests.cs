using System.Linq;
using Microsoft.CodeAnalysis;
using Shouldly;
using WebhookGen.Generator.Tests.Infrastructure;
using Xunit;

namespace WebhookGen.Generator.Tests;

/// <summary>A <c>$ref</c> into another spec file that is also an AdditionalFiles item.</summary>
public sealed class ExternalReferenceTests
{
    private const string Main = """
        openapi: 3.1.0
        info:
          title: Payments
          version: '1'
        webhooks:
          paymentSettled:
            post:
              requestBody:
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/PaymentSettled'
              responses:
                '200':
                  description: ok
        components:
          schemas:
            PaymentSettled:
              type: object
              required: [id, amount]
              properties:
                id:
                  type: string
                amount:
                  $ref: 'shared/common.yaml#/components/schemas/Money'
                payer:
                  $ref: './shared/party.yaml'
        """;

    private const string Common = """
        openapi: 3.1.0
        info:
          title: Common
          version: '1'
        paths: {}
        components:
          schemas:
            Money:
              type: object
              required: [value, currency]
              properties:
                value:
                  type: number
                  format: decimal
                currency:
                  $ref: '#/components/schemas/Currency'
            Currency:
              type: string
              enum: [EUR, USD]
        """;

    private const string Party = """
        type: object
        properties:
          name:
            type: string
          currency:
            $ref: 'common.yaml#/components/schemas/Currency'
        """;

    private const string Receiver = """
        using WebhookGen;

        namespace Payments;

        [WebhookReceiver("payments.yaml")]
        public partial class PaymentsReceiver
        {
            public partial System.Threading.Tasks.ValueTask<WebhookResult> OnPaymentSettledAsync(PaymentSettled payload, WebhookContext context, System.Threading.CancellationToken cancellationToken) => new(WebhookResult.Ok());
        }
        """;

    [Fact]
    public void Types_from_a_referenced_file_are_generated_and_compile()
    {
        var run = GeneratorHarness.Run(
            Receiver,
            new InMemoryAdditionalText("/app/payments.yaml", Main),
            new InMemoryAdditionalText("/app/shared/common.yaml", Common),
            new InMemoryAdditionalText("/app/shared/party.yaml", Party));

        run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id != "WHG009").ShouldBeEmpty();
        run.CompilationProblems.Select(d => d.ToString()).ShouldBeEmpty();
        var settled = run.Source(".Models.PaymentSettled.g.cs");
        settled.ShouldContain("public required Money Amount");
        settled.ShouldContain("public Party? Payer");
        run.Source(".Models.Money.g.cs").ShouldContain("public required Currency Currency");
        run.Sources.Count(s => s.HintName.EndsWith(".Models.Currency.g.cs", System.StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public void A_reference_into_a_file_that_is_not_an_additional_file_is_a_warning_naming_it()
    {
        var run = GeneratorHarness.Run(Receiver, new InMemoryAdditionalText("/app/payments.yaml", Main));

        var unresolved = run.GeneratorDiagnostics.Where(d => d.Id == "WHG007").Select(d => d.GetMessage()).ToList();
        unresolved.ShouldContain(m => m.Contains("shared/common.yaml#/components/schemas/Money"));
        run.GeneratorDiagnostics.ShouldAllBe(d => d.Severity != DiagnosticSeverity.Error);
        run.Source(".Models.PaymentSettled.g.cs").ShouldContain("global::System.Text.Json.JsonElement Amount");
    }

    [Fact]
    public void Editing_a_referenced_file_reads_the_spec_again_and_editing_another_does_not()
    {
        var main = new InMemoryAdditionalText("/app/payments.yaml", Main);
        var common = new InMemoryAdditionalText("/app/shared/common.yaml", Common);
        var party = new InMemoryAdditionalText("/app/shared/party.yaml", Party);
        var other = new InMemoryAdditionalText("/app/other.yaml", "unrelated: true\n");
        var compilation = GeneratorHarness.CreateCompilation(Receiver);
        var driver = GeneratorHarness.CreateDriver(main, common, party, other).RunGenerators(compilation);

        var afterOther = driver.ReplaceAdditionalText(other, new InMemoryAdditionalText("/app/other.yaml", "unrelated: false\n")).RunGenerators(compilation);
        Reasons(afterOther, TrackingNames.Specs).ShouldAllBe(r => r == IncrementalStepRunReason.Cached);

        var afterCommon = afterOther.ReplaceAdditionalText(common, new InMemoryAdditionalText("/app/shared/common.yaml", Common.Replace("[EUR, USD]", "[EUR, USD, GBP]"))).RunGenerators(compilation);
        Reasons(afterCommon, TrackingNames.Specs).ShouldContain(IncrementalStepRunReason.Modified);
        afterCommon.GetRunResult().Results.Single().GeneratedSources
            .Single(s => s.HintName.EndsWith(".Models.Currency.g.cs", System.StringComparison.Ordinal)).SourceText.ToString()
            .ShouldContain("\"GBP\"");
    }

    [Fact]
    public void Editing_a_file_reached_only_through_another_regenerates_and_editing_an_unrelated_one_reads_nothing_again()
    {
        var main = new InMemoryAdditionalText("/app/payments.yaml", Main.Replace("'./shared/party.yaml'", "'./shared/party.yaml'\n        tags:\n          $ref: 'shared/tags.yaml'", System.StringComparison.Ordinal));
        var common = new InMemoryAdditionalText("/app/shared/common.yaml", Common);
        var party = new InMemoryAdditionalText("/app/shared/party.yaml", Party);
        var tags = new InMemoryAdditionalText("/app/shared/tags.yaml", "type: object\nproperties:\n  colour:\n    $ref: 'colour.yaml'\n");
        var colour = new InMemoryAdditionalText("/app/shared/colour.yaml", "type: string\nenum: [red, blue]\n");
        var other = new InMemoryAdditionalText("/app/other.yaml", "unrelated: true\n");
        var compilation = GeneratorHarness.CreateCompilation(Receiver);
        var driver = GeneratorHarness.CreateDriver(main, common, party, tags, colour, other).RunGenerators(compilation);
        Generated(driver, ".Models.Colour.g.cs").ShouldContain("\"blue\"");

        var afterOther = driver.ReplaceAdditionalText(other, new InMemoryAdditionalText("/app/other.yaml", "unrelated: false\n")).RunGenerators(compilation);
        Reasons(afterOther, TrackingNames.SpecSources).ShouldAllBe(r => r == IncrementalStepRunReason.Unchanged || r == IncrementalStepRunReason.Cached);
        Reasons(afterOther, TrackingNames.Specs).ShouldAllBe(r => r == IncrementalStepRunReason.Cached);

        var afterColour = afterOther.ReplaceAdditionalText(colour, new InMemoryAdditionalText("/app/shared/colour.yaml", "type: string\nenum: [red, blue, green]\n")).RunGenerators(compilation);
        Reasons(afterColour, TrackingNames.Specs).ShouldContain(IncrementalStepRunReason.Modified);
        Generated(afterColour, ".Models.Colour.g.cs").ShouldContain("\"green\"");
    }

    private static string Generated(GeneratorDriver driver, string suffix) =>
        driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName.EndsWith(suffix, System.StringComparison.Ordinal)).SourceText.ToString();

    private static System.Collections.Generic.List<IncrementalStepRunReason> Reasons(GeneratorDriver driver, string step) =>
        driver.GetRunResult().Results.Single().TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
}
