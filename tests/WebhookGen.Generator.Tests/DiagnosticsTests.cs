using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Shouldly;
using WebhookGen.Generator.Tests.Infrastructure;
using static WebhookGen.Generator.Tests.Infrastructure.DiagnosticAssertions;
using Xunit;

namespace WebhookGen.Generator.Tests;

/// <summary>
/// Every problem with a receiver or its spec is a WHG diagnostic at a useful place, never a crash: in the spec file at the
/// line and column of what it is about, or in the receiver's C# where it is about the class.
/// </summary>
public sealed class DiagnosticsTests
{
    private const string SpecPath = "/app/hooks.yaml";

    [Fact]
    public void A_spec_that_is_not_an_additional_file_is_an_error_listing_the_files_seen()
    {
        var run = GeneratorHarness.Run(MiniSpecs.ReceiverSource, new InMemoryAdditionalText("/app/other.yaml", MiniSpecs.OneEvent));

        var diagnostic = run.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("WHG001");
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Error);
        diagnostic.GetMessage(CultureInfo.InvariantCulture).ShouldContain("hooks.yaml");
        diagnostic.GetMessage(CultureInfo.InvariantCulture).ShouldContain("AdditionalFiles seen: other.yaml");
        diagnostic.Location.IsInSource.ShouldBeTrue("in the syntax tree, so #pragma warning disable applies");
        ShouldPointAt(diagnostic, "Source0.cs", MiniSpecs.ReceiverSource, "WebhookReceiver(\"hooks.yaml\")");
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
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Error);
        diagnostic.GetMessage(CultureInfo.InvariantCulture).ShouldContain("/app/a/hooks.yaml, /app/b/hooks.yaml");
        ShouldPointAt(diagnostic, "Source0.cs", MiniSpecs.ReceiverSource, "WebhookReceiver(\"hooks.yaml\")");
        run.Sources.ShouldBeEmpty();
    }

    [Fact]
    public void Broken_yaml_is_an_error_at_its_line_in_the_spec()
    {
        var broken = "openapi: 3.0.3\ninfo:\n  title: x\n  version: 1\npaths:\n  /a:\n    post: [unclosed\n";
        var run = GeneratorHarness.Run(MiniSpecs.ReceiverSource, new InMemoryAdditionalText(SpecPath, broken));

        var diagnostic = run.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("WHG003");
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Error);
        diagnostic.GetMessage(CultureInfo.InvariantCulture).ShouldBe("The spec cannot be read: While parsing a flow sequence, did not find expected ',' or ']'.");
        var span = diagnostic.Location.GetLineSpan();
        span.Path.ShouldBe(SpecPath);
        // YAML finds the sequence unclosed where the text ends, after line 7.
        span.StartLinePosition.ShouldBe(new LinePosition(7, 0));
        run.Sources.ShouldBeEmpty();
    }

    [Fact]
    public void Yaml_the_yaml_parser_throws_on_is_an_error_at_the_unclosed_collection_never_a_crash()
    {
        // YamlDotNet throws InvalidOperationException (not a YamlException, and with no position) on this text.
        var broken = "openapi: 3.0.3\ninfo:\n  title: x\n  version: 1\npaths:\n  /a:\n    post: [unclosed\n    get: {}\n";
        var run = GeneratorHarness.Run(MiniSpecs.ReceiverSource, new InMemoryAdditionalText(SpecPath, broken));

        run.Result.Results.ShouldAllBe(r => r.Exception == null);
        var diagnostic = run.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("WHG003");
        diagnostic.GetMessage(CultureInfo.InvariantCulture).ShouldContain("The YAML parser failed (InvalidOperationException: ");
        ShouldPointAt(diagnostic, SpecPath, broken, "[unclosed");
        run.Sources.ShouldBeEmpty();
    }

    [Fact]
    public void Broken_json_is_an_error_at_its_line_and_column_in_the_spec()
    {
        var broken = "{\n  \"openapi\": \"3.0.3\",\n  \"info\": { \"title\": \"x\", \"version\": \"1\" },\n  \"paths\": { \"/a\": { \"post\": } }\n}\n";
        var run = GeneratorHarness.Run(MiniSpecs.ReceiverSource.Replace("hooks.yaml", "hooks.json"), new InMemoryAdditionalText("/app/hooks.json", broken));

        var diagnostic = run.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("WHG003");
        var span = diagnostic.Location.GetLineSpan();
        span.Path.ShouldBe("/app/hooks.json");
        span.StartLinePosition.Line.ShouldBe(3);
        span.StartLinePosition.Character.ShouldBe(broken.Split('\n')[3].IndexOf("} }", StringComparison.Ordinal));
    }

    [Fact]
    public void A_document_that_is_not_openapi_is_an_error_at_its_top()
    {
        var run = GeneratorHarness.Run(MiniSpecs.ReceiverSource, new InMemoryAdditionalText(SpecPath, "name: not a spec\nitems: [1, 2]\n"));

        var diagnostic = run.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("WHG004");
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Error);
        diagnostic.GetMessage(CultureInfo.InvariantCulture).ShouldContain("no 'openapi' or 'swagger' field");
        var span = diagnostic.Location.GetLineSpan();
        span.Path.ShouldBe(SpecPath);
        span.StartLinePosition.ShouldBe(new LinePosition(0, 0));
        run.Sources.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("openapi: 4.0.0", "openapi: '4.0.0'")]
    [InlineData("openapi: 2.5", "openapi: '2.5'")]
    [InlineData("openapi: '2.0'", "openapi: '2.0'")]
    [InlineData("openapi: 3.3.0", "openapi: '3.3.0'")]
    [InlineData("openapi: 3.10.0", "openapi: '3.10.0'")]
    [InlineData("openapi: [3, 1]", "openapi: a list")]
    [InlineData("openapi: ", "openapi: null")]
    [InlineData("swagger: \"1.2\"", "swagger: '1.2'")]
    [InlineData("swagger: 3.0.3", "swagger: '3.0.3'")]
    public void An_unsupported_version_is_an_error_at_the_version_naming_the_versions_read(string version, string named)
    {
        // A line before the version, so that "at the version" cannot be confused with "at the top".
        var spec = MiniSpecs.OneEvent.Replace("openapi: 3.0.3", "x-before: {}\n" + version);
        var run = GeneratorHarness.Run(MiniSpecs.ReceiverSource, new InMemoryAdditionalText(SpecPath, spec));

        var diagnostic = run.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("WHG018");
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Error);
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        message.ShouldStartWith(named + " is not a version WebhookGen reads");
        message.ShouldContain("Swagger 2.0");
        message.ShouldContain("OpenAPI 3.0, 3.1 and 3.2");
        var span = diagnostic.Location.GetLineSpan();
        span.Path.ShouldBe(SpecPath);
        span.StartLinePosition.Line.ShouldBe(1, "the version's line, not the document's first");
        if (!version.Trim().EndsWith(':'))
        {
            span.StartLinePosition.Character.ShouldBe(version.IndexOf(':', StringComparison.Ordinal) + 2, "at the value");
        }

        run.Sources.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("openapi: 3.0.0")]
    [InlineData("openapi: '3.0'")]
    [InlineData("openapi: 3.1")]
    [InlineData("openapi: 3.1.1")]
    [InlineData("openapi: 3.2.0")]
    public void Openapi_3_0_3_1_and_3_2_are_read(string version)
    {
        var spec = MiniSpecs.OneEvent.Replace("openapi: 3.0.3", version);
        var run = GeneratorHarness.Run(MiniSpecs.ReceiverSource, new InMemoryAdditionalText(SpecPath, spec));

        run.GeneratorDiagnostics.ShouldBeEmpty();
        run.Source(".Receiver.g.cs").ShouldContain("OnPingAsync");
    }

    [Theory]
    [InlineData("swagger: '2.0'")]
    [InlineData("swagger: 2.0")]
    public void Swagger_2_0_is_read(string version)
    {
        var spec = $$"""
            {{version}}
            info:
              title: x
              version: '1'
            paths:
              /ping:
                post:
                  parameters:
                  - name: X-Hub-Signature-256
                    in: header
                    required: true
                    type: string
                  - name: body
                    in: body
                    schema:
                      type: object
                      properties:
                        id:
                          type: string
                  responses:
                    '200':
                      description: ok
            """;
        var run = GeneratorHarness.Run(MiniSpecs.ReceiverSource, new InMemoryAdditionalText(SpecPath, spec));

        run.GeneratorDiagnostics.ShouldBeEmpty();
        run.Source(".Receiver.g.cs").ShouldContain("OnPingAsync");
    }

    [Theory]
    [InlineData("info:\n  title: One event\n  version: 1.0.0\n  license:\n    name: MIT\n    url: https://{region}.example.test/license\n", "url: https://{region}")]
    [InlineData("info:\n  title: One event\n  version: 1.0.0\n  termsOfService: 'http://[::1/terms'\n", "termsOfService:")]
    [InlineData("info:\n  title: One event\n  version: 1.0.0\nexternalDocs:\n  url: 'https://exa mple.test/docs'\n", "url: 'https://exa mple")]
    public void What_the_openapi_library_throws_on_is_an_error_at_the_value_it_threw_on_never_a_crash(string info, string at)
    {
        // Microsoft.OpenApi reads these URLs with new Uri(...), which throws: the read step catches it at its boundary.
        var spec = MiniSpecs.OneEvent.Replace("info:\n  title: One event\n  version: 1.0.0\n", info);
        spec.ShouldNotBe(MiniSpecs.OneEvent);
        var run = GeneratorHarness.Run(MiniSpecs.ReceiverSource, new InMemoryAdditionalText(SpecPath, spec));

        run.Result.Results.ShouldAllBe(r => r.Exception == null);
        var diagnostic = run.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("WHG004");
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Error);
        diagnostic.GetMessage(CultureInfo.InvariantCulture).ShouldContain("the OpenAPI reader failed: UriFormatException: Invalid URI");
        var span = diagnostic.Location.GetLineSpan();
        span.Path.ShouldBe(SpecPath);
        spec.Split('\n')[span.StartLinePosition.Line].ShouldContain(at);
        run.Sources.ShouldBeEmpty();
    }

    [Fact]
    public void An_empty_ref_that_the_openapi_library_throws_on_is_an_error_at_the_ref()
    {
        var spec = MiniSpecs.OneEvent.Replace("$ref: '#/components/schemas/Ping'", "$ref: ''");
        var run = GeneratorHarness.Run(MiniSpecs.ReceiverSource, new InMemoryAdditionalText(SpecPath, spec));

        run.Result.Results.ShouldAllBe(r => r.Exception == null);
        var diagnostic = run.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("WHG004");
        diagnostic.GetMessage(CultureInfo.InvariantCulture).ShouldContain("the OpenAPI reader failed: ArgumentNullException");
        ShouldPointAt(diagnostic, SpecPath, spec, "''");
    }

    [Theory]
    [InlineData("- url: https://example.test/hooks", "- url: https://{host}/hooks\n  variables:\n    host: 5", "'host' must be an object, not the value 5", "5")]
    [InlineData("count:\n          type: integer\n          format: int32", "count: integer", "'count' must be an object, not a string", "integer")]
    [InlineData("count:\n          type: integer\n          format: int32", "count: [1, 2]", "'count' must be an object, not a list", "[1, 2]")]
    public void A_scalar_where_the_openapi_library_expects_an_object_is_an_error_at_that_value(string replaced, string by, string problem, string at)
    {
        // Microsoft.OpenApi throws NullReferenceException here instead of reporting: the read step says what and where.
        var spec = MiniSpecs.OneEvent.Replace(replaced, by, StringComparison.Ordinal);
        spec.ShouldNotBe(MiniSpecs.OneEvent);
        var run = GeneratorHarness.Run(MiniSpecs.ReceiverSource, new InMemoryAdditionalText(SpecPath, spec));

        run.Result.Results.ShouldAllBe(r => r.Exception == null);
        var diagnostic = run.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("WHG004");
        diagnostic.GetMessage(CultureInfo.InvariantCulture).ShouldBe("The spec is not an OpenAPI document WebhookGen can read: " + problem);
        ShouldPointAt(diagnostic, SpecPath, spec, at, after: by.Split('\n')[^1].Trim());
        run.Sources.ShouldBeEmpty();
    }

    [Fact]
    public void A_spec_without_events_is_a_warning_on_the_receiver()
    {
        var spec = "openapi: 3.0.3\ninfo:\n  title: x\n  version: '1'\npaths: {}\n";
        var run = GeneratorHarness.Run(MiniSpecs.ReceiverSource, new InMemoryAdditionalText(SpecPath, spec));

        var diagnostic = run.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("WHG005");
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Warning);
        diagnostic.GetMessage(CultureInfo.InvariantCulture).ShouldContain("so HookReceiver has no handlers");
        ShouldPointAt(diagnostic, "Source0.cs", MiniSpecs.ReceiverSource, "WebhookReceiver(\"hooks.yaml\")");
    }

    [Fact]
    public void A_receiver_that_is_not_partial_is_an_error_at_the_class_and_gets_no_code()
    {
        var source = MiniSpecs.ReceiverSource.Replace("public partial class", "public class");
        var run = GeneratorHarness.Run(source, new InMemoryAdditionalText(SpecPath, MiniSpecs.OneEvent));

        var diagnostic = run.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("WHG006");
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Error);
        diagnostic.GetMessage(CultureInfo.InvariantCulture).ShouldContain("HookReceiver");
        ShouldPointAt(diagnostic, "Source0.cs", source, "HookReceiver");
        run.Sources.ShouldBeEmpty();
    }

    [Fact]
    public void An_unresolved_reference_is_a_warning_at_its_line_naming_it_and_the_value_is_raw_json()
    {
        var spec = MiniSpecs.OneEvent.Replace("""
                count:
                  type: integer
                  format: int32
        """, """
                count:
                  $ref: '#/components/schemas/Missing'
        """);
        var run = GeneratorHarness.Run(MiniSpecs.ReceiverSource, new InMemoryAdditionalText(SpecPath, spec));

        var diagnostic = run.GeneratorDiagnostics.Single(d => d.Id == "WHG007");
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Warning);
        diagnostic.GetMessage(CultureInfo.InvariantCulture).ShouldContain("'#/components/schemas/Missing'");
        ShouldPointAt(diagnostic, SpecPath, spec, "$ref: '#/components/schemas/Missing'");
        run.GeneratorDiagnostics.ShouldAllBe(d => d.Severity != DiagnosticSeverity.Error);
        run.Source(".Models.Ping.g.cs").ShouldContain("global::System.Text.Json.JsonElement? Count");
    }

    [Fact]
    public void A_construct_read_as_raw_json_is_a_warning_at_its_schema_naming_the_fallback()
    {
        var spec = MiniSpecs.OneEvent.Replace("""
                count:
                  type: integer
                  format: int32
        """, """
                count:
                  type: [integer, boolean]
        """);
        var run = GeneratorHarness.Run(MiniSpecs.ReceiverSource, new InMemoryAdditionalText(SpecPath, spec.Replace("openapi: 3.0.3", "openapi: 3.1.0")));

        var diagnostic = run.GeneratorDiagnostics.Single(d => d.Id == "WHG008");
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Warning);
        diagnostic.GetMessage(CultureInfo.InvariantCulture).ShouldContain("'/components/schemas/Ping/properties/count'");
        diagnostic.GetMessage(CultureInfo.InvariantCulture).ShouldContain("read as raw JSON (JsonElement)");
        ShouldPointAt(diagnostic, SpecPath, spec, "type: [integer, boolean]");
        run.Source(".Models.Ping.g.cs").ShouldContain("global::System.Text.Json.JsonElement? Count");
    }

    [Fact]
    public void A_spec_without_a_signature_header_is_a_warning_on_the_receiver_and_it_still_builds()
    {
        var spec = MiniSpecs.OneEvent.Replace("X-Hub-Signature-256", "X-Request-Id");
        var run = GeneratorHarness.Run(MiniSpecs.ReceiverSource, new InMemoryAdditionalText(SpecPath, spec));

        var diagnostic = run.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("WHG009");
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Warning);
        ShouldPointAt(diagnostic, "Source0.cs", MiniSpecs.ReceiverSource, "WebhookReceiver(\"hooks.yaml\")");
        run.Source(".Webhooks.g.cs").ShouldContain("signatureScheme: null");
    }

    [Fact]
    public void An_operation_without_a_json_body_is_a_warning_at_the_operation()
    {
        var spec = MiniSpecs.OneEvent.Replace("  /ping:\n    post:", "  /health:\n    get:\n      responses:\n        \"200\":\n          description: ok\n  /ping:\n    post:");
        var run = GeneratorHarness.Run(MiniSpecs.ReceiverSource, new InMemoryAdditionalText(SpecPath, spec));

        var diagnostic = run.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("WHG010");
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Warning);
        diagnostic.GetMessage(CultureInfo.InvariantCulture).ShouldStartWith("GET health has no application/json request body");
        ShouldPointAt(diagnostic, SpecPath, spec, "responses:", after: "/health:");
        run.Source(".Receiver.g.cs").ShouldContain("OnPingAsync");
    }

    [Fact]
    public void A_problem_the_openapi_reader_reports_is_a_warning_at_its_place()
    {
        var spec = MiniSpecs.OneEvent.Replace("- url: https://example.test/hooks", "- url: https://{host}/hooks\n  variables:\n    host:\n      enum: [a, b]");
        var run = GeneratorHarness.Run(MiniSpecs.ReceiverSource, new InMemoryAdditionalText(SpecPath, spec));

        var diagnostic = run.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("WHG011");
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Warning);
        diagnostic.GetMessage(CultureInfo.InvariantCulture).ShouldBe("The field 'default' in 'host' object is REQUIRED.");
        ShouldPointAt(diagnostic, SpecPath, spec, "enum: [a, b]");
    }

    [Fact]
    public void Events_on_one_route_that_nothing_tells_apart_are_a_warning_at_the_route_naming_them()
    {
        var spec = """
            openapi: 3.1.0
            info:
              title: x
              version: '1'
            webhooks:
              created:
                post:
                  parameters:
                  - {name: X-Hub-Signature-256, in: header, required: true, schema: {type: string}}
                  requestBody:
                    content:
                      application/json:
                        schema: {type: object, properties: {id: {type: string}}}
                  responses: {'200': {description: ok}}
              deleted:
                post:
                  parameters:
                  - {name: X-Hub-Signature-256, in: header, required: true, schema: {type: string}}
                  requestBody:
                    content:
                      application/json:
                        schema: {type: object, properties: {name: {type: string}}}
                  responses: {'200': {description: ok}}
            """;
        var run = GeneratorHarness.Run(MiniSpecs.ReceiverSource, new InMemoryAdditionalText(SpecPath, spec));

        var diagnostic = run.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("WHG012");
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Warning);
        diagnostic.GetMessage(CultureInfo.InvariantCulture).ShouldContain("(created, deleted)");
        var span = diagnostic.Location.GetLineSpan();
        span.Path.ShouldBe(SpecPath);
        span.StartLinePosition.Line.ShouldBeGreaterThanOrEqualTo(5, "inside the webhooks, not at the document's top");
        run.Source(".Webhooks.g.cs").ShouldContain("\"/created\"");
        run.Source(".Webhooks.g.cs").ShouldContain("\"/deleted\"");
    }

    [Fact]
    public void A_webhook_without_a_request_body_is_a_warning_at_the_webhook_saying_what_is_received()
    {
        var spec = """
            openapi: 3.1.0
            info:
              title: x
              version: '1'
            webhooks:
              ping:
                post:
                  parameters:
                  - {name: X-Hub-Signature-256, in: header, required: true, schema: {type: string}}
                  responses:
                    '200':
                      description: ok
            """;
        var run = GeneratorHarness.Run(MiniSpecs.ReceiverSource, new InMemoryAdditionalText(SpecPath, spec));

        var diagnostic = run.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("WHG013");
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Warning);
        diagnostic.GetMessage(CultureInfo.InvariantCulture).ShouldBe("The event ping describes no application/json request body; the payload is received as raw JSON (JsonElement)");
        ShouldPointAt(diagnostic, SpecPath, spec, "parameters:");
        run.Source(".Receiver.g.cs").ShouldContain("OnPingAsync(global::System.Text.Json.JsonElement payload");
    }

    [Fact]
    public void Two_receivers_with_one_class_name_are_an_error_on_each_and_get_no_code()
    {
        var second = MiniSpecs.ReceiverSource.Replace("namespace Tests;", "namespace Other;");
        var compilation = GeneratorHarness.CreateCompilation(MiniSpecs.ReceiverSource, second);
        var driver = GeneratorHarness.CreateDriver(new InMemoryAdditionalText(SpecPath, MiniSpecs.OneEvent))
            .RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics);

        var taken = diagnostics.Where(d => d.Id == "WHG014").OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal).ToList();
        taken.Count.ShouldBe(2);
        taken.ShouldAllBe(d => d.Severity == DiagnosticSeverity.Error);
        taken[0].GetMessage(CultureInfo.InvariantCulture).ShouldContain("(Tests.HookReceiver)");
        taken[1].GetMessage(CultureInfo.InvariantCulture).ShouldContain("(Other.HookReceiver)");
        ShouldPointAt(taken[0], "Source0.cs", MiniSpecs.ReceiverSource, "WebhookReceiver(\"hooks.yaml\")");
        ShouldPointAt(taken[1], "Source1.cs", second, "WebhookReceiver(\"hooks.yaml\")");
        driver.GetRunResult().Results.Single().GeneratedSources.ShouldBeEmpty();
    }

    [Fact]
    public void A_schema_named_like_the_receiver_is_an_error_asking_to_rename_the_class()
    {
        var spec = MiniSpecs.OneEvent.Replace("#/components/schemas/Ping", "#/components/schemas/HookReceiver").Replace("    Ping:", "    HookReceiver:");
        var run = GeneratorHarness.Run(MiniSpecs.ReceiverSource, new InMemoryAdditionalText(SpecPath, spec));

        var diagnostic = run.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("WHG015");
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Error);
        diagnostic.GetMessage(CultureInfo.InvariantCulture).ShouldContain("HookReceiver");
        ShouldPointAt(diagnostic, "Source0.cs", MiniSpecs.ReceiverSource, "WebhookReceiver(\"hooks.yaml\")");
        run.Sources.ShouldBeEmpty();
    }

    [Fact]
    public void A_signature_header_not_understood_is_a_warning_at_the_header_parameter()
    {
        var spec = MiniSpecs.OneEvent.Replace("X-Hub-Signature-256", "Acme-Signature");
        var run = GeneratorHarness.Run(MiniSpecs.ReceiverSource, new InMemoryAdditionalText(SpecPath, spec));

        var diagnostic = run.GeneratorDiagnostics.Single(d => d.Id == "WHG016");
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Warning);
        diagnostic.GetMessage(CultureInfo.InvariantCulture).ShouldStartWith("The header Acme-Signature looks like a signature");
        ShouldPointAt(diagnostic, SpecPath, spec, "name: Acme-Signature");
    }

    [Fact]
    public void An_invalid_webhookgen_extension_is_an_error_at_its_key()
    {
        var spec = MiniSpecs.OneEvent.Replace("servers:", "x-webhook-signature:\n  header: X-Hub-Signature-256\n  algorithm: md5\nservers:");
        var run = GeneratorHarness.Run(MiniSpecs.ReceiverSource, new InMemoryAdditionalText(SpecPath, spec));

        var diagnostic = run.GeneratorDiagnostics.First(d => d.Id == "WHG017");
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Error);
        diagnostic.GetMessage(CultureInfo.InvariantCulture).ShouldStartWith("x-webhook-signature is invalid: ");
        ShouldPointAt(diagnostic, SpecPath, spec, "md5");
        run.Sources.ShouldBeEmpty();
    }

    [Fact]
    public void Two_receiver_attributes_on_one_class_are_one_error_at_the_class_and_no_code()
    {
        var source = MiniSpecs.ReceiverSource.Replace("[WebhookReceiver(\"hooks.yaml\")]", "[WebhookReceiver(\"hooks.yaml\")]\n[WebhookReceiver(\"other.yaml\")]");
        var run = GeneratorHarness.Run(
            source,
            new InMemoryAdditionalText(SpecPath, MiniSpecs.OneEvent),
            new InMemoryAdditionalText("/app/other.yaml", MiniSpecs.OneEvent.Replace("/ping:", "/pong:")));

        var diagnostic = run.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("WHG019");
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Error);
        diagnostic.GetMessage(CultureInfo.InvariantCulture).ShouldStartWith("HookReceiver has 2 [WebhookReceiver] attributes (\"hooks.yaml\", \"other.yaml\")");
        ShouldPointAt(diagnostic, "Source0.cs", source, "HookReceiver");
        run.Sources.ShouldBeEmpty("code for one of the two specs would be silently wrong");
    }

    [Fact]
    public void Receiver_attributes_on_two_parts_of_a_partial_class_are_one_error_and_no_code()
    {
        const string secondPart = """
            using WebhookGen;

            namespace Tests;

            [WebhookReceiver("other.yaml")]
            public partial class HookReceiver
            {
            }
            """;
        var compilation = GeneratorHarness.CreateCompilation(MiniSpecs.ReceiverSource, secondPart);
        var driver = GeneratorHarness.CreateDriver(
                new InMemoryAdditionalText(SpecPath, MiniSpecs.OneEvent),
                new InMemoryAdditionalText("/app/other.yaml", MiniSpecs.OneEvent.Replace("/ping:", "/pong:")))
            .RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics);

        var diagnostic = diagnostics.ShouldHaveSingleItem("one WHG019, and no WHG014 as if they were two receivers");
        diagnostic.Id.ShouldBe("WHG019");
        diagnostic.GetMessage(CultureInfo.InvariantCulture).ShouldStartWith("HookReceiver has 2 [WebhookReceiver] attributes (\"hooks.yaml\", \"other.yaml\")");
        ShouldPointAt(diagnostic, "Source0.cs", MiniSpecs.ReceiverSource, "HookReceiver");
        driver.GetRunResult().Results.Single().GeneratedSources.ShouldBeEmpty();
    }

    [Fact]
    public void Spec_descriptions_are_escaped_in_doc_comments()
    {
        var run = GeneratorHarness.Run(MiniSpecs.ReceiverSource, new InMemoryAdditionalText(SpecPath, MiniSpecs.OneEvent));

        run.Source(".Receiver.g.cs").ShouldContain("/// Sent when &lt;ping&gt; &amp; pong.");
        run.Source(".Webhooks.g.cs").ShouldContain("HmacAlgorithm.Sha256");
        run.Source(".Webhooks.g.cs").ShouldContain("defaultRoutePrefix: \"/hooks\"");
        run.Source(".Webhooks.g.cs").ShouldContain("signatureFailureStatusCode: 401");
    }
}
