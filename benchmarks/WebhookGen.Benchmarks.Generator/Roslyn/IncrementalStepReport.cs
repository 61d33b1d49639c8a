using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using WebhookGen.Generator;

namespace WebhookGen.Benchmarks.Generator.Roslyn;

/// <summary>
/// Proof from a tracking driver's last run that the spec was not read again: every output of the
/// <see cref="TrackingNames.Specs"/> step must be <see cref="IncrementalStepRunReason.Cached"/> (Unchanged would mean
/// the parse ran and happened to give an equal model), and every output of <see cref="TrackingNames.ReceiverModels"/>
/// Cached or Unchanged.
/// </summary>
internal static class IncrementalStepReport
{
    /// <summary>The reasons of every tracked step of the last run, one step a line.</summary>
    public static string Describe(GeneratorDriver driver)
    {
        var text = new StringBuilder();
        foreach (var (name, steps) in TrackedSteps(driver).OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var reasons = steps.SelectMany(s => s.Outputs).Select(o => o.Reason).GroupBy(r => r).Select(g => $"{g.Key} x{g.Count()}");
            text.AppendLine(CultureInfo.InvariantCulture, $"  {name}: {string.Join(", ", reasons)}");
        }

        return text.ToString();
    }

    /// <summary>Throws when the last run re-parsed the spec or rebuilt a receiver model into a different one.</summary>
    public static void ThrowIfReparsed(GeneratorDriver driver)
    {
        var steps = TrackedSteps(driver);
        Require(steps, TrackingNames.Specs, reason => reason == IncrementalStepRunReason.Cached, driver);
        Require(steps, TrackingNames.ReceiverModels, reason => reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, driver);
    }

    private static void Require(
        ImmutableDictionary<string, ImmutableArray<IncrementalGeneratorRunStep>> steps,
        string name,
        Func<IncrementalStepRunReason, bool> allowed,
        GeneratorDriver driver)
    {
        var reasons = steps.TryGetValue(name, out var runs) ? runs.SelectMany(s => s.Outputs).Select(o => o.Reason).ToList() : [];
        if (reasons.Count == 0 || !reasons.All(allowed))
        {
            throw new InvalidOperationException(
                $"The no-op re-run did work it should not have: step {name} reported [{string.Join(", ", reasons)}].{Environment.NewLine}{Describe(driver)}");
        }
    }

    private static ImmutableDictionary<string, ImmutableArray<IncrementalGeneratorRunStep>> TrackedSteps(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().TrackedSteps;
}
