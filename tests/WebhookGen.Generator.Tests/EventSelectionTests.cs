using System.Linq;
using Microsoft.CodeAnalysis;
using Shouldly;
using WebhookGen.Generator.Tests.Corpus;
using WebhookGen.Generator.Tests.Infrastructure;
using Xunit;

namespace WebhookGen.Generator.Tests;

/// <summary>A receiver that chooses its events gets handlers and types for those only; the others are acknowledged.</summary>
public sealed class EventSelectionTests
{
    private static GeneratorRun GitHub(string events) =>
        GeneratorHarness.Run(
            $$"""
            using WebhookGen;
            namespace Hooks;
            [WebhookReceiver("api.github.com.json", Events = new[] { {{events}} })]
            public partial class GitHubReceiver { }
            """,
            new InMemoryAdditionalText("api.github.com.json", CorpusSpecs.Load("github").Text));

    private static string[] Handlers(GeneratorRun run) =>
        run.Source(".Receiver.g.cs").Split('\n').Where(l => l.Contains("public partial global::System.Threading.Tasks.ValueTask", System.StringComparison.Ordinal))
            .Select(l => l.Split(' ').First(w => w.StartsWith("On", System.StringComparison.Ordinal) && w.Contains('(', System.StringComparison.Ordinal)).Split('(')[0])
            .OrderBy(h => h, System.StringComparer.Ordinal)
            .ToArray();

    [Fact]
    public void A_group_a_key_and_a_pattern_choose_their_events_only()
    {
        var run = GitHub("\"ping\", \"pull_request.opened\", \"issue_comment.*\"");

        run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ShouldBeEmpty();
        Handlers(run).ShouldBe(["OnIssueCommentCreatedAsync", "OnIssueCommentDeletedAsync", "OnIssueCommentEditedAsync", "OnPingAsync", "OnPullRequestOpenedAsync"]);
    }

    [Fact]
    public void The_events_not_chosen_stay_on_the_route_as_acknowledged()
    {
        var webhooks = GitHub("\"ping\"").Source(".Webhooks.g.cs");

        webhooks.ShouldContain("new(global::WebhookGen.Hosting.WebhookEventSelector.Key(\"ping\", \"\"), Ping)");
        webhooks.ShouldContain("ignored: new[]");
        webhooks.ShouldContain("global::WebhookGen.Hosting.WebhookEventSelector.Key(\"issues\", \"opened\"),");
        webhooks.ShouldNotContain("IssuesOpened)");
    }

    [Fact]
    public void Only_the_types_the_chosen_events_use_are_generated()
    {
        var all = CorpusReceiver.RunDeclarationOnly(CorpusSpecs.Load("github")).Sources.Count(s => s.HintName.Contains(".Models.", System.StringComparison.Ordinal));
        var ping = GitHub("\"ping\"").Sources.Where(s => s.HintName.Contains(".Models.", System.StringComparison.Ordinal)).Select(s => s.HintName).ToList();

        ping.Count.ShouldBeLessThan(all / 10);
        ping.ShouldContain(h => h.EndsWith(".Models.WebhookPing.g.cs", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Names_and_csharp_names_choose_too_and_case_is_ignored()
    {
        Handlers(GitHub("\"issues-opened\", \"IssuesClosed\", \"PUSH\"")).ShouldBe(["OnIssuesClosedAsync", "OnIssuesOpenedAsync", "OnPushAsync"]);
    }

    [Fact]
    public void An_entry_that_matches_no_event_is_an_error_at_the_attribute_and_nothing_is_generated()
    {
        var run = GitHub("\"issues\", \"isues\"");

        var error = run.GeneratorDiagnostics.Single(d => d.Severity == DiagnosticSeverity.Error);
        error.Id.ShouldBe("WHG021");
        error.GetMessage(System.Globalization.CultureInfo.InvariantCulture).ShouldStartWith("Events entry 'isues' on GitHubReceiver matches no event of the spec");
        error.Location.SourceTree!.ToString().Substring(error.Location.SourceSpan.Start).ShouldStartWith("WebhookReceiver(");
        run.Sources.ShouldBeEmpty();
    }

    [Fact]
    public void Without_Events_every_event_is_a_handler()
    {
        var run = GeneratorHarness.Run(
            "using WebhookGen; namespace G; [WebhookReceiver(\"webhooks.yaml\")] public partial class GridXReceiver { }",
            new InMemoryAdditionalText("webhooks.yaml", TestSpecs.GridX));

        Handlers(run).Length.ShouldBe(9);
    }
}
