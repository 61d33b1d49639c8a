using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace WebhookGen.Benchmarks.Generator.Configuration;

/// <summary>
/// What every generator benchmark shares: an in-process job (so that BenchmarkDotNet does not rebuild the src/
/// projects), allocations per operation, rows in declaration order and the ratio taken per spec (the Spec parameter),
/// against the floor.
/// </summary>
public abstract class GeneratorBenchmarkConfig : ManualConfig
{
    // Long enough for the slowest single case (openai with NSwag) to finish all its iterations.
    private static readonly InProcessEmitToolchain InProcess = new(TimeSpan.FromMinutes(10), logOutput: true);

    protected GeneratorBenchmarkConfig(Job job)
    {
        AddJob(job.WithToolchain(InProcess));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(new PerEventColumn());
        AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByParams);
        WithOrderer(new DefaultOrderer(SummaryOrderPolicy.Declared, MethodOrderPolicy.Declared));
    }
}
