using System;
using System.Linq;
using System.Reflection;
using StaticKeras.Layers;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.EndToEnd;

/// <summary>Keras' Luong Attention in a generated functional model: causal self-attention over a symbolic time axis.</summary>
[Model]
[Compile(Optimizer.Adam, Loss.MeanSquaredError, LearningRate = 0.01)]
public partial class AttendingRegressor
{
    readonly Dense project = new(6, Activation.Tanh);
    readonly Attention attention = new(useScale: true, useCausalMask: true);
    readonly Attention pooled = new(scoreMode: AttentionScoreMode.Concat);
    readonly GlobalAveragePooling1D pool = new();
    readonly Dense head = new(1);

    [Graph]
    Tensor Call([Input("time", 3)] Tensor series)
    {
        var x = project.Call(series);
        var a = attention.Call(x, x);
        return head.Call(pool.Call(pooled.Call(a, x, x)));
    }
}

/// <summary>The same model trained through whole-model autograd.</summary>
[Model]
[Compile(Optimizer.Adam, Loss.MeanSquaredError, LearningRate = 0.01, Backward = BackwardMode.Autograd)]
public partial class AttendingRegressorAutograd
{
    readonly Dense project = new(6, Activation.Tanh);
    readonly Attention attention = new(useScale: true, useCausalMask: true);
    readonly Attention pooled = new(scoreMode: AttentionScoreMode.Concat);
    readonly GlobalAveragePooling1D pool = new();
    readonly Dense head = new(1);

    [Graph]
    Tensor Call([Input("time", 3)] Tensor series)
    {
        var x = project.Call(series);
        var a = attention.Call(x, x);
        return head.Call(pool.Call(pooled.Call(a, x, x)));
    }
}

public sealed class LuongAttentionModelTests
{
    [Fact]
    public void GeneratedStepGivesAutogradsGradientsInFloat64()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        var generated = new AttendingRegressor();
        var autograd = new AttendingRegressorAutograd();
        generated.to(ScalarType.Float64);
        autograd.to(ScalarType.Float64);
        autograd.SetWeights(generated.GetWeights());
        Assert.Equal(["attention.scale", "head.bias", "head.kernel", "pooled.concat_score_weight", "project.bias", "project.kernel"],
            generated.state_dict().Keys.Order(StringComparer.Ordinal));
        Tensor[] x = [randn(4, 7, 3, ScalarType.Float64)], y = [randn(4, 1, ScalarType.Float64)];

        Step(generated, x, y);
        Step(autograd, x, y);

        var expected = autograd.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad!);
        foreach (var (name, weight) in generated.named_parameters())
        {
            var scale = Math.Max(expected[name].abs().max().item<double>(), 1e-300);
            var error = (weight.grad! - expected[name]).abs().max().item<double>() / scale;
            Assert.True(error <= 1e-10, $"gradient of {name} differs from autograd's by {error:G3} (relative)");
        }
    }

    [Fact]
    public void FitLearnsOverSequencesOfAnyLength()
    {
        // The target is the mean of the first feature: attention over every step can carry it.
        using var scope = NewDisposeScope();
        manual_seed(6);
        var model = new AttendingRegressor();
        var x = randn(256, 5, 3);
        var y = x[.., .., 0].mean([1]).unsqueeze(1);
        var history = model.Fit(x, y, epochs: 15, batchSize: 32, verbose: 0);
        Assert.True(history.Logs["loss"][^1] < 0.5 * history.Logs["loss"][0], $"loss {history.Logs["loss"][0]} -> {history.Logs["loss"][^1]}");
        Assert.Equal([2L, 1], model.Predict(randn(2, 9, 3), verbose: 0).shape);   // another length: the steps stay unknown
    }

    private static void Step(Model model, Tensor[] x, Tensor[] y)
    {
        model.train();
        _ = model.CompiledOptimizer;
        typeof(Model).GetMethod("TrainStep", BindingFlags.Instance | BindingFlags.NonPublic)!.Invoke(model, [x, y, new Tensor?[] { null }]);
        model.eval();
    }
}
