using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Shouldly;
using WebhookGen.Generator.Tests.Infrastructure;
using Xunit;

namespace WebhookGen.Generator.Tests;

/// <summary>The pipeline re-runs only what an edit changes: never the spec parse for a C# edit.</summary>
public sealed class IncrementalTests
{
    private static readonly string[] AllSteps =
    [
        TrackingNames.Receivers,
        TrackingNames.AdditionalFilePaths,
        TrackingNames.Bindings,
        TrackingNames.SpecFiles,
        TrackingNames.SpecSources,
        TrackingNames.Specs,
        TrackingNames.ReceiverModels,
    ];

    [Fact]
    public void An_unrelated_csharp_edit_leaves_every_step_cached_or_unchanged()
    {
        var spec = new InMemoryAdditionalText("/app/webhooks.yaml", TestSpecs.GridX);
        var compilation = GeneratorHarness.CreateCompilation(TestSpecs.GridXReceiverSource);
        var driver = GeneratorHarness.CreateDriver(spec).RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Other; public class Unrelated { }", GeneratorHarness.ParseOptions));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in AllSteps)
        {
            var reasons = Reasons(result, step);
            reasons.ShouldNotBeEmpty(step);
            reasons.ShouldAllBe(r => r == IncrementalStepRunReason.Cached || r == IncrementalStepRunReason.Unchanged, step);
        }
    }

    [Fact]
    public void Editing_the_receiver_class_members_does_not_read_the_spec_again()
    {
        var spec = new InMemoryAdditionalText("/app/webhooks.yaml", TestSpecs.GridX);
        var compilation = GeneratorHarness.CreateCompilation(TestSpecs.GridXReceiverSource);
        var driver = GeneratorHarness.CreateDriver(spec).RunGenerators(compilation);

        var oldTree = compilation.SyntaxTrees.Single();
        var newTree = oldTree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(
            TestSpecs.GridXReceiverSource.Replace("public partial class GridXReceiver\n{", "public partial class GridXReceiver\n{\n    private int _counter;\n    public int Next() => ++_counter;")));
        var result = driver.RunGenerators(compilation.ReplaceSyntaxTree(oldTree, newTree)).GetRunResult().Results.Single();

        Reasons(result, TrackingNames.Receivers).ShouldAllBe(r => r == IncrementalStepRunReason.Unchanged || r == IncrementalStepRunReason.Cached);
        Reasons(result, TrackingNames.Specs).ShouldAllBe(r => r == IncrementalStepRunReason.Cached);
        Reasons(result, TrackingNames.ReceiverModels).ShouldAllBe(r => r == IncrementalStepRunReason.Cached || r == IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void Editing_a_spec_regenerates_its_receiver_with_the_new_event()
    {
        var spec = new InMemoryAdditionalText("/app/webhooks.yaml", TestSpecs.GridX);
        var compilation = GeneratorHarness.CreateCompilation(TestSpecs.GridXReceiverSource);
        var driver = GeneratorHarness.CreateDriver(spec).RunGenerators(compilation);

        var edited = new InMemoryAdditionalText("/app/webhooks.yaml", AddEvent(TestSpecs.GridX, "/events/appliance/delete", "ApplianceOfflineEvent"));
        driver = driver.ReplaceAdditionalText(spec, edited).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var result = driver.GetRunResult().Results.Single();

        Reasons(result, TrackingNames.Specs).ShouldContain(IncrementalStepRunReason.Modified);
        var receiver = result.GeneratedSources.Single(s => s.HintName.EndsWith(".Receiver.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        receiver.ShouldContain("OnApplianceDeleteAsync(global::GridX.Receiver.ApplianceOfflineEvent payload");

        // The new handler is not implemented yet: the build says which one is missing.
        output.GetDiagnostics().ShouldContain(d => d.Id == "CS8795" && d.GetMessage().Contains("OnApplianceDeleteAsync"));
    }

    [Fact]
    public void Two_receivers_on_two_specs_are_independent()
    {
        var gridx = new InMemoryAdditionalText("/app/webhooks.yaml", TestSpecs.GridX);
        var hooks = new InMemoryAdditionalText("/app/hooks.yaml", MiniSpecs.OneEvent);
        var compilation = GeneratorHarness.CreateCompilation(TestSpecs.GridXReceiverSource, MiniSpecs.ReceiverSource);
        var driver = GeneratorHarness.CreateDriver(gridx, hooks).RunGenerators(compilation);
        var before = driver.GetRunResult().Results.Single().GeneratedSources.Where(s => s.HintName.StartsWith("GridX.", StringComparison.Ordinal)).Select(s => s.SourceText.ToString()).ToList();

        var editedHooks = new InMemoryAdditionalText("/app/hooks.yaml", MiniSpecs.OneEvent.Replace("/ping:", "/pong:"));
        var result = driver.ReplaceAdditionalText(hooks, editedHooks).RunGenerators(compilation).GetRunResult().Results.Single();

        var specReasons = Reasons(result, TrackingNames.Specs);
        specReasons.Count(r => r == IncrementalStepRunReason.Modified).ShouldBe(1);
        specReasons.Count(r => r == IncrementalStepRunReason.Cached).ShouldBe(1);
        var modelReasons = Reasons(result, TrackingNames.ReceiverModels);
        modelReasons.Count(r => r == IncrementalStepRunReason.Modified).ShouldBe(1);
        modelReasons.Count(r => r == IncrementalStepRunReason.Unchanged).ShouldBe(1);
        result.GeneratedSources.Where(s => s.HintName.StartsWith("GridX.", StringComparison.Ordinal)).Select(s => s.SourceText.ToString()).ShouldBe(before);
    }

    [Fact]
    public void No_step_output_holds_a_compilation_symbol_syntax_node_or_openapi_object()
    {
        var spec = new InMemoryAdditionalText("/app/webhooks.yaml", TestSpecs.GridX);
        var compilation = GeneratorHarness.CreateCompilation(TestSpecs.GridXReceiverSource);
        var result = GeneratorHarness.CreateDriver(spec).RunGenerators(compilation).GetRunResult().Results.Single();

        // SpecFiles and SpecSources hand AdditionalText on to the read step on purpose: they are its input, not the model.
        foreach (var step in AllSteps.Where(s => s != TrackingNames.SpecFiles && s != TrackingNames.SpecSources))
        {
            foreach (var output in result.TrackedSteps[step].SelectMany(s => s.Outputs))
            {
                AssertPlainData(output.Value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    private static string AddEvent(string spec, string path, string schema) =>
        spec.Replace("components:\n  schemas:", $$"""
              {{path}}:
                post:
                  parameters:
                  - in: header
                    name: X-Signature
                    required: true
                    example: sha512=<signature>
                    schema:
                      type: string
                  requestBody:
                    content:
                      application/json:
                        schema:
                          $ref: '#/components/schemas/{{schema}}'
                    required: true
                  responses:
                    "200":
                      description: ok
            components:
              schemas:
            """);

    private static List<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();

    private static void AssertPlainData(object? value, string step, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        var type = value.GetType();
        (value is Compilation or ISymbol or SyntaxNode or SyntaxTree).ShouldBeFalse($"{step} holds a {type}");
        type.Namespace?.StartsWith("Microsoft.OpenApi", StringComparison.Ordinal).ShouldNotBe(true, $"{step} holds a {type}");
        if (value is DiagnosticDescriptor or Microsoft.CodeAnalysis.Text.TextSpan or Microsoft.CodeAnalysis.Text.LinePositionSpan)
        {
            return;
        }

        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                AssertPlainData(item, step, seen);
            }

            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public).Where(p => p.GetIndexParameters().Length == 0))
        {
            AssertPlainData(property.GetValue(value), step, seen);
        }
    }
}
