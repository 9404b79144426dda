using BenchmarkDotNet.Running;

// dotnet run -c Release --project Benchmarks -- --filter '*'
// dotnet run -c Release --project Benchmarks -- generator-report   (the generator's per-edit and scaling numbers, quickly)
if (args is ["generator-report"])
{
    StaticKeras.Benchmarks.Generator.EditReport.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(StaticKeras.Benchmarks.MlpEpochBenchmark).Assembly).Run(args);
