using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Shouldly;
using WebhookGen.Generator.Tests.Infrastructure;
using WebhookGen.Generator.Tests.Schemas;
using Xunit;
using static WebhookGen.Generator.Tests.Schemas.Generated;

namespace WebhookGen.Generator.Tests.Reading;

/// <summary>
/// Events posted to one route whose schemas extend a shared envelope (<c>allOf</c>) and pin its <c>type</c> to one value
/// in another part: the route tells them apart by that body property (docs/spec-styles.md, "One URL, many events"),
/// whether the envelope already lists <c>type</c> in <c>required</c> or not, and whatever way the part pins it.
/// </summary>
public sealed class PinnedBodyPropertyDispatchTests
{
    private static readonly (string Event, string Schema)[] Events =
    [
        ("invoice.paid", "InvoicePaidEvent"),
        ("invoice.voided", "InvoiceVoidedEvent"),
        ("customer.created", "CustomerCreatedEvent"),
    ];

    /// <summary>How an event's schema pins <c>type</c>.</summary>
    public enum Pin
    {
        /// <summary>An inline <c>allOf</c> part with <c>type: { type: string, const: … }</c>.</summary>
        Const,

        /// <summary>An inline <c>allOf</c> part with <c>type: { type: string, enum: [ … ] }</c>.</summary>
        SingleValueEnum,

        /// <summary>An inline <c>allOf</c> part whose <c>type</c> is a <c>$ref</c> to a component <c>const</c>.</summary>
        ConstReference,

        /// <summary>The pinning part is itself a <c>$ref</c> to a component (then both parts are flattened).</summary>
        PartReference,
    }

    public static TheoryData<Pin, bool> Cases()
    {
        var data = new TheoryData<Pin, bool>();
        foreach (var pin in Enum.GetValues<Pin>())
        {
            data.Add(pin, true);
            data.Add(pin, false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Events_that_pin_the_envelopes_type_in_an_allOf_part_share_one_route_told_apart_by_it(Pin pin, bool envelopeRequiresType)
    {
        var run = SchemaHarness.Run(Spec(pin, envelopeRequiresType));

        run.GeneratorDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ShouldBeEmpty();
        run.CompilationProblems.Select(d => d.ToString()).ShouldBeEmpty();
        var webhooks = run.Source(".Webhooks.g.cs");
        webhooks.ShouldContain("WebhookEventSelector.BodyProperty(\"type\")");
        foreach (var (name, _) in Events)
        {
            webhooks.ShouldContain($"new(\"{name}\", {Identifier(name)})");
        }

        webhooks.ShouldContain("MapWebhookRoute(group, \"POST\", \"/\", global::Hooks.HookReceiverWebhooks.SharedRoute)");
        webhooks.ShouldNotContain("(group, \"POST\", \"/invoice-paid\"");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_type_member_is_the_one_value_enum_where_the_record_can_declare_it_and_the_envelopes_string_where_it_cannot(Pin pin, bool envelopeRequiresType)
    {
        var run = SchemaHarness.Run(Spec(pin, envelopeRequiresType));
        var generated = Generated.Load(run);

        var types = run.Sources.Select(s => s.HintName).Where(h => h.Contains(".Models.", StringComparison.Ordinal)).ToList();
        if (pin == Pin.PartReference)
        {
            // Two references are flattened: the event's record declares type itself, as with a const on the schema.
            generated.Type("InvoicePaidEvent").BaseType.ShouldBe(typeof(object));
            run.Source(".Models.InvoicePaidEvent.g.cs").ShouldContain("public required InvoicePaidEventType Type { get; init; }");
            generated.Type("InvoicePaidEventType").GetProperty("InvoicePaid")!.GetValue(null)!.ToString().ShouldBe("invoice.paid");
        }
        else if (envelopeRequiresType)
        {
            // A required base member cannot be hidden (CS9031): the envelope's string is kept, and no enum is left unused.
            generated.Type("InvoicePaidEvent").BaseType!.Name.ShouldBe("EventEnvelope");
            PropertyNames(generated.Type("InvoicePaidEvent")).ShouldBe(["Data"]);
            run.Source(".Models.EventEnvelope.g.cs").ShouldContain("public required string Type { get; init; }");
            types.ShouldNotContain(h => h.EndsWith("Type.g.cs", StringComparison.Ordinal));
        }
        else
        {
            // An optional base member is hidden by the narrower one-value enum.
            generated.Type("InvoicePaidEvent").BaseType!.Name.ShouldBe("EventEnvelope");
            run.Source(".Models.InvoicePaidEvent.g.cs").ShouldContain("public new required " + (pin == Pin.ConstReference ? "InvoicePaidType" : "InvoicePaidEventType") + " Type { get; init; }");
        }

        var read = generated.Read("InvoicePaidEvent", """{"id":"evt_1","type":"invoice.paid","timestamp":"2024-11-05T09:12:44Z","data":{"invoiceId":"inv_1"}}""");
        Get(read, "Type")!.ToString().ShouldBe("invoice.paid");
        Get(read, "Data", "InvoiceId").ShouldBe("inv_1");
    }

    [Fact]
    public void Events_that_pin_type_each_their_own_way_are_told_apart_too()
    {
        var run = SchemaHarness.Run(Spec(new Dictionary<string, Pin>
        {
            ["invoice.paid"] = Pin.Const,
            ["invoice.voided"] = Pin.SingleValueEnum,
            ["customer.created"] = Pin.ConstReference,
        }, envelopeRequiresType: true));

        run.GeneratorDiagnostics.ShouldNotContain(d => d.Id == "WHG012");
        run.CompilationProblems.Select(d => d.ToString()).ShouldBeEmpty();
        var webhooks = run.Source(".Webhooks.g.cs");
        webhooks.ShouldContain("WebhookEventSelector.BodyProperty(\"type\")");
        webhooks.ShouldContain("new(\"invoice.paid\", InvoicePaid)");
        webhooks.ShouldContain("new(\"invoice.voided\", InvoiceVoided)");
        webhooks.ShouldContain("new(\"customer.created\", CustomerCreated)");
    }

    [Fact]
    public void An_event_that_extends_a_pinned_event_inherits_its_value()
    {
        // invoice.paid is sent as InvoicePaidEventV2, which extends InvoicePaidEvent without pinning type again.
        var spec = Spec(Pin.Const, envelopeRequiresType: true)
            .Replace("$ref: '#/components/schemas/InvoicePaidEvent'", "$ref: '#/components/schemas/InvoicePaidEventV2'", StringComparison.Ordinal)
            + "\n" + SchemaHarness.Indent(
                """
                InvoicePaidEventV2:
                  allOf:
                  - $ref: '#/components/schemas/InvoicePaidEvent'
                  - type: object
                    properties:
                      receiptUrl: { type: string }
                """,
                "    ");
        var run = SchemaHarness.Run(spec);

        run.GeneratorDiagnostics.ShouldNotContain(d => d.Id == "WHG012");
        run.CompilationProblems.Select(d => d.ToString()).ShouldBeEmpty();
        run.Source(".Webhooks.g.cs").ShouldContain("new(\"invoice.paid\", InvoicePaid)");
    }

    private static string Identifier(string eventName) =>
        string.Concat(eventName.Split('.').Select(s => char.ToUpperInvariant(s[0]) + s.Substring(1)));

    private static string Spec(Pin pin, bool envelopeRequiresType) =>
        Spec(Events.ToDictionary(e => e.Event, _ => pin), envelopeRequiresType);

    /// <summary>A 3.1 spec with the three <see cref="Events"/> as <c>webhooks</c> (all posted to one URL), each pinning <c>type</c> its way.</summary>
    private static string Spec(Dictionary<string, Pin> pins, bool envelopeRequiresType)
    {
        var lines = new List<string>
        {
            "openapi: 3.1.0",
            "info:",
            "  title: Billing",
            "  version: '1'",
            "webhooks:",
        };
        foreach (var (name, schema) in Events)
        {
            lines.AddRange(
            [
                $"  {name}:",
                "    post:",
                "      parameters:",
                "      - $ref: '#/components/parameters/Signature'",
                "      requestBody:",
                "        content:",
                "          application/json:",
                "            schema:",
                $"              $ref: '#/components/schemas/{schema}'",
                "      responses:",
                "        '200':",
                "          description: ok",
            ]);
        }

        lines.AddRange(
        [
            "components:",
            "  parameters:",
            "    Signature:",
            "      name: X-Hub-Signature-256",
            "      in: header",
            "      required: true",
            "      schema:",
            "        type: string",
            "  schemas:",
            "    EventEnvelope:",
            "      type: object",
            $"      required: [id, {(envelopeRequiresType ? "type, " : string.Empty)}timestamp]",
            "      properties:",
            "        id: { type: string }",
            "        type: { type: string }",
            "        timestamp: { type: string, format: date-time }",
            "    EventData:",
            "      type: object",
            "      properties:",
            "        invoiceId: { type: string }",
        ]);
        foreach (var (name, schema) in Events)
        {
            lines.AddRange(EventSchema(name, schema, pins[name]).Select(line => "    " + line));
        }

        return string.Join("\n", lines) + "\n";
    }

    /// <summary>The event's schema (and the components it refers to), at the indentation of <c>components/schemas</c>.</summary>
    private static List<string> EventSchema(string eventName, string schemaName, Pin pin)
    {
        var typeSchema = schemaName.Replace("Event", "Type", StringComparison.Ordinal);
        var type = pin switch
        {
            Pin.SingleValueEnum => $"{{ type: string, enum: [{eventName}] }}",
            Pin.ConstReference => $"{{ $ref: '#/components/schemas/{typeSchema}' }}",
            _ => $"{{ type: string, const: {eventName} }}",
        };
        string[] part =
        [
            "type: object",
            "required: [type, data]",
            "properties:",
            $"  type: {type}",
            "  data: { $ref: '#/components/schemas/EventData' }",
        ];
        var lines = new List<string> { schemaName + ":", "  allOf:", "  - $ref: '#/components/schemas/EventEnvelope'" };
        if (pin == Pin.PartReference)
        {
            lines.Add($"  - $ref: '#/components/schemas/{schemaName}Body'");
            lines.Add(schemaName + "Body:");
            lines.AddRange(part.Select(line => "  " + line));
        }
        else
        {
            lines.Add("  - " + part[0]);
            lines.AddRange(part.Skip(1).Select(line => "    " + line));
        }

        if (pin == Pin.ConstReference)
        {
            lines.AddRange([typeSchema + ":", "  type: string", $"  const: {eventName}"]);
        }

        return lines;
    }
}
