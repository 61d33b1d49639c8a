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
        TrackingNames.ReferenceScans,
        TrackingNames.SpecSources,
        TrackingNames.Specs,
        TrackingNames.ReceiverModels,
        TrackingNames.ReceiverOutputs,
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

        // The emit step: nothing to write again.
        var emitted = OutputReasons(result);
        emitted.ShouldNotBeEmpty();
        emitted.ShouldAllBe(r => r == IncrementalStepRunReason.Cached || r == IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void Adding_an_unrelated_additional_file_does_not_read_the_spec_again()
    {
        var spec = new InMemoryAdditionalText("/app/webhooks.yaml", TestSpecs.GridX);
        var compilation = GeneratorHarness.CreateCompilation(TestSpecs.GridXReceiverSource);
        var driver = GeneratorHarness.CreateDriver(spec).RunGenerators(compilation);

        var result = driver.AddAdditionalTexts([new InMemoryAdditionalText("/app/appsettings.json", "{}")]).RunGenerators(compilation).GetRunResult().Results.Single();

        Reasons(result, TrackingNames.Specs).ShouldBe([IncrementalStepRunReason.Cached]);
        Reasons(result, TrackingNames.ReceiverModels).ShouldAllBe(r => r == IncrementalStepRunReason.Cached || r == IncrementalStepRunReason.Unchanged);
        OutputReasons(result).ShouldAllBe(r => r == IncrementalStepRunReason.Cached || r == IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void Editing_the_receiver_class_members_does_not_read_the_spec_again()
    {
        var spec = new InMemoryAdditionalText("/app/webhooks.yaml", TestSpecs.GridX);
        var compilation = GeneratorHarness.CreateCompilation(TestSpecs.GridXReceiverSource);
        var driver = GeneratorHarness.CreateDriver(spec).RunGenerators(compilation);

        var oldTree = compilation.SyntaxTrees.Single();
        var edited = TestSpecs.GridXReceiverSource.Replace("public partial class GridXReceiver\n{", "public partial class GridXReceiver\n{\n    private int _counter;\n    public int Next() => ++_counter;", StringComparison.Ordinal);
        edited.ShouldNotBe(TestSpecs.GridXReceiverSource, "the edit must change the receiver class");
        var newTree = oldTree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(edited));
        var result = driver.RunGenerators(compilation.ReplaceSyntaxTree(oldTree, newTree)).GetRunResult().Results.Single();

        // The receiver may be parsed again (its tree changed), and is found equal to what it was.
        Reasons(result, TrackingNames.Receivers).ShouldAllBe(r => r == IncrementalStepRunReason.Unchanged || r == IncrementalStepRunReason.Cached);
        Reasons(result, TrackingNames.SpecSources).ShouldAllBe(r => r == IncrementalStepRunReason.Cached || r == IncrementalStepRunReason.Unchanged);
        Reasons(result, TrackingNames.Specs).ShouldBe([IncrementalStepRunReason.Cached]);
        Reasons(result, TrackingNames.ReceiverModels).ShouldAllBe(r => r == IncrementalStepRunReason.Cached || r == IncrementalStepRunReason.Unchanged);
        OutputReasons(result).ShouldAllBe(r => r == IncrementalStepRunReason.Cached || r == IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void A_line_added_above_the_receiver_class_moves_its_diagnostics_location_and_re_emits_nothing()
    {
        var spec = new InMemoryAdditionalText("/app/webhooks.yaml", TestSpecs.GridX);
        var compilation = GeneratorHarness.CreateCompilation(TestSpecs.GridXReceiverSource);
        var driver = GeneratorHarness.CreateDriver(spec).RunGenerators(compilation);
        var before = driver.GetRunResult().Results.Single().GeneratedSources;

        var oldTree = compilation.SyntaxTrees.Single();
        var newTree = oldTree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From("// A line typed above the receiver.\n" + TestSpecs.GridXReceiverSource));
        var result = driver.RunGenerators(compilation.ReplaceSyntaxTree(oldTree, newTree)).GetRunResult().Results.Single();

        // The declaration moved, so the model that carries its location changed; what the emitters read did not.
        Reasons(result, TrackingNames.Receivers).ShouldBe([IncrementalStepRunReason.Modified]);
        Reasons(result, TrackingNames.ReceiverModels).ShouldBe([IncrementalStepRunReason.Modified]);
        Reasons(result, TrackingNames.ReceiverOutputs).ShouldHaveSingleItem().ShouldBeOneOf(IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Cached);
        EmittedReceivers(result).ShouldBeEmpty();
        result.GeneratedSources.Length.ShouldBe(before.Length);
        for (var i = 0; i < before.Length; i++)
        {
            result.GeneratedSources[i].SourceText.ShouldBeSameAs(before[i].SourceText, before[i].HintName);
        }
    }

    [Fact]
    public void Editing_the_spec_title_changes_the_receivers_model_and_re_emits_nothing()
    {
        var spec = new InMemoryAdditionalText("/app/webhooks.yaml", TestSpecs.GridX);
        var compilation = GeneratorHarness.CreateCompilation(TestSpecs.GridXReceiverSource);
        var driver = GeneratorHarness.CreateDriver(spec).RunGenerators(compilation);

        var edited = new InMemoryAdditionalText("/app/webhooks.yaml", TestSpecs.GridX.Replace("title:", "title: Edited", StringComparison.Ordinal));
        var result = driver.ReplaceAdditionalText(spec, edited).RunGenerators(compilation).GetRunResult().Results.Single();

        Reasons(result, TrackingNames.Specs).ShouldBe([IncrementalStepRunReason.Modified]);
        Reasons(result, TrackingNames.ReceiverModels).ShouldBe([IncrementalStepRunReason.Modified]);
        Reasons(result, TrackingNames.ReceiverOutputs).ShouldHaveSingleItem().ShouldBeOneOf(IncrementalStepRunReason.Unchanged, IncrementalStepRunReason.Cached);
        EmittedReceivers(result).ShouldBeEmpty();
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
        ModelReasons(result).ShouldBe(new Dictionary<string, IncrementalStepRunReason>
        {
            ["GridXReceiver"] = IncrementalStepRunReason.Unchanged,
            ["HookReceiver"] = IncrementalStepRunReason.Modified,
        });

        // And back: editing the other spec leaves this one's receiver alone.
        var editedGridX = new InMemoryAdditionalText("/app/webhooks.yaml", TestSpecs.GridX.Replace("title:", "title: Edited", StringComparison.Ordinal));
        editedGridX.GetText().ToString().ShouldNotBe(TestSpecs.GridX);
        var back = driver.ReplaceAdditionalText(hooks, editedHooks).RunGenerators(compilation).ReplaceAdditionalText(gridx, editedGridX).RunGenerators(compilation).GetRunResult().Results.Single();
        ModelReasons(back)["HookReceiver"].ShouldBe(IncrementalStepRunReason.Unchanged);
        ModelReasons(back)["GridXReceiver"].ShouldBe(IncrementalStepRunReason.Modified, "the spec's title is part of the receiver's model: an edit of it must not go unseen");
        Reasons(back, TrackingNames.Specs).Count(r => r == IncrementalStepRunReason.Cached).ShouldBe(1);
    }

    [Fact]
    public void Editing_one_of_two_specs_regenerates_only_the_receivers_bound_to_it()
    {
        // Two receivers share hooks.yaml; a third is bound to webhooks.yaml.
        var second = MiniSpecs.ReceiverSource.Replace("class HookReceiver", "class SecondHookReceiver", StringComparison.Ordinal);
        var gridx = new InMemoryAdditionalText("/app/webhooks.yaml", TestSpecs.GridX);
        var hooks = new InMemoryAdditionalText("/app/hooks.yaml", MiniSpecs.OneEvent);
        var compilation = GeneratorHarness.CreateCompilation(TestSpecs.GridXReceiverSource, MiniSpecs.ReceiverSource, second);
        var driver = GeneratorHarness.CreateDriver(gridx, hooks).RunGenerators(compilation);
        var first = driver.GetRunResult().Results.Single();
        first.GeneratedSources.Select(s => s.HintName).ShouldContain("Tests.SecondHookReceiver.Receiver.g.cs");

        var editedHooks = new InMemoryAdditionalText("/app/hooks.yaml", MiniSpecs.OneEvent.Replace("/ping:", "/pong:", StringComparison.Ordinal));
        var result = driver.ReplaceAdditionalText(hooks, editedHooks).RunGenerators(compilation).GetRunResult().Results.Single();

        // The spec is read once however many receivers it has; the other spec is not read at all.
        var specs = Reasons(result, TrackingNames.Specs);
        specs.Count(r => r == IncrementalStepRunReason.Modified).ShouldBe(1);
        specs.Count(r => r == IncrementalStepRunReason.Cached).ShouldBe(1);
        ModelReasons(result).ShouldBe(new Dictionary<string, IncrementalStepRunReason>
        {
            ["GridXReceiver"] = IncrementalStepRunReason.Unchanged,
            ["HookReceiver"] = IncrementalStepRunReason.Modified,
            ["SecondHookReceiver"] = IncrementalStepRunReason.Modified,
        });

        // Only the edited spec's receivers are emitted again; the gridX sources are the very same texts.
        var emitted = EmittedReceivers(result);
        emitted.ShouldBe(["HookReceiver", "SecondHookReceiver"], ignoreOrder: true);
        foreach (var source in result.GeneratedSources.Where(s => s.HintName.StartsWith("GridX.", StringComparison.Ordinal)))
        {
            source.SourceText.ShouldBeSameAs(first.GeneratedSources.Single(s => s.HintName == source.HintName).SourceText, source.HintName);
        }

        result.GeneratedSources.Single(s => s.HintName == "Tests.SecondHookReceiver.Receiver.g.cs").SourceText.ToString().ShouldContain("OnPongAsync");
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

    [Fact]
    public void Every_model_type_is_a_value_equatable_record_of_plain_data()
    {
        var generator = typeof(WebhookReceiverGenerator).Assembly;
        var models = generator.GetTypes()
            .Where(t => t.Namespace == "WebhookGen.Generator.Model" && !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), false))
            .Append(typeof(Diagnostics.DiagnosticInfo))
            .Append(typeof(Diagnostics.LocationInfo))
            .ToHashSet();
        models.Count.ShouldBeGreaterThan(10);

        // The read step's input hands on AdditionalText on purpose (compared by reference: Roslyn gives the same one while
        // the file is unchanged); nothing else may hold one.
        var inputs = new[] { typeof(Model.SpecSource), typeof(Model.ReferencedFile), typeof(Model.SpecReferences) };
        var problems = new List<string>();
        foreach (var type in models.OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            if (type.IsEnum)
            {
                continue;
            }

            var isRecordClass = type.IsClass && type.GetMethod("<Clone>$", BindingFlags.Instance | BindingFlags.Public) is not null;
            var isEquatableStruct = type.IsValueType && typeof(IEquatable<>).MakeGenericType(type).IsAssignableFrom(type);
            if (!isRecordClass && !isEquatableStruct)
            {
                problems.Add($"{type.Name} is neither a record nor an equatable struct");
            }

            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (!IsPlainData(field.FieldType, models) && !(inputs.Contains(type) && field.FieldType == typeof(AdditionalText)))
                {
                    problems.Add($"{type.Name}.{field.Name.Replace("k__BackingField", string.Empty, StringComparison.Ordinal).Trim('<', '>')} is a {field.FieldType}");
                }
            }
        }

        problems.ShouldBeEmpty();
    }

    /// <summary>
    /// Whether a member of this type keeps a model value-equatable and free of compiler state: primitives, strings, enums,
    /// other model records, <c>EquatableArray</c>s of those, and Roslyn's own equatable values (descriptor, spans). Never a
    /// symbol, syntax, compilation, location, OpenAPI object, or a collection compared by reference.
    /// </summary>
    private static bool IsPlainData(Type type, HashSet<Type> models)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return IsPlainData(underlying, models);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Helpers.EquatableArray<>))
        {
            return IsPlainData(type.GetGenericArguments()[0], models);
        }

        if (typeof(ISymbol).IsAssignableFrom(type) || typeof(SyntaxNode).IsAssignableFrom(type) || typeof(SyntaxTree).IsAssignableFrom(type)
            || typeof(Compilation).IsAssignableFrom(type) || typeof(SemanticModel).IsAssignableFrom(type) || typeof(Location).IsAssignableFrom(type)
            || typeof(AttributeData).IsAssignableFrom(type) || type.Namespace?.StartsWith("Microsoft.OpenApi", StringComparison.Ordinal) == true)
        {
            return false;
        }

        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || models.Contains(type)
            || type == typeof(DiagnosticDescriptor) || type == typeof(Microsoft.CodeAnalysis.Text.TextSpan) || type == typeof(Microsoft.CodeAnalysis.Text.LinePositionSpan);
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

    /// <summary>The reasons of the output steps: adding sources and reporting diagnostics.</summary>
    private static List<IncrementalStepRunReason> OutputReasons(GeneratorRunResult result) =>
        result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();

    /// <summary>What happened to each receiver's model, by class name.</summary>
    private static Dictionary<string, IncrementalStepRunReason> ModelReasons(GeneratorRunResult result) =>
        result.TrackedSteps[TrackingNames.ReceiverModels]
            .SelectMany(s => s.Outputs)
            .ToDictionary(o => ((Model.ReceiverModel)o.Value).Receiver.ClassName, o => o.Reason, StringComparer.Ordinal);

    /// <summary>The receivers whose sources the emit step wrote again (the source output's input was new or modified).</summary>
    private static List<string> EmittedReceivers(GeneratorRunResult result) =>
        result.TrackedOutputSteps[WellKnownGeneratorOutputs.SourceOutput]
            .SelectMany(s => s.Inputs)
            .Where(i => i.Source.Outputs[i.OutputIndex].Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified)
            .Select(i => i.Source.Outputs[i.OutputIndex].Value)
            .Select(value => value is (Model.ReceiverOutput output, GeneratorSettings) ? output : value as Model.ReceiverOutput)
            .OfType<Model.ReceiverOutput>()
            .Select(m => m.Receiver.ClassName)
            .ToList();

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
