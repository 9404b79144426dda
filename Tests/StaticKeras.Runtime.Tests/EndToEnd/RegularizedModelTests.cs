using System.Linq;
using StaticKeras.Layers;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.EndToEnd;

/// <summary>Keras' regularizers on a generated model: kernel L2, bias L1 and an activity L1L2.</summary>
[Sequential, Input(4)]
[Compile(Optimizer.Sgd, Loss.MeanSquaredError)]
public partial class RegularizedRegressor
{
    readonly Dense hidden = new(5, Activation.Relu, kernelRegularizer: Regularizer.L2(0.01), biasRegularizer: Regularizer.L1(0.1));
    readonly Dense output = new(2, activityRegularizer: Regularizer.L1L2(0.01, 0.02));
}

/// <summary>The loss Fit logs and Evaluate returns includes the penalties, as Keras reports it.</summary>
public sealed class RegularizedModelTests
{
    // Keras 3.16 (numpy backend) on the same weights: 0.4 sin(0.7 i + k) for the weights in order
    // (k = 2, 3, 4, 5), x = w((6, 4), 1), y = w((6, 2), 5). model.losses after a call:
    // activity 0.011009965, kernel L2 0.015973873, bias L1 0.120518997; mse 0.154084310.
    private const double KerasMse = 0.15408430993556976;
    private const double KerasPenalties = 0.01100996509194374 + 0.015973873436450958 + 0.1205189973115921;

    private static Tensor W(long[] shape, double k) =>
        (arange(shape.Aggregate(1L, (a, b) => a * b), ScalarType.Float64) * 0.7 + k).sin().mul(0.4).reshape(shape).to_type(ScalarType.Float32);

    private static RegularizedRegressor Model()
    {
        var model = new RegularizedRegressor();
        using var noGrad = no_grad();
        var k = 2.0;
        foreach (var (_, parameter) in model.named_parameters())
        {
            parameter.copy_(W(parameter.shape, k++));
        }

        return model;
    }

    [Fact]
    public void EvaluateAndFitReportTheLossWithItsPenalties()
    {
        var (x, y) = (W([6, 4], 1), W([6, 2], 5));

        Assert.Equal(KerasMse + KerasPenalties, Model().Evaluate(x, y, batchSize: 6, verbose: 0).Loss, 5);
        // One batch: the logged loss is the step's, before the update.
        var history = Model().Fit(x, y, epochs: 2, batchSize: 6, verbose: 0);
        Assert.Equal(KerasMse + KerasPenalties, history.Logs["loss"][0], 5);
        Assert.True(history.Logs["loss"][1] < history.Logs["loss"][0]);
    }

    [Fact]
    public void TrainingShrinksTheRegularizedWeights()
    {
        manual_seed(3);
        var model = new RegularizedRegressor();
        var before = model.named_parameters().First(p => p.name == "hidden.kernel").parameter.detach().square().sum().item<float>();
        model.Fit(zeros(32, 4), zeros(32, 2), epochs: 20, batchSize: 8, verbose: 0);   // only the penalties pull on the kernel
        var after = model.named_parameters().First(p => p.name == "hidden.kernel").parameter.detach().square().sum().item<float>();
        Assert.True(after < before, $"sum of squares {before} -> {after}");
    }
}
