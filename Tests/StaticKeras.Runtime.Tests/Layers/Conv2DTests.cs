using System;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers;

public sealed class Conv2DTests
{
    [Theory]
    [InlineData(1, 1, Padding.Valid, 1, 1, true, 5, 6)]
    [InlineData(2, 2, Padding.Same, 1, 1, true, 4, 4)]
    [InlineData(2, 1, Padding.Valid, 1, 1, true, 3, 6)]
    [InlineData(1, 1, Padding.Same, 2, 1, true, 7, 8)]
    [InlineData(1, 1, Padding.Valid, 2, 2, false, 3, 4)]
    public void Conforms(int strideH, int strideW, Padding padding, int dilation, int groups, bool useBias, long outH, long outW)
    {
        // input (7, 8, 4), kernel (3, 3), 6 filters
        long perGroupIn = 4 / groups;
        LayerConformance.Check(new LayerSpec
        {
            Create = () => new Conv2D(6, 3, Activation.Tanh, (strideH, strideW), padding, dilation, groups, useBias),
            BuildShape = [7, 8, 4],
            Shapes = [([2, 7, 8, 4], [2, outH, outW, 6]), ([1, 7, 8, 4], [1, outH, outW, 6])],
            Trainable = 3 * 3 * perGroupIn * 6 + (useBias ? 6 : 0),
            WeightNames = useBias ? ["kernel", "bias"] : ["kernel"],
            Perturb = layer => ((Conv2D)layer).Bias?.uniform_(-1, 1),
            Reference = (layer, x) =>
            {
                var conv = (Conv2D)layer;
                var (top, bottom) = padding == Padding.Same ? ReferenceConvolution.SamePad(7, 3, strideH, dilation) : (0, 0);
                var (left, right) = padding == Padding.Same ? ReferenceConvolution.SamePad(8, 3, strideW, dilation) : (0, 0);
                var padded = ReferenceConvolution.ZeroPad(x, top, bottom, left, right);
                return ReferenceConvolution.Conv2D(padded, conv.Kernel, conv.Bias, [strideH, strideW], [dilation, dilation], groups).tanh();
            },
        });
    }

    [Fact]
    public void SamePaddingPutsTheOddCellAtTheEndAsTensorFlow()
    {
        // x[i, j] = 4i + j on a 4x4 image, a 3x3 kernel of ones, stride 2: TensorFlow pads 0 before, 1 after.
        var conv = new Conv2D(1, 3, strides: 2, padding: Padding.Same);
        conv.Build(4, 4, 1);
        using (no_grad())
        {
            conv.Kernel.fill_(1);
        }

        var y = conv.Call(arange(16, ScalarType.Float32).reshape(1, 4, 4, 1));
        Numerics.AssertClose(Numerics.Doubles([45, 39, 66, 50], 1, 2, 2, 1), y, 0, "same-padded sums");
    }

    [Fact]
    public void KernelIsGlorotUniformWithConvolutionFans()
    {
        random.manual_seed(7);
        var conv = new Conv2D(64, (5, 3));
        conv.Build(10, 10, 32);
        Assert.Equal([5L, 3, 32, 64], conv.Kernel.shape);
        double limit = Math.Sqrt(6.0 / (15 * 32 + 15 * 64));
        Assert.True(conv.Kernel.abs().max().item<float>() <= limit);
        Assert.True(conv.Kernel.abs().max().item<float>() > 0.99 * limit);
        Assert.Equal(0f, conv.Bias!.abs().sum().item<float>());
    }

    [Fact]
    public void RejectsInvalidArguments()
    {
        Assert.Contains("filters must be a positive integer, found 0", Assert.Throws<ArgumentOutOfRangeException>(() => new Conv2D(0, 3)).Message);
        Assert.Contains("kernelSize must be a positive integer, found 0", Assert.Throws<ArgumentOutOfRangeException>(() => new Conv2D(4, (3, 0))).Message);
        Assert.Contains("padding must be Valid or Same, found Causal", Assert.Throws<ArgumentException>(() => new Conv2D(4, 3, padding: Padding.Causal)).Message);
        Assert.Contains("strides=(2, 2), dilationRate=(2, 2)", Assert.Throws<ArgumentException>(() => new Conv2D(4, 3, strides: 2, dilationRate: 2)).Message);
        Assert.Contains("filters=6, groups=4", Assert.Throws<ArgumentException>(() => new Conv2D(6, 3, groups: 4)).Message);
    }

    [Fact]
    public void RejectsInputsThatDoNotFit()
    {
        Assert.Contains("expects inputs of rank 4 (batch, height, width, channels), found input shape (batch, 28, 28)",
            Assert.Throws<ArgumentException>(() => new Conv2D(4, 3).Build(28, 28)).Message);
        Assert.Contains("needs the channels dimension known", Assert.Throws<ArgumentException>(() => new Conv2D(4, 3).Build(28, 28, -1)).Message);
        Assert.Contains("divisible by groups=2, found input shape (batch, 8, 8, 3)",
            Assert.Throws<ArgumentException>(() => new Conv2D(4, 3, groups: 2).Build(8, 8, 3)).Message);
        Assert.Contains("the window spans 5 along height (size 3, dilation 2) but the input has 4",
            Assert.Throws<ArgumentException>(() => new Conv2D(4, 3, dilationRate: 2).Build(4, 9, 1)).Message);

        var conv = new Conv2D(4, 3);
        conv.Build(-1, -1, 3);
        Assert.Contains("was built for 3 channels, found inputs of shape (1, 8, 8, 2)",
            Assert.Throws<ArgumentException>(() => conv.Call(zeros(1, 8, 8, 2))).Message);
        Assert.Contains("input shape (batch, 2, 8, 3) is too small", Assert.Throws<ArgumentException>(() => conv.Call(zeros(1, 2, 8, 3))).Message);
        Assert.Contains("already built", Assert.Throws<InvalidOperationException>(() => conv.Build(8, 8, 3)).Message);
    }

    [Fact]
    public void RunsTheDesignsSmallCnnAsWritten()
    {
        // Seed example 2: the layers as a user declares them, with Keras' shapes and counts.
        var conv1 = new Conv2D(32, (3, 3), Activation.Relu);
        var pool1 = new MaxPooling2D((2, 2));
        var conv2 = new Conv2D(64, (3, 3), Activation.Relu);
        var pool2 = new MaxPooling2D((2, 2));
        conv1.Build(28, 28, 1);
        conv2.Build(13, 13, 32);
        var x = pool2.Call(conv2.Call(pool1.Call(conv1.Call(rand(2, 28, 28, 1)))));
        Assert.Equal([2L, 5, 5, 64], x.shape);
        Assert.Equal((320L, 18_496L), (ParameterCount(conv1), ParameterCount(conv2)));
    }

    private static long ParameterCount(Layer layer) => System.Linq.Enumerable.Sum(layer.parameters(), p => p.numel());
}
