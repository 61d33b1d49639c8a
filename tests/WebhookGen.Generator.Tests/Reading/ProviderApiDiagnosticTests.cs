using System;
using System.Globalization;
using System.Linq;
using Shouldly;
using WebhookGen.Generator.Tests.Corpus;
using WebhookGen.Generator.Tests.Infrastructure;
using Xunit;
using static WebhookGen.Generator.Tests.Infrastructure.DiagnosticAssertions;

namespace WebhookGen.Generator.Tests.Reading;

/// <summary>
/// WHG022: a spec read as a receiver written as <c>paths</c> whose paths look like the provider's API is said to be one,
/// at its <c>paths</c>; no receiver of the corpus is.
/// </summary>
public sealed class ProviderApiDiagnosticTests
{
    public static TheoryData<string> Specs => CorpusSpecs.Folders();

    [Theory]
    [MemberData(nameof(Specs))]
    public void No_spec_of_the_corpus_is_taken_for_a_providers_api(string folder)
    {
        var run = CorpusReceiver.RunDeclarationOnly(CorpusSpecs.Load(folder));

        run.GeneratorDiagnostics.ShouldNotContain(d => d.Id == "WHG022");
    }

    [Theory]
    [InlineData("redocly-museum", "webhooks:", "components:", "4 GET operations")]
    [InlineData("lob", "x-webhooks:", "components:", "105 operations")]
    public void A_providers_api_without_its_webhooks_is_said_to_be_one_at_its_paths(string folder, string from, string to, string sign)
    {
        var corpus = CorpusSpecs.Load(folder);
        var text = Without(corpus.Text, from, to);

        var run = CorpusReceiver.RunDeclarationOnly(corpus with { Text = text });

        var diagnostic = run.GeneratorDiagnostics.Where(d => d.Id == "WHG022").ShouldHaveSingleItem();
        diagnostic.Severity.ShouldBe(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning);
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        message.ShouldContain(sign);
        message.ShouldContain("security schemes");
        message.ShouldContain("x-webhook extension");
        message.ShouldContain("Events = [...]");
        ShouldPointAt(diagnostic, corpus.Path, text, "paths:");
    }

    [Fact]
    public void A_receiver_with_a_health_check_is_not_an_api()
    {
        var spec = MiniSpecs.OneEvent.Replace("paths:\n", """
            paths:
              /health:
                get:
                  responses:
                    '200':
                      description: ok

            """, StringComparison.Ordinal);

        var run = GeneratorHarness.Run(MiniSpecs.ReceiverSource, new InMemoryAdditionalText("/app/hooks.yaml", spec));

        run.GeneratorDiagnostics.ShouldNotContain(d => d.Id == "WHG022");
    }

    /// <summary>The text without the top-level section that starts at the line <paramref name="from"/>, up to <paramref name="to"/>.</summary>
    private static string Without(string text, string from, string to)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = normalized.IndexOf("\n" + from, StringComparison.Ordinal) + 1;
        var end = normalized.IndexOf("\n" + to, start, StringComparison.Ordinal) + 1;
        start.ShouldBeGreaterThan(0);
        end.ShouldBeGreaterThan(start);
        return normalized.Remove(start, end - start);
    }
}
