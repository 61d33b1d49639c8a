using System;
using System.Collections;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Shouldly;
using WebhookGen.Generator.Tests.Infrastructure;
using WebhookGen.Generator.Tests.Schemas;
using Xunit;
using static WebhookGen.Generator.Tests.Schemas.Generated;

namespace WebhookGen.Generator.Tests.Fuzz;

/// <summary>What the fuzz tests found, each the smallest spec that showed it, kept fixed.</summary>
public sealed class FuzzRegressionTests
{
    /// <summary>How long the fuzz runner lets a spec compile before it calls it a hang (a finding of its own).</summary>
    private static readonly TimeSpan CompileLimit = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Only a guard against a test that never ends: these tests check what the generated code is, not how fast the
    /// compiler is on a loaded machine (speed is measured in benchmarks/).
    /// </summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(5);

    [Fact]
    public void A_callback_written_with_no_value_is_no_crash()
    {
        // Found by mixed:1425118151: `onData:` with nothing under it made EventSourceReader throw a
        // NullReferenceException, which the read step reported as "not an OpenAPI document" (WHG004).
        var outcome = Judge("""
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /streams:
                post:
                  requestBody:
                    content:
                      application/json:
                        schema: { type: object, properties: { url: { type: string } } }
                  responses:
                    '201': { description: ok }
                  callbacks:
                    onData:
            """);

        outcome.Verdict.ShouldBe(FuzzVerdict.Compiled, outcome.Detail);
        outcome.Detail.ShouldNotContain("WHG004");
    }

    [Fact]
    public void A_media_type_written_with_no_value_is_no_crash()
    {
        // Found by lines:530816770 (the OAI webhook example truncated after `application/json:`): EventCollector read the
        // schema of a media type that has no value and threw; now the body has no schema, as WHG013 says.
        var outcome = Judge("""
            openapi: 3.1.0
            info: { title: t, version: '1' }
            webhooks:
              newPet:
                post:
                  requestBody:
                    content:
                      application/json:
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
            """);

        outcome.Verdict.ShouldBe(FuzzVerdict.Compiled, outcome.Detail);
        outcome.Detail.ShouldContain("WHG013");
        outcome.Detail.ShouldNotContain("WHG004");
    }

    [Fact]
    public void A_property_written_with_no_schema_is_no_crash()
    {
        // Found by types:1814071430 and lines:627074150 (WEBHOOKGEN_FUZZ_SEED=7), mixed:48418354 (seed 11): the OpenAPI
        // reader keeps a property whose schema is `true` or empty as null (WHG011 "Schema property userData is null"),
        // and SchemaTypeBuilder.Declarations (Reading/Schemas) dereferences it: a NullReferenceException the read step
        // reports as WHG004. Not fixed here: Reading/Schemas is being changed by its owner. Expected once fixed: the
        // property is received as raw JSON, or a warning says it is dropped, and the receiver compiles.
        var outcome = Judge("""
            openapi: 3.0.3
            info: { title: t, version: '1' }
            paths:
              /hook:
                post:
                  requestBody:
                    content:
                      application/json:
                        schema:
                          type: object
                          properties:
                            userData:
                  responses:
                    '200': { description: ok }
            """);

        outcome.Verdict.ShouldBe(FuzzVerdict.Compiled, outcome.Detail);
    }

    [Theory]
    [InlineData("\\n")]
    [InlineData("\\r")]
    [InlineData("\\r\\n")]
    [InlineData("\\u0085")]
    [InlineData("\\u2028")]
    [InlineData("\\u2029")]
    [InlineData("\\0")]
    [InlineData("\\x1b")]
    [InlineData("\\x1f")]
    public void Spec_text_with_line_breaks_or_control_characters_stays_inside_its_doc_comments(string escape)
    {
        // Found by keys:505910903: a discriminator mapping value 'a\nb\nc' ended the one-line doc comment it was written
        // into, and the rest of it was compiled as code. C# also ends a line at U+0085, U+2028 and U+2029, and XML allows
        // no control characters: every place spec text goes into a doc comment is covered here, checked as a project
        // that generates its documentation file checks it.
        var odd = $"\"odd{escape}value\"";
        var outcome = Judge($$"""
            openapi: 3.1.0
            info: { title: t, version: '1' }
            webhooks:
              {{odd}}:
                post:
                  summary: {{odd}}
                  description: {{odd}}
                  requestBody:
                    content:
                      application/json:
                        schema: { $ref: '#/components/schemas/Event' }
                  responses:
                    '200': { description: ok }
            components:
              schemas:
                Event:
                  description: {{odd}}
                  oneOf:
                  - $ref: '#/components/schemas/Created'
                  - $ref: '#/components/schemas/Deleted'
                  discriminator:
                    propertyName: {{odd}}
                    mapping:
                      {{odd}}: '#/components/schemas/Created'
                      deleted: '#/components/schemas/Deleted'
                Created:
                  type: object
                  description: {{odd}}
                  properties:
                    kind: { type: string, enum: [{{odd}}, plain], description: {{odd}} }
                Deleted:
                  type: object
                  properties:
                    id: { type: string, const: {{odd}} }
            """);

        outcome.Verdict.ShouldBe(FuzzVerdict.Compiled, outcome.Detail);
    }

    [Theory]
    [InlineData("items")]
    [InlineData("additionalProperties")]
    public void Arrays_and_maps_nested_deep_compile_in_time_and_read_and_write(string keyword)
    {
        // Found by size:1019611343 (arrays nested 50 deep): the reader and writer passed nested lambdas to generic methods
        // whose item type the compiler had to infer, work that doubles with every level. The item type is spelled out now.
        const int Depth = 40;
        var schema = "{ type: integer }";
        for (var i = 0; i < Depth; i++)
        {
            schema = keyword == "items" ? $"{{ type: array, items: {schema} }}" : $"{{ type: object, additionalProperties: {schema} }}";
        }

        var run = SchemaHarness.Run(SchemaHarness.Spec($$"""
            Payload:
              type: object
              properties:
                deep: {{schema}}
            """));
        using var limit = new CancellationTokenSource(HangGuard);
        run.Output.GetDiagnostics(limit.Token).Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ShouldBeEmpty();

        var generated = Generated.Load(run);
        var json = keyword == "items"
            ? """{"deep":""" + new string('[', Depth) + "7" + new string(']', Depth) + "}"
            : """{"deep":""" + string.Concat(Enumerable.Repeat("""{"k":""", Depth)) + "7" + new string('}', Depth) + "}";
        generated.Write("Payload", generated.Read("Payload", json)).ShouldBe(json);
    }

    [Theory]
    [InlineData("string", 5000)]
    [InlineData("integer", 100)]
    public void An_enum_of_thousands_of_values_is_looked_up_in_a_set_and_knows_its_values(string type, int count)
    {
        // Found by size:935576153 (an enum of 5000 values): IsDefined tested the value with one 'or' pattern per value,
        // which took the compiler over a minute at 5000 values. Past 64 values it looks the value up in a set, whose
        // initializer compiles in time linear in its length: the test checks that shape, not a duration.
        var last = (count - 1).ToString(CultureInfo.InvariantCulture);
        var unlisted = count.ToString(CultureInfo.InvariantCulture);
        var values = string.Join(", ", Enumerable.Range(0, count).Select(i => type == "string" ? "v" + i.ToString(CultureInfo.InvariantCulture) : i.ToString(CultureInfo.InvariantCulture)));
        var run = SchemaHarness.Run(SchemaHarness.Spec($$"""
            Payload:
              type: object
              properties:
                codes:
                  type: array
                  items: { type: {{type}}, enum: [{{values}}] }
            """));
        var enumSource = run.Output.SyntaxTrees.Select(t => t.ToString()).Single(text => text.Contains("public bool IsDefined", StringComparison.Ordinal));
        enumSource.ShouldContain("public bool IsDefined => _defined.Contains(Value);");
        enumSource.ShouldNotContain("IsDefined => Value is ");

        using var limit = new CancellationTokenSource(HangGuard);
        run.Output.GetDiagnostics(limit.Token).Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ShouldBeEmpty();

        var generated = Generated.Load(run);
        var json = type == "string" ? $$"""{"codes":["v0","v{{last}}","v{{unlisted}}"]}""" : $$"""{"codes":[0,{{last}},{{unlisted}}]}""";
        var read = generated.Read("Payload", json);
        ((IEnumerable)Get(read, "Codes")!).Cast<object>().Select(c => Get(c, "IsDefined")).ShouldBe([true, true, false]);
        generated.Write("Payload", read).ShouldBe(json);
    }

    [Fact]
    public void Events_named_like_members_of_the_webhooks_class_get_the_suffix_Value()
    {
        // Found by keys:1536717848 and mixed:997360637 (WEBHOOKGEN_FUZZ_SEED=7): an event named FuzzReceiverWebhooks or
        // Equals gave {Receiver}Webhooks a member named like the class (CS0542) or hiding object.Equals (CS0108).
        var spec = """
            openapi: 3.1.0
            info: { title: t, version: '1' }
            webhooks:
              events:
                post:
                  parameters:
                  - { name: X-Hub-Signature-256, in: header, required: true, schema: { type: string } }
                  requestBody:
                    content:
                      application/json:
                        schema:
                          oneOf:
                          - $ref: '#/components/schemas/A'
                          - $ref: '#/components/schemas/B'
                          - $ref: '#/components/schemas/C'
                          - $ref: '#/components/schemas/D'
                          - $ref: '#/components/schemas/E'
                          discriminator:
                            propertyName: kind
                            mapping:
                              receiver: '#/components/schemas/A'
                              Equals: '#/components/schemas/B'
                              shared route: '#/components/schemas/C'
                              SharedRoute2: '#/components/schemas/D'
                              FuzzReceiverWebhooks: '#/components/schemas/E'
                  responses:
                    '200': { description: ok }
            components:
              schemas:
                A: { type: object, properties: { kind: { type: string } } }
                B: { type: object, properties: { kind: { type: string } } }
                C: { type: object, properties: { kind: { type: string } } }
                D: { type: object, properties: { kind: { type: string } } }
                E: { type: object, properties: { kind: { type: string } } }
            """;

        var outcome = Judge(spec);
        outcome.Verdict.ShouldBe(FuzzVerdict.Compiled, outcome.Detail);

        var run = GeneratorHarness.Run(FuzzRunner.ReceiverSource("hooks.yaml"), new InMemoryAdditionalText("/app/hooks.yaml", spec));
        var webhooks = run.Source(".Webhooks.g.cs");
        foreach (var member in new[] { "ReceiverValue", "EqualsValue", "SharedRouteValue", "SharedRoute2Value", "FuzzReceiverWebhooksValue", "SharedRoute" })
        {
            webhooks.ShouldContain(" " + member + " { get; }", Case.Sensitive);
        }
    }

    private static FuzzOutcome Judge(string spec) => FuzzRunner.Run("/app/hooks.yaml", spec, CompileLimit);
}
