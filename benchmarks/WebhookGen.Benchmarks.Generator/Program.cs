using BenchmarkDotNet.Running;

// `dotnet run -c Release -- --filter '*'` runs every benchmark; the jobs come from each class's [Config].
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
