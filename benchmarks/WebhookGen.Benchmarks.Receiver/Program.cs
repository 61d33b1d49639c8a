using BenchmarkDotNet.Running;
using WebhookGen.Benchmarks.Receiver;

if (args is ["interleaved", ..])
{
    await InterleavedRounds.RunAsync(args);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ReceiverBenchmarkConfig).Assembly).Run(args, ReceiverBenchmarkConfig.Create());
