using BenchmarkDotNet.Running;

// dotnet run -c Release --project Benchmarks -- --filter '*'
// dotnet run -c Release --project Benchmarks -- streaming-report [mlpSamples] [cnnSamples] [epochs] [rounds] [pairs]   (streamed vs in-memory: samples/s and peak memory one process per run, the ratio from epochs alternating in one process)
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

// dotnet run -c Release --project Benchmarks -- adam-probe [length] [rounds]   (Adam.Step's one CPU pass vs the six libtorch kernels, alternating)
if (args is ["adam-probe", .. var adamOptions])
{
    StaticKeras.Benchmarks.AdamProbe.Run(
        Arg(adamOptions, 0, 101_770),
        Arg(adamOptions, 1, 5));
    return;
}

// dotnet run -c Release --project Benchmarks -- backward-probe [batch] [rounds]   (a CNN layer's backward through autograd vs composed, alternating)
if (args is ["backward-probe", .. var probeOptions])
{
    StaticKeras.Benchmarks.BackwardProbe.Run(
        Arg(probeOptions, 0, 128),
        Arg(probeOptions, 1, 5));
    return;
}

// dotnet run -c Release --project Benchmarks -- mlp-fit [batch] [epochs] [samples]   (only the generated MLP's Fit, e.g. under dotnet-trace)
if (args is ["mlp-fit", .. var mlpOptions])
{
    int Option(int i, int fallback) => Arg(mlpOptions, i, fallback);
    var (x, y) = StaticKeras.Benchmarks.BenchmarkData.TrainingSet();
    var n = System.Math.Min(Option(2, 60000), (int)x.shape[0]);
    var model = new StaticKeras.Benchmarks.BenchmarkMlp();
    for (var epoch = 0; epoch < Option(1, 3); epoch++)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        model.Fit(x[..n], y[..n], epochs: 1, batchSize: Option(0, 32), verbose: 0);
        System.Console.WriteLine($"mlp-fit epoch {epoch + 1}: {n / clock.Elapsed.TotalSeconds:N0} samples/s");
    }

    return;
}

// dotnet run -c Release --project Benchmarks -- cnn-fit [samples] [epochs]   (the Sequential CNN's Fit at batch 128, epoch by epoch from a fresh model)
if (args is ["cnn-fit", .. var cnnOptions])
{
    StaticKeras.Benchmarks.CnnFitReport.Run(
        Arg(cnnOptions, 0, 12800),
        Arg(cnnOptions, 1, 3));
    return;
}

// dotnet run -c Release --project Benchmarks -- step-report [samples] [rounds]   (generated backward vs autograd vs hand-written, one run)
if (args is ["step-report", .. var stepOptions])
{
    StaticKeras.Benchmarks.TrainingStepReport.Run(
        Arg(stepOptions, 0, 60000),
        Arg(stepOptions, 1, 3));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(StaticKeras.Benchmarks.MlpEpochBenchmark).Assembly).Run(args);

// A report's optional integer argument i, or its default.
static int Arg(string[] options, int i, int fallback) =>
    options.Length > i ? int.Parse(options[i], System.Globalization.CultureInfo.InvariantCulture) : fallback;
