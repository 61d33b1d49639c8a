using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using WebhookGen.Benchmarks.Generator.Specs;

namespace WebhookGen.Benchmarks.Generator.Configuration;

/// <summary>The mean divided by the number of events, for the synthetic specs: flat across 10/100/1,000 means linear cost.</summary>
internal sealed class PerEventColumn : IColumn
{
    public string Id => nameof(PerEventColumn);

    public string ColumnName => "Mean/event";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Mean divided by the synthetic spec's event count, in microseconds";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var spec = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Spec")?.Value as string;
        var events = spec is null ? null : SpecCatalog.SyntheticEventCount(spec);
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        if (events is null || statistics is null)
        {
            return "-";
        }

        double microseconds = statistics.Mean / 1_000 / events.Value;
        return microseconds.ToString("N2", CultureInfo.InvariantCulture) + " μs";
    }
}
