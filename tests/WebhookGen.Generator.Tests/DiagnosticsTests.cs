using System.Linq;
using Microsoft.CodeAnalysis;
using Shouldly;
using WebhookGen.Generator.Tests.Infrastructure;
using Xunit;

namespace WebhookGen.Generator.Tests;

/// <summary>Every problem with a receiver or its spec is a WHG diagnostic at a useful place, never a crash.</summary>
public sealed class DiagnosticsTests
{
    [Fact]
    public void A_spec_that_is_not_an_additional_file_is_an_error_listing_the_files_seen()
    {
        var run = GeneratorHarness.Run(MiniSpecs.ReceiverSource, new InMemoryAdditionalText("/app/other.yaml", MiniSpecs.OneEvent));

        var diagnostic = run.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("WHG001");
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Error);
        diagnostic.GetMessage().ShouldContain("hooks.yaml");
        diagnostic.GetMessage().ShouldContain("other.yaml");
        diagnostic.Location.GetLineSpan().Path.ShouldBe("Source0.cs");
        diagnostic.Location.IsInSource.ShouldBeTrue("in the syntax tree, so #pragma warning disable applies");
        run.Sources.ShouldBeEmpty();
    }

    [Fact]
    public void The_spec_is_matched_by_relative_path_as_well_as_by_file_name()
    {
        var source = MiniSpecs.ReceiverSource.Replace("\"hooks.yaml\"", "\"specs/v1/hooks.yaml\"");
        var run = GeneratorHarness.Run(
            source,
            new InMemoryAdditionalText("/app/specs/v2/hooks.yaml", MiniSpecs.OneEvent),
            new InMemoryAdditionalText("/app/specs/v1/hooks.yaml", MiniSpecs.OneEvent));

        run.GeneratorDiagnostics.ShouldBeEmpty();
        run.Sources.ShouldNotBeEmpty();
    }

    [Fact]
    public void A_file_name_that_matches_two_files_is_an_error_naming_both()
    {
        var run = GeneratorHarness.Run(
            MiniSpecs.ReceiverSource,
            new InMemoryAdditionalText("/app/a/hooks.yaml", MiniSpecs.OneEvent),
            new InMemoryAdditionalText("/app/b/hooks.yaml", MiniSpecs.OneEvent));

        var diagnostic = run.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("WHG002");
        diagnostic.GetMessage().ShouldContain("/app/a/hooks.yaml");
        diagnostic.GetMessage().ShouldContain("/app/b/hooks.yaml");
    }

    [Fact]
    public void Broken_yaml_is_an_error_at_its_line_in_the_spec()
    {
        var broken = "openapi: 3.0.3\ninfo:\n  title: x\n  version: 1\npaths:\n  /a:\n    post: [unclosed\n";
        var run = GeneratorHarness.Run(MiniSpecs.ReceiverSource, new InMemoryAdditionalText("/app/hooks.yaml", broken));

        var diagnostic = run.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("WHG003");
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Error);
        var span = diagnostic.Location.GetLineSpan();
        span.Path.ShouldBe("/app/hooks.yaml");
        span.StartLinePosition.Line.ShouldBeGreaterThanOrEqualTo(6);
        run.Sources.ShouldBeEmpty();
    }

    [Fact]
    public void A_document_that_is_not_openapi_is_an_error()
    {
        var run = GeneratorHarness.Run(MiniSpecs.ReceiverSource, new InMemoryAdditionalText("/app/hooks.yaml", "name: not a spec\nitems: [1, 2]\n"));

        var diagnostic = run.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("WHG004");
        diagnostic.GetMessage().ShouldContain("openapi");
    }

    [Fact]
    public void A_spec_without_events_is_a_warning_on_the_receiver()
    {
        var spec = "openapi: 3.0.3\ninfo:\n  title: x\n  version: '1'\npaths: {}\n";
        var run = GeneratorHarness.Run(MiniSpecs.ReceiverSource, new InMemoryAdditionalText("/app/hooks.yaml", spec));

        var diagnostic = run.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("WHG005");
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Warning);
        diagnostic.GetMessage().ShouldContain("HookReceiver");
    }

    [Fact]
    public void A_receiver_that_is_not_partial_is_an_error_and_gets_no_code()
    {
        var source = MiniSpecs.ReceiverSource.Replace("public partial class", "public class");
        var run = GeneratorHarness.Run(source, new InMemoryAdditionalText("/app/hooks.yaml", MiniSpecs.OneEvent));

        var diagnostic = run.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("WHG006");
        diagnostic.GetMessage().ShouldContain("HookReceiver");
        run.Sources.ShouldBeEmpty();
    }

    [Fact]
    public void A_spec_without_a_signature_header_is_a_warning_and_the_receiver_still_builds()
    {
        var spec = MiniSpecs.OneEvent.Replace("X-Hub-Signature-256", "X-Request-Id");
        var run = GeneratorHarness.Run(MiniSpecs.ReceiverSource, new InMemoryAdditionalText("/app/hooks.yaml", spec));

        var diagnostic = run.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("WHG009");
        run.Source(".Webhooks.g.cs").ShouldContain("signatureScheme: null");
    }

    [Fact]
    public void An_unresolved_reference_is_a_warning_at_its_line_and_the_value_is_raw_json()
    {
        var spec = MiniSpecs.OneEvent.Replace("""
                count:
                  type: integer
                  format: int32
        """, """
                count:
                  $ref: '#/components/schemas/Missing'
        """);
        var run = GeneratorHarness.Run(MiniSpecs.ReceiverSource, new InMemoryAdditionalText("/app/hooks.yaml", spec));

        run.GeneratorDiagnostics.ShouldContain(d => d.Id == "WHG007" || d.Id == "WHG011");
        run.GeneratorDiagnostics.ShouldAllBe(d => d.Severity != DiagnosticSeverity.Error);
        run.Source(".Models.Ping.g.cs").ShouldContain("global::System.Text.Json.JsonElement? Count");
    }

    [Fact]
    public void Spec_descriptions_are_escaped_in_doc_comments()
    {
        var run = GeneratorHarness.Run(MiniSpecs.ReceiverSource, new InMemoryAdditionalText("/app/hooks.yaml", MiniSpecs.OneEvent));

        run.Source(".Receiver.g.cs").ShouldContain("/// Sent when &lt;ping&gt; &amp; pong.");
        run.Source(".Webhooks.g.cs").ShouldContain("HmacAlgorithm.Sha256");
        run.Source(".Webhooks.g.cs").ShouldContain("defaultRoutePrefix: \"/hooks\"");
        run.Source(".Webhooks.g.cs").ShouldContain("signatureFailureStatusCode: 401");
    }

    [Fact]
    public void Two_receivers_with_one_class_name_are_an_error_on_each_and_get_no_code()
    {
        var second = MiniSpecs.ReceiverSource.Replace("namespace Tests;", "namespace Other;");
        var compilation = GeneratorHarness.CreateCompilation(MiniSpecs.ReceiverSource, second);
        var driver = GeneratorHarness.CreateDriver(new InMemoryAdditionalText("/app/hooks.yaml", MiniSpecs.OneEvent))
            .RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics);

        var taken = diagnostics.Where(d => d.Id == "WHG014").ToList();
        taken.Count.ShouldBe(2);
        taken.ShouldContain(d => d.GetMessage().Contains("Tests.HookReceiver"));
        taken.ShouldContain(d => d.GetMessage().Contains("Other.HookReceiver"));
        driver.GetRunResult().Results.Single().GeneratedSources.ShouldBeEmpty();
    }

    [Fact]
    public void A_schema_named_like_the_receiver_is_an_error_asking_to_rename_the_class()
    {
        var spec = MiniSpecs.OneEvent.Replace("#/components/schemas/Ping", "#/components/schemas/HookReceiver").Replace("    Ping:", "    HookReceiver:");
        var run = GeneratorHarness.Run(MiniSpecs.ReceiverSource, new InMemoryAdditionalText("/app/hooks.yaml", spec));

        var diagnostic = run.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("WHG015");
        diagnostic.GetMessage().ShouldContain("HookReceiver");
        run.Sources.ShouldBeEmpty();
    }
}
