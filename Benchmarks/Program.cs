using BenchmarkDotNet.Running;

// dotnet run -c Release --project Benchmarks -- --filter '*'
// dotnet run -c Release --project Benchmarks -- generator-report [layers...]   (the generator's per-edit numbers and the time of one model of 500 and 2,000 layers, quickly)
if (args is ["generator-report", .. var layers])
{
    StaticKeras.Benchmarks.Generator.EditReport.Run(layers.Length == 0 ? [500, 2000] : System.Array.ConvertAll(layers, int.Parse));
    return;
}

// dotnet run -c Release --project Benchmarks -- step-report [samples] [rounds]   (generated backward vs autograd vs hand-written, one run)
if (args is ["step-report", .. var options])
{
    StaticKeras.Benchmarks.TrainingStepReport.Run(
        options.Length > 0 ? int.Parse(options[0], System.Globalization.CultureInfo.InvariantCulture) : 60000,
        options.Length > 1 ? int.Parse(options[1], System.Globalization.CultureInfo.InvariantCulture) : 3);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(StaticKeras.Benchmarks.MlpEpochBenchmark).Assembly).Run(args);
