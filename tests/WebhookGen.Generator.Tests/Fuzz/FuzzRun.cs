using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace WebhookGen.Generator.Tests.Fuzz;

/// <summary>A case and what the generator made of it.</summary>
internal sealed record FuzzResult(FuzzCase Case, FuzzOutcome Outcome)
{
    public override string ToString() => $"{Case}\n      → {Outcome.Verdict}: {Outcome.Detail}";
}

/// <summary>Runs the cases of a family, in parallel, and sums them up.</summary>
internal sealed class FuzzRun
{
    private FuzzRun(MutatorFamily family, IReadOnlyList<FuzzResult> results, TimeSpan elapsed)
    {
        Family = family;
        Results = results;
        Elapsed = elapsed;
    }

    public MutatorFamily Family { get; }

    public IReadOnlyList<FuzzResult> Results { get; }

    public TimeSpan Elapsed { get; }

    public IReadOnlyList<FuzzResult> Failures => Results.Where(r => r.Outcome.IsFailure).ToList();

    /// <summary>The family's share of the run's documents, or the cases <c>WEBHOOKGEN_FUZZ_REPLAY</c> names.</summary>
    public static FuzzRun Run(MutatorFamily family) =>
        FuzzSettings.Replay.Count > 0
            ? Run(family, FuzzSettings.Replay.Where(r => r.Family == family.Name).Select(r => r.CaseSeed).ToList())
            : Run(family, Enumerable.Range(0, family.Share(FuzzSettings.Iterations)).Select(i => FuzzCase.SeedFor(FuzzSettings.Seed, family.Name, i)).ToList());

    public static FuzzRun Run(MutatorFamily family, IReadOnlyList<int> caseSeeds)
    {
        var clock = Stopwatch.StartNew();
        var results = new FuzzResult[caseSeeds.Count];
        Parallel.For(0, caseSeeds.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            FuzzCase fuzzCase;
            try
            {
                fuzzCase = FuzzCase.Create(family, caseSeeds[i]);
            }
#pragma warning disable CA1031 // A broken mutator is reported with its case, like any other failure.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                var seed = FuzzSeed.All[0];
                fuzzCase = new FuzzCase(family.Name, caseSeeds[i], seed, "-", string.Empty, string.Empty, []);
                results[i] = new FuzzResult(fuzzCase, new FuzzOutcome(FuzzVerdict.FuzzerFailed, exception.ToString(), TimeSpan.Zero));
                return;
            }

            results[i] = new FuzzResult(fuzzCase, FuzzRunner.Run(fuzzCase.Path, fuzzCase.Text, FuzzSettings.Timeout));
            if (results[i].Outcome.IsFailure && FuzzSettings.DumpFolder is { } folder)
            {
                Directory.CreateDirectory(folder);
                File.WriteAllText(Path.Combine(folder, $"{family.Name}-{caseSeeds[i]}{Path.GetExtension(fuzzCase.Path)}"), fuzzCase.Text);
            }
        });

        return new FuzzRun(family, results, clock.Elapsed);
    }

    /// <summary>Counts by verdict and by mutator, and the slowest documents.</summary>
    public string Summary()
    {
        var text = new StringBuilder();
        var run = FuzzSettings.Replay.Count > 0 ? "replayed" : $"run seed {FuzzSettings.Seed}";
        text.Append(CultureInfo.InvariantCulture, $"{Family.Name}: {Results.Count} documents in {Elapsed.TotalSeconds:0.0} s ({run}); ");
        text.AppendJoin(", ", Results.GroupBy(r => r.Outcome.Verdict).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"));
        var compiling = Results.Sum(r => r.Outcome.Compiling.TotalSeconds);
        text.Append(CultureInfo.InvariantCulture, $"; {Results.Sum(r => r.Outcome.Elapsed.TotalSeconds) - compiling:0.0} s generating, {compiling:0.0} s compiling\n");
        var times = Results.Select(r => r.Outcome.Elapsed.TotalMilliseconds).Order().ToList();
        if (times.Count > 0)
        {
            var top = times.Skip(times.Count * 9 / 10).Sum();
            text.Append(CultureInfo.InvariantCulture, $"  per document: median {times[times.Count / 2]:0} ms, 90th percentile {times[times.Count * 9 / 10]:0} ms, the slowest tenth {top / times.Sum():P0} of the time\n");
        }

        foreach (var seed in Results.GroupBy(r => r.Case.Seed.Folder).OrderByDescending(g => g.Sum(r => r.Outcome.Elapsed.TotalSeconds)).Take(4))
        {
            text.Append(CultureInfo.InvariantCulture, $"  {seed.Key}: {seed.Count()} documents, {seed.Sum(r => r.Outcome.Elapsed.TotalSeconds):0.0} s ({seed.Sum(r => r.Outcome.Compiling.TotalSeconds):0.0} s compiling)\n");
        }

        foreach (var mutator in Results.SelectMany(r => r.Case.Mutations.Select(m => (Mutator: m.Split(':')[0], r.Outcome.Verdict))).GroupBy(m => m.Mutator).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"  {mutator.Key}: ");
            text.AppendJoin(", ", mutator.GroupBy(m => m.Verdict).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"));
            text.Append('\n');
        }

        foreach (var slow in Results.OrderByDescending(r => r.Outcome.Elapsed).Take(5))
        {
            text.Append(CultureInfo.InvariantCulture, $"  slow: {slow.Outcome.Elapsed.TotalMilliseconds:0} ms [{slow.Case.Id}] {slow.Case.Seed} {FuzzText.Clip(string.Join(" | ", slow.Case.Mutations), 160)}\n");
        }

        return text.ToString();
    }

    /// <summary>Every failure, each with what reproduces it.</summary>
    public string FailureReport()
    {
        var failures = Failures;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{failures.Count} of {Results.Count} documents of the '{Family.Name}' family broke the generator's contract (run seed {FuzzSettings.Seed}). ");
        text.Append("Replay one with WEBHOOKGEN_FUZZ_REPLAY=<id> (ids in brackets); WEBHOOKGEN_FUZZ_DUMP=<folder> writes the documents out.\n");
        foreach (var failure in failures)
        {
            text.Append("  ").Append(failure).Append('\n');
        }

        return text.ToString();
    }
}
