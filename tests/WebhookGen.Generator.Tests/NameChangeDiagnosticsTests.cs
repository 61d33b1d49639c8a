using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Shouldly;
using WebhookGen.Generator.Tests.Infrastructure;
using Xunit;
using static WebhookGen.Generator.Tests.Infrastructure.DiagnosticAssertions;

namespace WebhookGen.Generator.Tests;

/// <summary>
/// WHG020: a name from the spec that had to change to be valid C# beyond PascalCasing (a symbol spelled, a digit first,
/// a name taken) is reported once, as information, at the name in the spec; an ordinary name is not.
/// </summary>
public sealed class NameChangeDiagnosticsTests
{
    private const string SpecPath = "/app/hooks.yaml";

    private const string Spec = """
        openapi: 3.1.0
        info:
          title: Names
          version: 1.0.0
        webhooks:
          2fa.enabled:
            post:
              requestBody:
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/Account'
              responses:
                "200":
                  description: ok
          Receiver:
            post:
              requestBody:
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/ToString'
              responses:
                "200":
                  description: ok
        components:
          schemas:
            Account:
              type: object
              properties:
                user_name:
                  type: string
                2fa:
                  type: boolean
                $:
                  type: string
                ToString:
                  type: string
                id:
                  type: string
                ID:
                  type: string
                level:
                  type: string
                  enum:
                  - active
                  - ">="
                  - "2.0"
                  - "-1"
            ToString:
              type: object
              properties:
                accountId:
                  type: string
        """;

    [Fact]
    public void Each_changed_name_is_reported_once_as_information_at_the_name_in_the_spec()
    {
        var run = GeneratorHarness.Run(MiniSpecs.ReceiverSource, new InMemoryAdditionalText(SpecPath, Spec));

        var renamed = run.GeneratorDiagnostics.Where(d => d.Id == "WHG020").ToList();
        renamed.ShouldAllBe(d => d.Severity == DiagnosticSeverity.Info);
        var messages = renamed.Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();
        messages.ShouldBe(
            [
                "Event '2fa.enabled' is named _2faEnabled in C#: a C# name cannot start with a digit",
                "Event 'Receiver' is named ReceiverValue in C#: 'Receiver' is the name of the type itself or of a member it always has",
                "Schema 'ToString' is named ToStringValue in C#: 'ToString' is the name of the type itself or of a member it always has",
                "Enum value '>=' is named GreaterThanEquals in C#: it has no letter or digit, so its symbols are spelled out",
                "Enum value '2.0' is named _2_0 in C#: a C# name cannot start with a digit",
                "Enum value '-1' is named Minus1 in C#: its sign is spelled out so that it stays apart from the unsigned value",
                "Property '2fa' is named _2fa in C#: a C# name cannot start with a digit",
                "Property '$' is named Dollar in C#: it has no letter or digit, so its symbols are spelled out",
                "Property 'ToString' is named ToStringValue in C#: 'ToString' is the name of the type itself or of a member it always has",
                "Property 'ID' is named Id2 in C#: 'Id' is already taken by another name here",
            ],
            ignoreOrder: true);

        ShouldPointAt(Single(renamed, "'2fa.enabled'"), SpecPath, Spec, "2fa.enabled");
        ShouldPointAt(Single(renamed, "Event 'Receiver'"), SpecPath, Spec, "Receiver:");
        ShouldPointAt(Single(renamed, "Schema 'ToString'"), SpecPath, Spec, "ToString:", after: "\"-1\"");
        ShouldPointAt(Single(renamed, "'>='"), SpecPath, Spec, "\">=\"");
        ShouldPointAt(Single(renamed, "'2.0'"), SpecPath, Spec, "\"2.0\"");
        ShouldPointAt(Single(renamed, "'-1'"), SpecPath, Spec, "\"-1\"");
        ShouldPointAt(Single(renamed, "Property '2fa'"), SpecPath, Spec, "2fa:");
        ShouldPointAt(Single(renamed, "Property '$'"), SpecPath, Spec, "$:");
        ShouldPointAt(Single(renamed, "Property 'ToString'"), SpecPath, Spec, "ToString:");
        ShouldPointAt(Single(renamed, "Property 'ID'"), SpecPath, Spec, "ID:");
    }

    [Fact]
    public void Changed_names_are_information_only_the_receiver_is_generated_and_compiles()
    {
        var run = GeneratorHarness.Run(MiniSpecs.ReceiverSource, new InMemoryAdditionalText(SpecPath, Spec));

        // No signature header (WHG009) and two events on one route with nothing to tell them apart (WHG012): beside the point.
        run.GeneratorDiagnostics.Where(d => d.Severity > DiagnosticSeverity.Info).Select(d => d.Id).ShouldBe(["WHG009", "WHG012"], ignoreOrder: true);
        run.CompilationProblems.Where(d => d.Id != "CS8795").ShouldBeEmpty();
        var receiver = run.Source(".Receiver.g.cs");
        receiver.ShouldContain("On_2faEnabledAsync");
        receiver.ShouldContain("OnReceiverValueAsync");
        var account = run.Source("Account.g.cs");
        account.ShouldContain("\"2fa\"");
        account.ShouldContain(" _2fa ");
        account.ShouldContain(" Id2 ");
    }

    [Fact]
    public void Names_that_only_change_case_and_separators_are_not_reported()
    {
        var run = GeneratorHarness.Run(MiniSpecs.ReceiverSource, new InMemoryAdditionalText(SpecPath, MiniSpecs.OneEvent
            .Replace("count:", "item_count:", StringComparison.Ordinal)
            .Replace("Ping:", "ping-event:", StringComparison.Ordinal)
            .Replace("schemas/Ping", "schemas/ping-event", StringComparison.Ordinal)));

        run.GeneratorDiagnostics.ShouldBeEmpty();
        run.Source("PingEvent.g.cs").ShouldContain("ItemCount");
    }

    private static Diagnostic Single(System.Collections.Generic.IEnumerable<Diagnostic> diagnostics, string text) =>
        diagnostics.Single(d => d.GetMessage(CultureInfo.InvariantCulture).Contains(text, StringComparison.Ordinal));
}
