using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Shouldly;
using WebhookGen.Generator.Tests.Infrastructure;
using Xunit;

namespace WebhookGen.Generator.Tests.OpenApi;

/// <summary>
/// In an app that references WebhookGen.OpenApi (its attribute is in the compilation), each receiver carries the JSON
/// Schemas of its payloads, written from the model its C# types are written from; in any other app, nothing.
/// </summary>
public sealed class OpenApiSchemasTests
{
    /// <summary>The attribute as WebhookGen.OpenApi declares it.</summary>
    private const string AttributeSource = """
        namespace WebhookGen.OpenApi
        {
            [System.AttributeUsage(System.AttributeTargets.Class, Inherited = true)]
            public sealed class WebhookOpenApiSchemasAttribute(string schemas) : System.Attribute
            {
                public string Schemas { get; } = schemas;
            }
        }
        """;

    [Fact]
    public void Without_the_package_no_schemas_are_written()
    {
        var run = GeneratorHarness.Run(TestSpecs.GridXReceiverSource, new InMemoryAdditionalText("/app/webhooks.yaml", TestSpecs.GridX));

        run.Sources.Select(s => s.HintName).ShouldNotContain(name => name.EndsWith(".OpenApi.g.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void With_the_package_the_receiver_carries_its_schemas()
    {
        var compilation = GeneratorHarness.CreateCompilation(TestSpecs.GridXReceiverSource, AttributeSource);
        var driver = GeneratorHarness.CreateDriver(new InMemoryAdditionalText("/app/webhooks.yaml", TestSpecs.GridX))
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        GeneratorHarness.AssertSecondRunCached(driver, GeneratorHarness.CreateCompilation(TestSpecs.GridXReceiverSource, AttributeSource));

        var source = driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName.EndsWith(".OpenApi.g.cs", StringComparison.Ordinal));
        source.SourceText.ToString().ShouldMatchApproved(options => options
            .SubFolder("Snapshots")
            .WithFilenameGenerator((_, _, fileType, _) => $"GridXReceiver.OpenApi.{fileType}.cs")
            .NoDiff());

        // It compiles (the handlers aside, which the test does not write), and the attribute reads as the schemas' text.
        output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != "CS8795").ShouldBeEmpty();
        var tree = output.SyntaxTrees.Single(t => t.FilePath.EndsWith(".OpenApi.g.cs", StringComparison.Ordinal));
        var argument = tree.GetRoot().DescendantNodes().OfType<AttributeArgumentSyntax>().Single();
        var text = (string)output.GetSemanticModel(tree).GetConstantValue(argument.Expression).Value!;
        var schemas = JsonNode.Parse(text)!;

        schemas["events"]!["appliance/create"]!.GetValue<string>().ShouldBe("GridXReceiver.ApplianceCreateEvent");
        schemas["events"]!.AsObject().Count.ShouldBe(9);
        // A record derived in the spec (allOf) is its base's schema and its own members, as the C# record derives from its base's.
        var created = schemas["schemas"]!["GridXReceiver.ApplianceCreateEvent"]!["allOf"]!;
        created[0]!["$ref"]!.GetValue<string>().ShouldBe("#/components/schemas/GridXReceiver.BasicEvent");
        created[1]!["required"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["type"]);
        var basic = schemas["schemas"]!["GridXReceiver.BasicEvent"]!;
        basic["required"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["id", "time", "specVersion", "source"], ignoreOrder: true);
        basic["properties"]!["correlationID"]!["type"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldBe(["string", "null"]);

        // Every reference names a schema of the text.
        var ids = schemas["schemas"]!.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        System.Text.RegularExpressions.Regex.Matches(text, "\"\\$ref\":\"#/components/schemas/([^\"]+)\"")
            .Select(m => m.Groups[1].Value)
            .Where(id => !ids.Contains(id))
            .ShouldBeEmpty();
    }
}
