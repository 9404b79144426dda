using BenchmarkDotNet.Running;

// dotnet run -c Release --project Benchmarks -- --filter '*'
// dotnet run -c Release --project Benchmarks -- streaming-report [mlpSamples] [cnnSamples] [epochs] [rounds]   (streamed vs in-memory samples/s and peak memory, one process per run)
// dotnet run -c Release --project Benchmarks -- generator-report [layers...]   (the generator's per-edit numbers and the time of one model of 500 and 2,000 layers, quickly)
// dotnet run -c Release --project Benchmarks -- predict-report [mlp] [cnn]   (Predict against the hand-written loop, alternating in one process, quickly)
if (args is ["generator-report", .. var layers])
{
    StaticKeras.Benchmarks.Generator.EditReport.Run(layers.Length == 0 ? [500, 2000] : System.Array.ConvertAll(layers, int.Parse));
    return;
}

if (args is ["predict-report", .. var models])
{
    StaticKeras.Benchmarks.PredictReport.Run(models.Length == 0 ? ["mlp", "cnn"] : models, rounds: 15);
    return;
}

if (args is ["streaming-report", .. var options])
{
    StaticKeras.Benchmarks.StreamingReport.Run(options);
    return;
}

if (args is ["streaming-run", .. var run])
{
    StaticKeras.Benchmarks.StreamingReport.RunChild(run);
    return;
}

// dotnet run -c Release --project Benchmarks -- step-report [samples] [rounds]   (generated backward vs autograd vs hand-written, one run)
if (args is ["step-report", .. var stepOptions])
{
    StaticKeras.Benchmarks.TrainingStepReport.Run(
        stepOptions.Length > 0 ? int.Parse(stepOptions[0], System.Globalization.CultureInfo.InvariantCulture) : 60000,
        stepOptions.Length > 1 ? int.Parse(stepOptions[1], System.Globalization.CultureInfo.InvariantCulture) : 3);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(StaticKeras.Benchmarks.MlpEpochBenchmark).Assembly).Run(args);
