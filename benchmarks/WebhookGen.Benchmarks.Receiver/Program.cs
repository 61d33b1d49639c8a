using BenchmarkDotNet.Running;
using WebhookGen.Benchmarks.Receiver;

BenchmarkSwitcher.FromAssembly(typeof(ReceiverBenchmarkConfig).Assembly).Run(args, ReceiverBenchmarkConfig.Create());
