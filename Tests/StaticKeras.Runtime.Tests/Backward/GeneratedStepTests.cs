using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Backward;

/// <summary>
/// The whole-model checks of the generated backward pass: for every sample architecture, the
/// generated training step gives autograd's gradients in float64 (relative error ≤ 1e-10), and one
/// training step gives autograd's weights in float32 (to round-off).
/// </summary>
public sealed class GeneratedStepTests
{
    public static TheoryData<string> ModelNames => ["mlp", "deep", "cnn", "residual", "custom", "shared", "twohead", "separable", "channelsfirst", "separablefirst", "wrappers"];

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void Float64GradientsAreAutogradsToRoundOff(string name)
    {
        using var scope = NewDisposeScope();
        var (generated, autograd, x, y, weights) = Create(name);
        generated.to(ScalarType.Float64);
        autograd.to(ScalarType.Float64);
        autograd.SetWeights(generated.GetWeights());
        var x64 = x.Select(t => t.to_type(ScalarType.Float64)).ToArray();
        var y64 = y.Select(t => t.is_floating_point() ? t.to_type(ScalarType.Float64) : t).ToArray();

        Step(generated, x64, y64, weights, seed: 11);
        Step(autograd, x64, y64, weights, seed: 11);

        var expected = autograd.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad!);
        foreach (var (parameter, weight) in generated.named_parameters())
        {
            var gradient = weight.grad ?? throw new InvalidOperationException($"{name}: {parameter} has no gradient");
            var error = RelativeError(gradient, expected[parameter]);
            Assert.True(error <= 1e-10, $"{name}: gradient of {parameter} differs from autograd's by {error:G3} (relative)");
        }
    }

    [Theory]
    [MemberData(nameof(ModelNames))]
    public void OneStepGivesAutogradsWeightsInFloat32(string name)
    {
        using var scope = NewDisposeScope();
        var (generated, autograd, x, y, weights) = Create(name);
        autograd.SetWeights(generated.GetWeights());

        Step(generated, x, y, weights, seed: 5);
        Step(autograd, x, y, weights, seed: 5);

        var expected = autograd.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach());
        foreach (var (parameter, weight) in generated.named_parameters())
        {
            Assert.True(weight.detach().allclose(expected[parameter], rtol: 1e-5, atol: 1e-6), $"{name}: {parameter} differs after one step");
        }
    }

    // Two epochs of batches of 8 and a last batch of 4: the memory plan's buffers of both batch sizes
    // are reused from one step to the next, and must give autograd's weights all the same.
    [Theory]
    [InlineData("mlp")]
    [InlineData("deep")]
    public void FitTrainsAsTheAutogradPathDoes(string name)
    {
        using var scope = NewDisposeScope();
        var (generated, autograd, x, y, _) = Create(name);
        autograd.SetWeights(generated.GetWeights());

        manual_seed(3);
        var generatedHistory = Fit(generated, x, y);
        manual_seed(3);
        var autogradHistory = Fit(autograd, x, y);

        Assert.Equal(autogradHistory.Logs["loss"], generatedHistory.Logs["loss"], (a, b) => Math.Abs(a - b) <= 1e-5);
        var expected = autograd.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach());
        foreach (var (parameter, weight) in generated.named_parameters())
        {
            Assert.True(weight.detach().allclose(expected[parameter], rtol: 1e-4, atol: 1e-5), $"{parameter} differs after two epochs");
        }
    }

    private static (Model Generated, Model Autograd, Tensor[] X, Tensor[] Y, Tensor?[] Weights) Create(string name)
    {
        manual_seed(7);
        var images = rand(12, 28, 28);
        var labels = randint(0, 10, [12], dtype: ScalarType.Int64);
        return name switch
        {
            "mlp" => (new MlpGenerated(), new MlpAutograd(), [images], [labels], [null]),
            "deep" => (new DeepMlpGenerated(), new DeepMlpAutograd(), [images], [labels], [null]),
            "cnn" => (new CnnGenerated(), new CnnAutograd(), [images.unsqueeze(-1)], [labels], [null]),
            "channelsfirst" => (new ChannelsFirstGenerated(), new ChannelsFirstAutograd(), [images.unsqueeze(1)], [labels], [null]),
            "wrappers" => (new WrappersGenerated(), new WrappersAutograd(), [images], [labels], [null]),
            "separable" => (new SeparableGenerated(), new SeparableAutograd(), [images.unsqueeze(-1)], [labels], [null]),
            "separablefirst" => (new SeparableFirstGenerated(), new SeparableFirstAutograd(), [images.unsqueeze(1)], [labels], [null]),
            "residual" => (new ResidualGenerated(), new ResidualAutograd(), [images.unsqueeze(-1)], [labels], [null]),
            "custom" => (new CustomGenerated(), new CustomAutograd(), [images], [labels], [null]),
            "shared" => (new SharedGenerated(), new SharedAutograd(), [randn(12, 6)], [rand(12, 2)], [rand(12)]),
            "twohead" => (new TwoHeadGenerated(), new TwoHeadAutograd(), [randn(12, 5)], [randint(0, 2, [12, 1]).to_type(ScalarType.Float32), randn(12, 1)], [rand(12), null]),
            _ => throw new ArgumentException(name, nameof(name)),
        };
    }

    private static StaticKeras.Callbacks.History Fit(Model model, Tensor[] x, Tensor[] y) => model.Fit(x[0], y[0], epochs: 2, batchSize: 8, shuffle: true, verbose: 0);

    // One training step as Fit runs it (training mode, the step's own scope), from the same random state.
    private static void Step(Model model, Tensor[] x, Tensor[] y, Tensor?[] weights, int seed)
    {
        model.train();
        _ = model.CompiledOptimizer;   // as Fit does: built before any step (it moves the weights into its flat buffer)
        manual_seed(seed);
        typeof(Model).GetMethod("TrainStep", BindingFlags.Instance | BindingFlags.NonPublic)!.Invoke(model, [x, y, weights]);
        model.eval();
    }

    private static double RelativeError(Tensor actual, Tensor expected)
    {
        var scale = Math.Max(expected.abs().max().item<double>(), 1e-300);
        return (actual - expected).abs().max().item<double>() / scale;
    }
}
