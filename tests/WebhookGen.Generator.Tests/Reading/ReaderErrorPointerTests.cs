using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Shouldly;
using WebhookGen.Generator.Reading;
using WebhookGen.Generator.Tests.Corpus;
using Xunit;

namespace WebhookGen.Generator.Tests.Reading;

/// <summary>
/// A problem the OpenAPI reader reports with a pointer that kept stale segments is still placed where it is in the spec,
/// and its message carries the repaired pointer.
/// </summary>
public sealed class ReaderErrorPointerTests
{
    private static readonly HashSet<string> Nodes = new(StringComparer.Ordinal)
    {
        "/components", "/components/mediaTypes", "/paths", "/paths/~1ping", "/paths/~1ping/post",
    };

    [Fact]
    public void An_exact_pointer_is_kept()
    {
        ReaderErrorPointer.Repair("/paths/~1ping/post", Nodes.Contains).ShouldBe("/paths/~1ping/post");
    }

    [Fact]
    public void A_pointer_with_stale_segments_in_front_becomes_its_longest_tail_that_names_a_node()
    {
        ReaderErrorPointer.Repair("/paths/~1a/post/examples/x/~1b/post/examples/basic/components", Nodes.Contains).ShouldBe("/components");
    }

    [Fact]
    public void A_pointer_no_tail_of_which_names_a_node_is_left_as_it_is()
    {
        ReaderErrorPointer.Repair("/nowhere/at/all", Nodes.Contains).ShouldBe("/nowhere/at/all");
    }

    [Fact]
    public void An_invalid_property_is_placed_on_its_key_and_the_message_names_the_repaired_pointer()
    {
        var (pointer, message, atKey) = ReaderErrorPointer.Locate(
            "/paths/~1a/examples/basic/components", "mediaTypes is not a valid property at #/paths/~1a/examples/basic/components", Nodes.Contains);

        pointer.ShouldBe("/components/mediaTypes");
        atKey.ShouldBeTrue();
        message.ShouldBe("mediaTypes is not a valid property at #/components");
    }

    [Fact]
    public void The_lob_spec_s_unknown_components_key_is_reported_at_that_key_not_at_the_top_of_the_file()
    {
        var spec = CorpusSpecs.Load("lob");
        var run = CorpusReceiver.RunDeclarationOnly(spec);

        var warning = run.GeneratorDiagnostics.Where(d => d.Id == "WHG011").ShouldHaveSingleItem();
        warning.GetMessage(CultureInfo.InvariantCulture).ShouldBe("mediaTypes is not a valid property at #/components");
        var lines = spec.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var line = warning.Location.GetLineSpan().StartLinePosition;
        lines[line.Line].ShouldBe("  mediaTypes:");
        line.Character.ShouldBe(2);
    }
}
