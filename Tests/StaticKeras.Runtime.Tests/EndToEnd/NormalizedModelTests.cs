using System;
using System.IO;
using System.Linq;
using System.Reflection;
using StaticKeras.Layers;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.EndToEnd;

/// <summary>
/// Keras' <c>Normalization</c> in a generated model: adapted to the training data before Fit (the user's own
/// method reaches the layer, as <c>model.layers[0].adapt(x)</c> does in Keras), a second one with given statistics
/// inside the network, so the explicit backward goes through its kernel.
/// </summary>
[Sequential, Input(3)]
[Compile(Optimizer.Adam, Loss.MeanSquaredError, LearningRate = 0.01)]
public partial class NormalizedRegressor
{
    readonly Normalization norm = new();
    readonly Dense hidden = new(8, Activation.Tanh);
    readonly Normalization rescale = new(mean: [0.5], variance: [4.0], invert: true);
    readonly Dense price = new(1);

    /// <summary>Learns the input statistics (Keras: <c>model.layers[0].adapt(x)</c>), before Fit.</summary>
    public void Adapt(Tensor x) => norm.Adapt(x);
}

/// <summary>The same model trained through autograd, the reference for the generated backward.</summary>
[Sequential, Input(3)]
[Compile(Optimizer.Adam, Loss.MeanSquaredError, LearningRate = 0.01, Backward = BackwardMode.Autograd)]
public partial class NormalizedRegressorAutograd
{
    readonly Normalization norm = new();
    readonly Dense hidden = new(8, Activation.Tanh);
    readonly Normalization rescale = new(mean: [0.5], variance: [4.0], invert: true);
    readonly Dense price = new(1);
}

public sealed class NormalizedModelTests
{
    // Features on very different scales (around 1000, 0.01 and -50); the target a linear function of them (variance 5.25).
    private static (Tensor X, Tensor Y) Data(int count, int seed)
    {
        manual_seed(seed);
        var x = randn(count, 3) * tensor(new float[] { 200, 0.005f, 10 }) + tensor(new float[] { 1000, 0.01f, -50 });
        var y = ((x[.., 0..1] - 1000) / 200) - 2 * ((x[.., 1..2] - 0.01f) / 0.005f) + 0.5f * ((x[.., 2..3] + 50) / 10);
        return (x, y);
    }

    [Fact]
    public void AdaptBeforeFitLearnsTheStatisticsWhichTrainingLeavesAlone()
    {
        using var scope = NewDisposeScope();
        var (x, y) = Data(256, 1);
        manual_seed(2);
        var model = new NormalizedRegressor();
        model.Adapt(x);
        var state = model.state_dict();
        Numerics(x.mean([0]), state["norm.mean"], 1e-4, "adapted mean");
        Numerics(x.var([0], unbiased: false), state["norm.variance"], 1e-3, "adapted variance (biased, as Keras)");
        // The given statistics of 'rescale' are not weights, as in Keras.
        Assert.Equal(["hidden.bias", "hidden.kernel", "norm.count", "norm.mean", "norm.variance", "price.bias", "price.kernel"], state.Keys.Order(StringComparer.Ordinal));
        var mean = state["norm.mean"].clone();

        var history = model.Fit(x, y, epochs: 30, batchSize: 32, verbose: 0);

        Assert.True(history.Logs["loss"][^1] < 0.15, $"final loss {history.Logs["loss"][^1]}");
        Numerics(mean, model.state_dict()["norm.mean"], 0, "mean after Fit");

        // The statistics are saved and loaded with the weights.
        var path = Path.Combine(Path.GetTempPath(), $"normalized-{Guid.NewGuid():N}.safetensors");
        try
        {
            model.SaveWeights(path);
            var loaded = new NormalizedRegressor();
            loaded.LoadWeights(path);
            Numerics(mean, loaded.state_dict()["norm.mean"], 0, "mean after a save/load round trip");
            Numerics(model.Predict(x, verbose: 0), loaded.Predict(x, verbose: 0), 0, "predictions after loading");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void WithoutAdaptTheFeaturesSwampTheModel()
    {
        // The same training on raw features (mean 0, variance 1: the identity) stays far worse: what Adapt is for.
        using var scope = NewDisposeScope();
        var (x, y) = Data(256, 1);
        manual_seed(2);
        var model = new NormalizedRegressor();
        var history = model.Fit(x, y, epochs: 30, batchSize: 32, verbose: 0);
        Assert.True(history.Logs["loss"][^1] > 0.5, $"final loss {history.Logs["loss"][^1]}");
    }

    [Fact]
    public void GeneratedBackwardGivesAutogradsGradientsInFloat64()
    {
        using var scope = NewDisposeScope();
        var (x, y) = Data(16, 3);
        var generated = new NormalizedRegressor();
        generated.Adapt(x);
        var autograd = new NormalizedRegressorAutograd();
        generated.to(ScalarType.Float64);
        autograd.to(ScalarType.Float64);
        autograd.SetWeights(generated.GetWeights());
        Tensor[] x64 = [x.to_type(ScalarType.Float64)], y64 = [y.to_type(ScalarType.Float64)];

        Step(generated, x64, y64);
        Step(autograd, x64, y64);

        var expected = autograd.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad!);
        foreach (var (name, weight) in generated.named_parameters())
        {
            var scale = Math.Max(expected[name].abs().max().item<double>(), 1e-300);
            var error = (weight.grad! - expected[name]).abs().max().item<double>() / scale;
            Assert.True(error <= 1e-10, $"gradient of {name} differs from autograd's by {error:G3} (relative)");
        }
    }

    // One training step as Fit runs it (see GeneratedStepTests).
    private static void Step(Model model, Tensor[] x, Tensor[] y)
    {
        model.train();
        _ = model.CompiledOptimizer;
        typeof(Model).GetMethod("TrainStep", BindingFlags.Instance | BindingFlags.NonPublic)!.Invoke(model, [x, y, new Tensor?[] { null }]);
        model.eval();
    }

    private static void Numerics(Tensor expected, Tensor actual, double tolerance, string what) =>
        Layers.Conformance.Numerics.AssertClose(expected.to_type(ScalarType.Float64), actual.to_type(ScalarType.Float64), tolerance, what);
}
