using BenchmarkDotNet.Running;

// dotnet run -c Release --project Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(StaticKeras.Benchmarks.MlpEpochBenchmark).Assembly).Run(args);
