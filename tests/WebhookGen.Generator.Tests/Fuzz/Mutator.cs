using System;
using System.Collections.Generic;
using System.Linq;

namespace WebhookGen.Generator.Tests.Fuzz;

/// <summary>
/// One small, named, seeded change to a document. <see cref="Apply"/> changes the document and says what it did, or
/// returns null when the document has nothing it can change (another mutator is tried then).
/// </summary>
internal sealed record Mutator(string Name, MutatorLevel Level, Func<FuzzDocument, Random, string?> Apply)
{
    public override string ToString() => Name;
}

/// <summary>What a mutator changes: the parsed tree, or the text as it is.</summary>
internal enum MutatorLevel
{
    Tree,
    Text,
}

/// <summary>Mutators that break a document in a similar way; each family is one row of the fuzz theory.</summary>
internal sealed record MutatorFamily(string Name, int Weight, IReadOnlyList<Mutator> Mutators, int MutationsPerDocument = 1)
{
    public static IReadOnlyList<MutatorFamily> All { get; } =
    [
        new("lines", 12, TextMutators.Lines),
        new("bytes", 8, TextMutators.Bytes),
        new("types", 15, TypeMutators.All),
        new("refs", 12, ReferenceMutators.All),
        new("cycles", 12, CycleMutators.All),
        new("scalars", 14, ScalarMutators.All),
        new("keys", 13, KeyMutators.All),
        new("size", 4, SizeMutators.All),
        new("mixed", 10, [.. TypeMutators.All, .. ReferenceMutators.All, .. CycleMutators.All, .. ScalarMutators.All, .. KeyMutators.All, .. TextMutators.Lines], MutationsPerDocument: 3),
    ];

    public static MutatorFamily Named(string name) =>
        All.FirstOrDefault(f => f.Name == name) ?? throw new ArgumentException($"No mutator family '{name}'; there are {string.Join(", ", All.Select(f => f.Name))}.", nameof(name));

    /// <summary>This family's share of <paramref name="total"/> documents (at least one).</summary>
    public int Share(int total) => Math.Max(1, (int)Math.Round((double)total * Weight / All.Sum(f => f.Weight)));

    public override string ToString() => Name;
}
