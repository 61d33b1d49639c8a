using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace WebhookGen.Generator.Tests.Fuzz;

/// <summary>
/// One fuzzed document, made from nothing but its family and its seed: which spec, whether it is cut down to a few
/// events, in which format it is written and which mutations it gets all follow from <see cref="CaseSeed"/>.
/// </summary>
internal sealed record FuzzCase(string Family, int CaseSeed, FuzzSeed Seed, string Shape, string Path, string Text, IReadOnlyList<string> Mutations)
{
    /// <summary>Specs with more events than this are usually cut down to at most this many.</summary>
    private const int MaxEvents = 2;

    private const int Attempts = 6;

    /// <summary>What a failure report prints, and <c>WEBHOOKGEN_FUZZ_REPLAY</c> takes.</summary>
    public string Id => Family + ":" + CaseSeed.ToString(CultureInfo.InvariantCulture);

    /// <summary>The seed of the case at <paramref name="index"/> of <paramref name="family"/> in the run seeded <paramref name="runSeed"/>.</summary>
    public static int SeedFor(int runSeed, string family, int index) =>
        FuzzText.StableHash(runSeed.ToString(CultureInfo.InvariantCulture) + ":" + family + ":" + index.ToString(CultureInfo.InvariantCulture)) & int.MaxValue;

    public static FuzzCase Create(MutatorFamily family, int caseSeed)
    {
        var random = new Random(caseSeed);
        var seed = random.Pick(FuzzSeed.All);
        var plan = Enumerable.Range(0, family.MutationsPerDocument == 1 ? 1 : random.Next(2, family.MutationsPerDocument + 2))
            .Select(_ => random.Pick(family.Mutators))
            .OrderBy(m => m.Level) // structure first: once the text is changed there is no tree
            .ToList();

        var (document, shape) = Start(seed, random, textOnly: plan.All(m => m.Level == MutatorLevel.Text));
        var mutations = new List<string>();
        foreach (var planned in plan)
        {
            var mutator = planned;
            for (var attempt = 0; attempt < Attempts; attempt++)
            {
                if (mutator.Level == MutatorLevel.Tree && !document.HasTree)
                {
                    break;
                }

                var description = mutator.Apply(document, random);
                if (description is not null)
                {
                    mutations.Add(mutator.Name + ": " + description);
                    break;
                }

                // Nothing for this mutator to change here: another of the family.
                mutator = random.Pick(family.Mutators.Where(m => m.Level == MutatorLevel.Text || document.HasTree).ToList());
            }
        }

        var path = "/fuzz/" + seed.Folder + "/hooks" + document.Extension;
        return new FuzzCase(family.Name, caseSeed, seed, shape, path, document.Text, mutations);
    }

    /// <summary>The document before mutation: the spec's own text, or its tree (cut down to a few events, maybe written in the other format).</summary>
    private static (FuzzDocument Document, string Shape) Start(FuzzSeed seed, Random random, bool textOnly)
    {
        var container = FuzzSlicer.EventContainer(seed.Tree);
        var events = container is null ? 0 : ((JsonObject)seed.Tree[container]!).Count;
        if (seed.IsLarge || (events > MaxEvents && random.Chance(0.9)))
        {
            var sliced = FuzzSlicer.Slice(seed.Tree, random, MaxEvents, out var description);
            if (sliced is not null)
            {
                var format = Format(seed, random);
                return (new FuzzDocument(format, sliced), $"{description}, written as {format}");
            }
        }

        if (textOnly && random.Chance(0.7))
        {
            return (new FuzzDocument(seed.Format, seed.Text), "as written");
        }

        var written = Format(seed, random);
        return (new FuzzDocument(written, seed.Tree.DeepClone()), "whole, written as " + written);
    }

    private static SpecFormat Format(FuzzSeed seed, Random random) =>
        random.Chance(0.15) ? (seed.Format == SpecFormat.Json ? SpecFormat.Yaml : SpecFormat.Json) : seed.Format;

    public override string ToString() =>
        $"[{Id}] {Seed} ({Shape}) {string.Join(" | ", Mutations.DefaultIfEmpty("no mutation applied"))}";
}
