using System.Globalization;
using Microsoft.CodeAnalysis;
using Shouldly;
using WebhookGen.Generator.Tests.Infrastructure;
using Xunit;

namespace WebhookGen.Generator.Tests;

/// <summary>
/// One YAML indentation slip is one WHG003 at the faulty line: a key indented less than its siblings (which YAML only
/// notices some lines later) is named at its own line; a key indented more is reported where it stands.
/// </summary>
public sealed class YamlIndentationTests
{
    [Theory]
    [InlineData(31, -2, 31, 39)] // requestBody: under post, two spaces short
    [InlineData(32, -2, 32, 36)] // content: under requestBody
    [InlineData(40, -2, 40, 43)] // "200": under responses
    [InlineData(39, 1, 39, null)] // responses: one space too many
    [InlineData(55, 1, 55, null)] // summary: one space too many
    public void A_slip_is_one_error_at_its_own_line(int line, int shift, int reportedLine, int? noticedLine)
    {
        var lines = TestSpecs.GridX.Split('\n');
        var original = lines[line - 1];
        lines[line - 1] = shift > 0 ? new string(' ', shift) + original : original[(-shift)..];
        var spec = string.Join('\n', lines);

        var run = GeneratorHarness.Run(TestSpecs.EmptyGridXReceiverSource, new InMemoryAdditionalText("/app/webhooks.yaml", spec));

        var diagnostic = run.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("WHG003");
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Error);
        var position = diagnostic.Location.GetLineSpan().StartLinePosition;
        (position.Line + 1).ShouldBe(reportedLine);
        position.Character.ShouldBe(lines[line - 1].Length - lines[line - 1].TrimStart().Length, "at the key, after its indentation");
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        if (noticedLine is { } noticed)
        {
            message.ShouldContain($"at line {noticed}: line {line} ('{original.Trim()}') is indented less than the lines around it");
        }
        else
        {
            message.ShouldNotContain("indented less");
        }

        run.Sources.ShouldBeEmpty();
    }

    [Fact]
    public void A_stop_with_a_sibling_just_above_is_reported_where_yaml_stopped()
    {
        // The line YAML stops at has its sibling right above: nothing between them ended the mapping.
        const string spec = "openapi: 3.0.3\ninfo:\n  title: t\n  version: '1'\n   extra: 1\npaths: {}\n";

        var run = GeneratorHarness.Run(TestSpecs.EmptyGridXReceiverSource, new InMemoryAdditionalText("/app/webhooks.yaml", spec));

        var diagnostic = run.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("WHG003");
        diagnostic.GetMessage(CultureInfo.InvariantCulture).ShouldNotContain("indented less");
    }
}
