using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using StaticKeras.Optimizers;
using StaticKeras.Optimizers.Schedules;
using StaticKeras.Runtime.Tests.TestSupport;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Saving;

/// <summary>
/// The optimizer's state (step count, moments, accumulators, EMA, schedules' position) is saved with
/// the weights, so Fit with initialEpoch after LoadWeights reproduces an uninterrupted run bit for bit.
/// </summary>
public class OptimizerStateTests
{
    private static readonly Dictionary<string, Func<KerasOptimizer>> Optimizers = new()
    {
        ["adam-schedule-clipnorm-amsgrad"] = () => new Adam(amsgrad: true) { Schedule = new ExponentialDecay(0.05, 3, 0.5), ClipNorm = 1.0 },
        ["nadam-accumulation"] = () => new Nadam(0.05) { GradientAccumulationSteps = 3 },
        ["sgd-nesterov-weight-decay"] = () => new Sgd(0.1, momentum: 0.9, nesterov: true) { WeightDecay = 0.01 },
        ["adafactor"] = () => new Adafactor(0.05),
        ["ftrl"] = () => new Ftrl(0.05, l1RegularizationStrength: 0.001),
    };

    public static TheoryData<string> Names() => new(Optimizers.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void ResumingAfterLoadWeightsReproducesAnUninterruptedRunBitForBit(string name)
    {
        var (x, y) = Blobs.Make(40, seed: 71);       // 4 steps of 10 per epoch
        var uninterrupted = Trained(name, x, y, epochs: 3);

        var first = Trained(name, x, y, epochs: 2);
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "resume.weights.safetensors");
        first.SaveWeights(path);

        manual_seed(999);                            // other initial weights: all must come from the file
        var resumed = new TestMlp(TestMlp.Compiled());
        resumed.Compile(Optimizers[name]());
        resumed.LoadWeights(path);
        resumed.Fit(x, y, epochs: 3, batchSize: 10, shuffle: false, verbose: 0, initialEpoch: 2);

        Assert.Equal(uninterrupted.CompiledOptimizer.Iterations, resumed.CompiledOptimizer.Iterations);
        foreach (var (key, weight) in uninterrupted.state_dict())
        {
            Assert.True(weight.eq(resumed.state_dict()[key]).all().item<bool>(), $"{name}: {key} differs from the uninterrupted run");
        }
    }

    [Fact]
    public void TheMovingAverageAndTheStepCountAreRestored()
    {
        var (x, y) = Blobs.Make(40, seed: 72);
        manual_seed(73);
        var model = new TestMlp(TestMlp.Compiled());
        model.Compile(new Adam(0.05) { UseEma = true, EmaMomentum = 0.5 });
        model.Fit(x, y, epochs: 1, batchSize: 10, shuffle: false, verbose: 0);
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "ema.weights.safetensors");
        model.SaveWeights(path);

        var loaded = new TestMlp(TestMlp.Compiled());
        loaded.Compile(new Adam(0.05) { UseEma = true, EmaMomentum = 0.5 });
        loaded.LoadWeights(path);
        Assert.Equal(4, loaded.CompiledOptimizer.Iterations);
        var expected = model.CompiledOptimizer.SlotValues();
        var actual = loaded.CompiledOptimizer.SlotValues();
        Assert.Equal(["momentum", "velocity", "average"], loaded.CompiledOptimizer.AllSlotNames);
        for (var i = 0; i < expected.Length; i++)
        {
            for (var s = 0; s < expected[i].Length; s++)
            {
                Approx.Equal(expected[i][s], actual[i][s], 0);
            }
        }
    }

    [Fact]
    public void AnotherOptimizerIgnoresTheSavedStateAndTheWeightsStillLoad()
    {
        var (x, y) = Blobs.Make(20, seed: 74);
        var model = new TestMlp(TestMlp.Compiled());
        model.Fit(x, y, epochs: 1, batchSize: 10, verbose: 0);     // Adam, from [Compile]
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "adam.weights.safetensors");
        model.SaveWeights(path);

        var other = new TestMlp(TestMlp.Compiled());
        other.Compile(new Sgd(0.1, momentum: 0.9));
        other.LoadWeights(path);
        Assert.Equal(0, other.CompiledOptimizer.Iterations);
        foreach (var (key, weight) in model.state_dict())
        {
            Approx.Equal(weight, other.state_dict()[key], 0);
        }

        var plain = new TestMlp(null);                              // no optimizer at all
        plain.LoadWeights(path);
        Approx.Equal(model.state_dict()["hidden.kernel"], plain.state_dict()["hidden.kernel"], 0);
    }

    private static TestMlp Trained(string name, Tensor x, Tensor y, int epochs)
    {
        manual_seed(70);
        var model = new TestMlp(TestMlp.Compiled());
        model.Compile(Optimizers[name]());
        model.Fit(x, y, epochs: epochs, batchSize: 10, shuffle: false, verbose: 0);
        return model;
    }
}
