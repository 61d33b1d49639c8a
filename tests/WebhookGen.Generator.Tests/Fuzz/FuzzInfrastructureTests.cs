using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Shouldly;
using WebhookGen.Generator.Tests.Corpus;
using Xunit;

namespace WebhookGen.Generator.Tests.Fuzz;

/// <summary>The fuzzer's own parts work: a spec it writes back unmutated still compiles, cases repeat, every mutator mutates.</summary>
public sealed class FuzzInfrastructureTests
{
    public static TheoryData<string> Specs => CorpusSpecs.Folders();

    public static TheoryData<string> Mutators => new(MutatorFamily.All.SelectMany(f => f.Mutators).Select(m => m.Name).Distinct());

    [Theory]
    [MemberData(nameof(Specs))]
    public void A_spec_written_back_by_the_fuzzer_unmutated_still_compiles_in_both_formats(string folder)
    {
        // Else the fuzz would test the fuzzer's writer or slicer, not the generator.
        var seed = FuzzSeed.All.Single(s => s.Folder == folder);
        var tree = seed.IsLarge ? FuzzSlicer.Slice(seed.Tree, new Random(1), maxEvents: 2, out _).ShouldNotBeNull() : (JsonObject)seed.Tree.DeepClone();
        foreach (var format in new[] { SpecFormat.Yaml, SpecFormat.Json })
        {
            var document = new FuzzDocument(format, tree.DeepClone());
            var outcome = FuzzRunner.Run("/fuzz/" + folder + "/hooks" + document.Extension, document.Text, FuzzSettings.Timeout);
            outcome.Verdict.ShouldBe(FuzzVerdict.Compiled, $"{seed} written as {format}: {outcome.Detail}");
        }
    }

    [Fact]
    public void A_case_is_the_same_document_every_time_from_its_seed()
    {
        foreach (var family in MutatorFamily.All)
        {
            foreach (var index in Enumerable.Range(0, 12))
            {
                var seed = FuzzCase.SeedFor(FuzzSettings.DefaultSeed, family.Name, index);
                var first = FuzzCase.Create(family, seed);
                var second = FuzzCase.Create(family, seed);
                second.Text.ShouldBe(first.Text, first.ToString());
                second.Mutations.ShouldBe(first.Mutations, first.ToString());
                second.Path.ShouldBe(first.Path);
            }
        }

        FuzzCase.SeedFor(1, "refs", 0).ShouldNotBe(FuzzCase.SeedFor(2, "refs", 0), "the run seed changes every case");
    }

    [Theory]
    [MemberData(nameof(Mutators))]
    public void Every_mutator_changes_some_spec(string name)
    {
        var mutator = MutatorFamily.All.SelectMany(f => f.Mutators).First(m => m.Name == name);
        var changed = new List<string>();
        foreach (var seed in FuzzSeed.All.Where(s => !s.IsLarge))
        {
            foreach (var format in new[] { SpecFormat.Yaml, SpecFormat.Json })
            {
                var document = new FuzzDocument(format, seed.Tree.DeepClone());
                var before = document.Text;
                if (mutator.Apply(document, new Random(seed.Folder.Length)) is not null && document.Text != before)
                {
                    changed.Add($"{seed} as {format}");
                }
            }
        }

        changed.ShouldNotBeEmpty($"{name} changed no spec of specs/");
    }
}
