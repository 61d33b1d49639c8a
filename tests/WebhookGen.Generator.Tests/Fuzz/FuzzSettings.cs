using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace WebhookGen.Generator.Tests.Fuzz;

/// <summary>
/// How big the fuzz run is, from the environment. The defaults make a run that is the same on every machine and
/// short enough for CI; a larger run is one variable away:
/// <list type="bullet">
/// <item><c>WEBHOOKGEN_FUZZ_ITERATIONS</c>: the number of documents over all families (default
/// <see cref="DefaultIterations"/>), shared among them by weight;</item>
/// <item><c>WEBHOOKGEN_FUZZ_SEED</c>: the run's seed (default <see cref="DefaultSeed"/>); every case's own seed is
/// derived from it, its family and its index;</item>
/// <item><c>WEBHOOKGEN_FUZZ_REPLAY</c>: <c>family:caseSeed[,family:caseSeed…]</c>, as a failure report prints them:
/// runs only those cases;</item>
/// <item><c>WEBHOOKGEN_FUZZ_DUMP</c>: a folder to write each failing document to, as <c>{family}-{caseSeed}.{ext}</c>.</item>
/// </list>
/// For example <c>WEBHOOKGEN_FUZZ_ITERATIONS=50000 WEBHOOKGEN_FUZZ_SEED=7 dotnet test --filter FullyQualifiedName~Fuzz</c>.
/// </summary>
internal static class FuzzSettings
{
    /// <summary>About 30 s on two idle cores (the whole <c>Fuzz</c> filter about 45 s); 20,000 documents take about 5 minutes.</summary>
    public const int DefaultIterations = 1200;

    public const int DefaultSeed = 20_240_611;

    public static int Iterations { get; } = ReadInt("WEBHOOKGEN_FUZZ_ITERATIONS", DefaultIterations);

    public static int Seed { get; } = ReadInt("WEBHOOKGEN_FUZZ_SEED", DefaultSeed);

    public static string? DumpFolder { get; } = Environment.GetEnvironmentVariable("WEBHOOKGEN_FUZZ_DUMP") is { Length: > 0 } dump ? dump : null;

    /// <summary>The cases to replay instead of a run, by family; empty for a normal run.</summary>
    public static IReadOnlyList<(string Family, int CaseSeed)> Replay { get; } = ReadReplay();

    /// <summary>How long one document may take before it counts as a hang.</summary>
    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(60);

    private static int ReadInt(string name, int fallback)
    {
        var value = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new InvalidOperationException($"{name}={value} is not a whole number.");
    }

    private static List<(string Family, int CaseSeed)> ReadReplay()
    {
        var value = Environment.GetEnvironmentVariable("WEBHOOKGEN_FUZZ_REPLAY");
        if (string.IsNullOrWhiteSpace(value))
        {
            return [];
        }

        return value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(item => item.Split(':'))
            .Select(parts => parts.Length == 2 && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
                ? (parts[0], seed)
                : throw new InvalidOperationException($"WEBHOOKGEN_FUZZ_REPLAY: '{string.Join(':', parts)}' is not family:caseSeed."))
            .ToList();
    }
}
