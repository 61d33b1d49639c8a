using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Shouldly;
using WebhookGen.Generator.Tests.Corpus;
using WebhookGen.Generator.Tests.Infrastructure;
using Xunit;
using static WebhookGen.Generator.Tests.Infrastructure.DiagnosticAssertions;

namespace WebhookGen.Generator.Tests.Reading;

/// <summary>
/// WHG023: each invalid-but-real quirk is read as its author meant, with one clear warning at its first place, and the
/// handlers are generated with nothing lost, instead of a wall of WHG011 (or a WHG004 and no receiver).
/// </summary>
public sealed class LenientReadingTests
{
    private const string SpecPath = "/app/hooks.yaml";

    /// <summary>A receiver written as <c>paths</c> with two events; <c>{schema}</c> is the first event's payload schema.</summary>
    private static string Receiver(string version, string firstPath, string secondPath, string properties) => $$"""
        openapi: {{version}}
        info:
          title: Quirks
          version: '1'
        paths:
          {{firstPath}}:
            post:
              requestBody:
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/Created'
              responses:
                '200':
                  description: ok
          {{secondPath}}:
            post:
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        id:
                          type: string
              responses:
                '200':
                  description: ok
        components:
          schemas:
            Created:
              type: object
              properties:
        {{properties}}
        """;

    private const string PlainProperties = """
                id:
                  type: string
        """;

    private static GeneratorRun Run(string spec) => CorpusReceiver.RunWithHandlers(new CorpusSpec("inline", SpecPath, spec));

    private static Diagnostic SingleQuirk(GeneratorRun run)
    {
        run.GeneratorDiagnostics.ShouldNotContain(d => d.Id == "WHG011" || d.Id == "WHG004" || d.Id == "WHG005");
        run.CompilationProblems.ShouldBeEmpty();
        var quirk = run.GeneratorDiagnostics.Where(d => d.Id == "WHG023").ShouldHaveSingleItem();
        quirk.Severity.ShouldBe(DiagnosticSeverity.Warning);
        return quirk;
    }

    private static string Created(GeneratorRun run) =>
        run.Sources.Single(s => s.HintName.EndsWith(".Models.Created.g.cs", StringComparison.Ordinal)).SourceText.ToString();

    [Fact]
    public void Path_keys_without_their_leading_slash_are_read_as_paths_and_their_handlers_generated()
    {
        var spec = Receiver("3.0.3", "events/created", "events/deleted", PlainProperties);

        var run = Run(spec);

        var quirk = SingleQuirk(run);
        quirk.GetMessage(CultureInfo.InvariantCulture).ShouldBe("A path key without its leading '/' ('events/created') is not valid OpenAPI, but is read as '/events/created' (2 places, the first here)");
        ShouldPointAt(quirk, SpecPath, spec, "events/created:");
        CorpusReceiver.Handlers(run).Select(h => h.Identifier.Text).ShouldBe(["OnCreatedAsync", "OnDeletedAsync"]);
        run.Source(".Webhooks.g.cs").ShouldContain("(group, \"POST\", \"/events/created\",");
    }

    [Fact]
    public void A_diagnostic_about_an_operation_under_a_path_key_without_its_slash_points_into_that_operation()
    {
        var spec = Receiver("3.0.3", "events/created", "events/deleted", PlainProperties)
            .Replace("  events/deleted:\n    post:\n      requestBody:", "  events/deleted:\n    delete:\n      requestBody:", StringComparison.Ordinal)
            .Replace("application/json:\n            schema:\n              type: object", "text/plain:\n            schema:\n              type: object", StringComparison.Ordinal);

        var run = CorpusReceiver.RunDeclarationOnly(new CorpusSpec("inline", SpecPath, spec));

        var withoutBody = run.GeneratorDiagnostics.Where(d => d.Id == "WHG010").ShouldHaveSingleItem();
        // The operation is found under the key the spec wrote, not at the top of `paths`.
        ShouldPointAt(withoutBody, SpecPath, spec, "requestBody:", after: "delete:");
    }

    [Fact]
    public void A_capitalised_type_is_read_in_lower_case_and_types_its_property()
    {
        var spec = Receiver("3.0.3", "/created", "/deleted", """
                    id:
                      type: String
                    count:
                      type: Integer
            """);

        var run = Run(spec);

        var quirk = SingleQuirk(run);
        quirk.GetMessage(CultureInfo.InvariantCulture).ShouldBe("The type 'String' is not valid OpenAPI, but is read as 'string' (2 places, the first here)");
        ShouldPointAt(quirk, SpecPath, spec, "String");
        Created(run).ShouldContain("public string? Id { get; init; }");
        Created(run).ShouldContain("public long? Count { get; init; }");
    }

    [Fact]
    public void Required_true_on_a_property_makes_it_required()
    {
        var spec = Receiver("3.0.3", "/created", "/deleted", """
                    id:
                      type: string
                      required: true
                    note:
                      type: string
                      required: false
            """);

        var run = Run(spec);

        var quirk = SingleQuirk(run);
        quirk.GetMessage(CultureInfo.InvariantCulture).ShouldBe("'required: true' on the property 'id' is not valid OpenAPI, but is read as 'id' listed in its object's 'required' (2 places, the first here)");
        ShouldPointAt(quirk, SpecPath, spec, "required: true");
        Created(run).ShouldContain("public required string Id { get; init; }");
        Created(run).ShouldContain("public string? Note { get; init; }");
    }

    [Theory]
    [InlineData(false, "an OpenAPI 3.0 document")]
    [InlineData(true, "a Swagger 2.0 document")]
    public void A_numeric_exclusive_minimum_in_an_older_document_is_read_as_a_flag_not_a_failure(bool swagger2, string dialect)
    {
        const string bounded = """
                    count:
                      type: integer
                      exclusiveMinimum: 0
                      exclusiveMaximum: 10
            """;
        var spec = swagger2 ? Swagger2Receiver(bounded) : Receiver("3.0.3", "/created", "/deleted", bounded);

        var run = Run(spec);

        run.GeneratorDiagnostics.Where(d => d.Id == "WHG023").Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ShouldBe(
        [
            $"'exclusiveMinimum: 0' (a number, as OpenAPI 3.1 writes it) in {dialect} is not valid OpenAPI, but is read as 'minimum: 0' and 'exclusiveMinimum: true' (1 place)",
            $"'exclusiveMaximum: 10' (a number, as OpenAPI 3.1 writes it) in {dialect} is not valid OpenAPI, but is read as 'maximum: 10' and 'exclusiveMaximum: true' (1 place)",
        ]);
        run.GeneratorDiagnostics.ShouldNotContain(d => d.Id == "WHG004" || d.Id == "WHG011");
        run.CompilationProblems.ShouldBeEmpty();
        CorpusReceiver.Handlers(run).Count.ShouldBe(2);
        Created(run).ShouldContain("public long? Count { get; init; }");
    }

    [Fact]
    public void Nullable_in_an_openapi_31_document_makes_the_property_nullable()
    {
        var spec = Receiver("3.1.0", "/created", "/deleted", """
                    id:
                      type: string
                      nullable: true
                    tags:
                      type: [array]
                      items:
                        type: string
                      nullable: true
            """).Replace("      properties:\n        id:", "      required: [id]\n      properties:\n        id:", StringComparison.Ordinal);

        var run = Run(spec);

        var quirk = SingleQuirk(run);
        quirk.GetMessage(CultureInfo.InvariantCulture).ShouldBe("'nullable' (an OpenAPI 3.0 keyword) in an OpenAPI 3.1 document is not valid OpenAPI, but is read as 'null' added to the schema's type (2 places, the first here)");
        ShouldPointAt(quirk, SpecPath, spec, "nullable: true");
        Created(run).ShouldContain("public required string? Id { get; init; }");
    }

    [Fact]
    public void A_single_example_under_examples_in_an_openapi_31_schema_is_read_as_a_list_and_kept()
    {
        var spec = Receiver("3.1.0", "/created", "/deleted", """
                    id:
                      type: string
                      examples: inv_123
            """).Replace("      properties:\n        id:", "      required: [id]\n      properties:\n        id:", StringComparison.Ordinal);

        var run = Run(spec);

        var quirk = SingleQuirk(run);
        quirk.GetMessage(CultureInfo.InvariantCulture).ShouldBe("A schema's 'examples' that is not a list is not valid OpenAPI, but is read as a list of that one example (1 place)");
        ShouldPointAt(quirk, SpecPath, spec, "examples: inv_123");
        run.Sources.ShouldContain(s => s.SourceText.ToString().Contains("inv_123", StringComparison.Ordinal), "the example is kept for the sample event");
    }

    [Fact]
    public void Nullable_in_an_openapi_30_document_is_no_quirk()
    {
        var spec = Receiver("3.0.3", "/created", "/deleted", """
                    id:
                      type: string
                      nullable: true
            """);

        var run = Run(spec);

        run.GeneratorDiagnostics.ShouldNotContain(d => d.Id == "WHG023");
        Created(run).ShouldContain("public string? Id { get; init; }");
    }

    [Fact]
    public void Boolean_required_on_parameters_and_request_bodies_and_quirks_in_examples_are_left_alone()
    {
        var spec = Receiver("3.0.3", "/created", "/deleted", """
                    id:
                      type: string
                      example:
                        type: String
                        required: true
            """).Replace("      requestBody:\n", "      parameters:\n      - name: X-Id\n        in: header\n        required: true\n        schema:\n          type: string\n      requestBody:\n        required: true\n", StringComparison.Ordinal);

        var run = Run(spec);

        run.GeneratorDiagnostics.ShouldNotContain(d => d.Id == "WHG023" || d.Id == "WHG011");
        run.CompilationProblems.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Only_the_quirks_a_corpus_spec_really_has_are_reported(string folder)
    {
        var run = CorpusReceiver.RunDeclarationOnly(CorpusSpecs.Load(folder));

        var quirks = run.GeneratorDiagnostics.Where(d => d.Id == "WHG023").Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();
        if (folder is "openai" or "resend")
        {
            // OpenAI's and Resend's 3.1 documents write 3.0's `nullable` (on 88 and 10 typed schemas).
            quirks.ShouldHaveSingleItem().ShouldStartWith("'nullable' (an OpenAPI 3.0 keyword) in an OpenAPI 3.1 document");
        }
        else if (folder is "clerk-webhooks")
        {
            // Clerk's 45 `x-webhooks` operations have no `responses`: one warning, not 45.
            quirks.ShouldHaveSingleItem().ShouldBe("An operation without 'responses' is not valid OpenAPI, but is read as one that a receiver answers with its default status (45 places, the first here)");
            run.GeneratorDiagnostics.ShouldNotContain(d => d.Id == "WHG011");
        }
        else
        {
            quirks.ShouldBeEmpty();
        }
    }

    public static TheoryData<string> Specs => CorpusSpecs.Folders();

    /// <summary>The same receiver in Swagger 2.0: bodies as <c>in: body</c> parameters, schemas under <c>definitions</c>.</summary>
    private static string Swagger2Receiver(string properties) => $$"""
        swagger: '2.0'
        info:
          title: Quirks
          version: '1'
        paths:
          /created:
            post:
              parameters:
              - name: body
                in: body
                schema:
                  $ref: '#/definitions/Created'
              responses:
                '200':
                  description: ok
          /deleted:
            post:
              parameters:
              - name: body
                in: body
                schema:
                  type: object
              responses:
                '200':
                  description: ok
        definitions:
          Created:
            type: object
            properties:
        {{properties.Replace("\n  ", "\n", StringComparison.Ordinal).Substring(2)}}
        """;
}
