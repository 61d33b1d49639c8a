using System.Linq;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace WebhookGen.Generator.Tests.Fuzz;

/// <summary>
/// Fuzzes the generator with mutated copies of the specs under <c>specs/</c>: lines deleted, types swapped, references
/// broken, odd scalars, truncation, random bytes, huge strings, cycles, colliding names, deep nesting. For every
/// document the generator must not throw (no CS8785), and either the receiver compiles with no error and no warning, or
/// a WHG error says why there is no code.
/// </summary>
/// <remarks>
/// The run is seeded and bounded, so it is the same in CI every time: <see cref="FuzzSettings.DefaultIterations"/>
/// documents over the families, by weight. A larger run is one variable away:
/// <c>WEBHOOKGEN_FUZZ_ITERATIONS=50000 WEBHOOKGEN_FUZZ_SEED=7 dotnet test tests/WebhookGen.Generator.Tests --filter FullyQualifiedName~Fuzz</c>.
/// A failure names each document by <c>family:caseSeed</c>; <c>WEBHOOKGEN_FUZZ_REPLAY=refs:123</c> runs only that
/// one, and <c>WEBHOOKGEN_FUZZ_DUMP=/tmp/fuzz</c> writes the failing documents out (see <see cref="FuzzSettings"/>).
/// </remarks>
public sealed class FuzzTests(ITestOutputHelper output)
{
    public static TheoryData<string> Families => new(MutatorFamily.All.Select(f => f.Name));

    [Theory]
    [MemberData(nameof(Families))]
    public void Generator_never_throws_and_either_compiles_or_says_why_not(string family)
    {
        var run = FuzzRun.Run(MutatorFamily.Named(family));

        output.WriteLine(run.Summary());
        run.Failures.Select(f => f.Case.Id).ShouldBeEmpty(run.FailureReport());
    }
}
