using System;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers;

public sealed class Conv2DTransposeTests
{
    [Theory]
    [InlineData(3, 2, Padding.Valid, -1, 1, 9, 11)]
    [InlineData(3, 2, Padding.Same, -1, 1, 8, 10)]
    [InlineData(4, 2, Padding.Same, -1, 1, 8, 10)]
    [InlineData(3, 2, Padding.Same, 1, 1, 8, 10)]
    [InlineData(3, 2, Padding.Valid, 1, 1, 10, 12)]
    [InlineData(1, 3, Padding.Valid, -1, 1, 12, 15)]
    [InlineData(3, 1, Padding.Same, -1, 2, 4, 5)]
    [InlineData(2, 3, Padding.Same, 2, 1, 11, 14)]
    public void Conforms(int kernel, int stride, Padding padding, int outputPadding, int dilation, long outH, long outW)
    {
        // input (4, 5, 3), 2 filters; outputPadding -1 means none (Keras' None).
        Size2D? extra = outputPadding < 0 ? null : outputPadding;
        bool same = padding == Padding.Same;
        long? op = outputPadding < 0 ? null : outputPadding;
        Assert.Equal(outH, ReferenceTransposedConvolution.OutputLength(4, kernel, stride, dilation, same, op));
        Assert.Equal(outW, ReferenceTransposedConvolution.OutputLength(5, kernel, stride, dilation, same, op));
        LayerConformance.Check(new LayerSpec
        {
            Create = () => new Conv2DTranspose(2, kernel, Activation.Sigmoid, stride, padding, extra, dilation),
            BuildShape = [4, 5, 3],
            Shapes = [([2, 4, 5, 3], [2, outH, outW, 2]), ([1, 4, 5, 3], [1, outH, outW, 2])],
            Trainable = kernel * kernel * 2 * 3 + 2,
            WeightNames = ["kernel", "bias"],
            Perturb = layer => ((Conv2DTranspose)layer).Bias!.uniform_(-1, 1),
            Reference = (layer, x) =>
            {
                var conv = (Conv2DTranspose)layer;
                return ReferenceTransposedConvolution.Conv2DTranspose(
                    x, conv.Kernel, conv.Bias, [stride, stride], [dilation, dilation], same, outH, outW).sigmoid();
            },
        });
    }

    [Theory]
    [InlineData(3, 2, Padding.Same, new double[] { 1, 1, 3, 2 })]
    [InlineData(3, 2, Padding.Valid, new double[] { 1, 1, 3, 2, 2 })]
    [InlineData(1, 2, Padding.Valid, new double[] { 1, 0, 2, 0 })]
    [InlineData(4, 2, Padding.Same, new double[] { 1, 3, 3, 2 })]
    public void CropsAsTensorFlow(int kernel, int stride, Padding padding, double[] expected)
    {
        // x = [1, 2] along height, a kernel of ones: the full result of k=3, s=2 is [1, 1, 3, 2, 2];
        // "same" keeps its first 4 cells (PyTorch's padding=1, output_padding=1 would keep [1, 3, 2, 2]).
        var conv = new Conv2DTranspose(1, (kernel, 1), strides: (stride, 1), padding: padding, useBias: false);
        conv.Build(2, 1, 1);
        using (no_grad())
        {
            conv.Kernel.fill_(1);
        }

        var y = conv.Call(tensor(new float[] { 1, 2 }).reshape(1, 2, 1, 1));
        Numerics.AssertClose(Numerics.Doubles(expected, 1, expected.Length, 1, 1), y, 0, "transposed convolution");
    }

    [Fact]
    public void KernelHasKerasTransposedLayoutAndFans()
    {
        var conv = new Conv2DTranspose(16, (3, 5), strides: 2);
        conv.Build(7, 7, 8);
        Assert.Equal([3L, 5, 16, 8], conv.Kernel.shape);
        Assert.True(conv.Kernel.abs().max().item<float>() <= Math.Sqrt(6.0 / (15 * 16 + 15 * 8)));
        Assert.Equal(15, conv.OutputLength(7, 0));
        Assert.Equal(-1, conv.OutputLength(-1, 1));
    }

    [Fact]
    public void RejectsInvalidArguments()
    {
        Assert.Contains("found outputPadding 2 with strides 2",
            Assert.Throws<ArgumentOutOfRangeException>(() => new Conv2DTranspose(4, 3, strides: 2, outputPadding: (0, 2))).Message);
        Assert.Contains("padding must be Valid or Same",
            Assert.Throws<ArgumentException>(() => new Conv2DTranspose(4, 3, padding: Padding.Causal)).Message);
        Assert.Contains("gives an empty output along height",
            Assert.Throws<ArgumentException>(() => new Conv2DTranspose(4, 2, padding: Padding.Same, outputPadding: 0).Build(1, 3, 2)).Message);
        Assert.Contains("was built for 2 channels",
            Assert.Throws<ArgumentException>(() => Built(new Conv2DTranspose(4, 2), 3, 3, 2).Call(zeros(1, 3, 3, 5))).Message);
    }

    private static Layer Built(Layer layer, params long[] shape)
    {
        layer.Build(shape);
        return layer;
    }
}
