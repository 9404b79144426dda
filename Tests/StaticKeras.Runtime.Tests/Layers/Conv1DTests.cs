using System;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers;

public sealed class Conv1DTests
{
    [Theory]
    [InlineData(1, Padding.Valid, 1, 1, 7)]
    [InlineData(3, Padding.Same, 1, 1, 3)]
    [InlineData(1, Padding.Causal, 2, 1, 9)]
    [InlineData(2, Padding.Causal, 1, 2, 5)]
    [InlineData(1, Padding.Same, 3, 2, 9)]
    public void Conforms(int strides, Padding padding, int dilation, int groups, long steps)
    {
        // input (9, 4), kernel 3, 6 filters
        LayerConformance.Check(new LayerSpec
        {
            Create = () => new Conv1D(6, 3, Activation.Relu, strides, padding, dilation, groups),
            BuildShape = [9, 4],
            Shapes = [([2, 9, 4], [2, steps, 6]), ([3, 9, 4], [3, steps, 6])],
            Trainable = 3 * (4 / groups) * 6 + 6,
            WeightNames = ["kernel", "bias"],
            Perturb = layer => ((Conv1D)layer).Bias!.uniform_(-1, 1),
            Reference = (layer, x) =>
            {
                var conv = (Conv1D)layer;
                var (before, after) = padding switch
                {
                    Padding.Same => ReferenceConvolution.SamePad(9, 3, strides, dilation),
                    Padding.Causal => (2L * dilation, 0L),
                    _ => (0L, 0L),
                };
                var padded = ReferenceConvolution.ZeroPad(x.unsqueeze(1), 0, 0, before, after);
                var y = ReferenceConvolution.Conv2D(padded, conv.Kernel.unsqueeze(0), conv.Bias, [1, strides], [1, dilation], groups);
                return y.squeeze(1).relu();
            },
        });
    }

    [Theory]
    [InlineData(1, new double[] { 1, 3, 5, 7 })]
    [InlineData(2, new double[] { 1, 2, 4, 6 })]
    public void CausalPaddingSeesOnlyThePast(int dilation, double[] expected)
    {
        // y[t] = x[t] + x[t - dilation], zeros before the sequence.
        var conv = new Conv1D(1, 2, padding: Padding.Causal, dilationRate: dilation, useBias: false);
        conv.Build(4, 1);
        using (no_grad())
        {
            conv.Kernel.fill_(1);
        }

        var y = conv.Call(tensor(new float[] { 1, 2, 3, 4 }).reshape(1, 4, 1));
        Numerics.AssertClose(Numerics.Doubles(expected, 1, 4, 1), y, 0, "causal sums");
    }

    [Fact]
    public void SamePaddingPutsTheOddCellAtTheEnd()
    {
        // length 5, kernel 2, stride 1: TensorFlow pads 0 before and 1 after, so y[t] = x[t] + x[t + 1].
        var conv = new Conv1D(1, 2, padding: Padding.Same, useBias: false);
        conv.Build(5, 1);
        using (no_grad())
        {
            conv.Kernel.fill_(1);
        }

        var y = conv.Call(tensor(new float[] { 1, 2, 3, 4, 5 }).reshape(1, 5, 1));
        Numerics.AssertClose(Numerics.Doubles([3, 5, 7, 9, 5], 1, 5, 1), y, 0, "same sums");
    }

    [Fact]
    public void RejectsInvalidArgumentsAndInputs()
    {
        Assert.Contains("strides must be a positive integer, found 0",
            Assert.Throws<ArgumentOutOfRangeException>(() => new Conv1D(4, 3, strides: 0)).Message);
        Assert.Contains("strides=2, dilationRate=3", Assert.Throws<ArgumentException>(() => new Conv1D(4, 3, strides: 2, dilationRate: 3)).Message);
        Assert.Contains("expects inputs of rank 3 (batch, steps, channels), found shape (2, 5)",
            Assert.Throws<ArgumentException>(() => new Conv1D(4, 3).Call(zeros(2, 5))).Message);
        Assert.Contains("the window spans 3 along steps",
            Assert.Throws<ArgumentException>(() => new Conv1D(4, 3).Build(2, 5)).Message);
        Assert.Contains("unknown activation", Assert.Throws<ArgumentOutOfRangeException>(() => new Conv1D(4, 3, (Activation)99)).Message);
    }
}
