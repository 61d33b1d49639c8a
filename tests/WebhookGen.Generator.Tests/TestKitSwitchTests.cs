using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Shouldly;
using WebhookGen.Generator.Tests.Infrastructure;
using Xunit;

namespace WebhookGen.Generator.Tests;

/// <summary>
/// <c>&lt;WebhookGenTestKit&gt;false&lt;/WebhookGenTestKit&gt;</c> leaves each receiver's test kit (its Sender and
/// Examples) out of the assembly; by default, and with any other value, it is generated.
/// </summary>
public sealed class TestKitSwitchTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("true", true)]
    [InlineData("", true)]
    [InlineData("false", false)]
    [InlineData(" False ", false)]
    public void The_test_kit_is_generated_unless_the_property_is_false(string? property, bool expected)
    {
        var properties = new Dictionary<string, string>();
        if (property is not null)
        {
            properties["WebhookGenTestKit"] = property;
        }

        var output = GeneratorHarness.Run(TestSpecs.GridXReceiverSource, properties, new InMemoryAdditionalText("/app/webhooks.yaml", TestSpecs.GridX)).Output;

        var hintNames = output.SyntaxTrees.Select(t => System.IO.Path.GetFileName(t.FilePath)).ToList();
        hintNames.ShouldContain(name => name.EndsWith(".Receiver.g.cs", StringComparison.Ordinal));
        hintNames.Any(name => name.EndsWith(".Sender.g.cs", StringComparison.Ordinal)).ShouldBe(expected);
        hintNames.Any(name => name.EndsWith(".Examples.g.cs", StringComparison.Ordinal)).ShouldBe(expected);

        // Nothing else refers to the test kit: the receiver compiles without it.
        output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != "CS8795").ShouldBeEmpty();
    }
}
