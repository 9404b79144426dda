using System;
using System.Linq;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers.Regularization;

/// <summary>Keras' L1, L2 and L1L2 regularizers and the layers that take them.</summary>
public sealed class RegularizerTests
{
    [Fact]
    public void PenaltiesAreKeras()
    {
        var x = tensor(new double[] { 1, -2, 3 });
        Assert.Equal(0.01 * 6, Regularizer.L1().Penalty(x).item<double>(), 12);
        Assert.Equal(0.01 * 14, Regularizer.L2().Penalty(x).item<double>(), 12);   // no 1/2, as Keras
        Assert.Equal(0.5 * 6 + 0.25 * 14, Regularizer.L1L2(0.5, 0.25).Penalty(x).item<double>(), 12);
        Assert.Equal(0.0, Regularizer.L1L2().Penalty(x).item<double>());
        Assert.Equal("L2(0.01)", Regularizer.L2().ToString());
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void RejectsFactorsKerasRejects(double factor) =>
        Assert.Contains("must be a non-negative finite number", Assert.Throws<ArgumentOutOfRangeException>(() => Regularizer.L2(factor)).Message);

    [Fact]
    public void LayersSumTheirWeightPenaltiesAndScaleTheActivityPenaltyByTheBatch()
    {
        var dense = new Dense(3, kernelRegularizer: Regularizer.L2(0.1), biasRegularizer: Regularizer.L1(0.5), activityRegularizer: Regularizer.L1(0.2));
        dense.Build(2);
        using (no_grad())
        {
            dense.Bias!.fill_(1);
        }

        var expected = 0.1 * dense.Kernel!.square().sum().item<float>() + 0.5 * 3;
        Assert.Equal(expected, dense.RegularizationLoss().item<float>(), 5);
        var y = ones(4, 3);
        Assert.Equal(0.2 * 12 / 4, dense.ActivityPenalty(y).item<float>(), 5);
        Assert.True(dense.IsRegularized);

        var plain = new Dense(3);
        plain.Build(2);
        Assert.False(plain.IsRegularized);
        Assert.Equal(0f, plain.RegularizationLoss().item<float>());
        Assert.Throws<InvalidOperationException>(() => plain.ActivityPenalty(y));
    }

    [Fact]
    public void EveryFamilyRegistersItsWeightsPenalties()
    {
        var l2 = Regularizer.L2(1);
        Layer[] layers =
        [
            new Conv1D(2, 3, kernelRegularizer: l2), new Conv2D(2, 3, kernelRegularizer: l2), new Conv2DTranspose(2, 3, kernelRegularizer: l2),
            new Embedding(5, 2, embeddingsRegularizer: l2), new LSTM(2, kernelRegularizer: l2), new GRU(2, recurrentRegularizer: l2),
            new SimpleRNN(2, biasRegularizer: l2),
        ];
        long[][] shapes = [[6, 2], [6, 6, 2], [6, 6, 2], [4], [3, 2], [3, 2], [3, 2]];
        string[] weights = ["kernel", "kernel", "kernel", "embeddings", "kernel", "recurrent_kernel", "bias"];
        for (var i = 0; i < layers.Length; i++)
        {
            layers[i].Build(shapes[i]);
            var weight = layers[i].named_parameters().Single(p => p.name == weights[i]).parameter;
            Assert.Equal(weight.square().sum().item<float>(), layers[i].RegularizationLoss().item<float>(), 4);
        }
    }

    [Fact]
    public void GradientsOfThePenaltiesAreAutogradsInFloat64()
    {
        var dense = new Dense(3, kernelRegularizer: Regularizer.L1L2(0.3, 0.2), activityRegularizer: Regularizer.L2(0.1));
        dense.Build(4);
        dense.to(ScalarType.Float64);
        var x = randn(5, 4, ScalarType.Float64);
        Tensor Loss() => dense.RegularizationLoss() + dense.ActivityPenalty(dense.Call(x));
        Loss().backward();
        var kernel = dense.named_parameters().Single(p => p.name == "kernel").parameter;
        GradientCheck.CheckEntries("kernel", kernel, kernel.grad!.detach().clone(), () => Loss().item<double>());
    }
}
