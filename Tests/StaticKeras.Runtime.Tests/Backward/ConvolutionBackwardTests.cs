using StaticKeras.Layers;
using TorchSharp;
using Padding = StaticKeras.Layers.Padding;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Backward;

public sealed class ConvolutionBackwardTests
{
    [Theory]
    [InlineData(Padding.Valid, 1, 1, 1, Activation.Relu, true)]
    [InlineData(Padding.Same, 1, 1, 1, Activation.Tanh, true)]
    [InlineData(Padding.Same, 2, 1, 1, Activation.Linear, true)]
    [InlineData(Padding.Valid, 3, 1, 1, Activation.Sigmoid, false)]
    [InlineData(Padding.Causal, 1, 2, 1, Activation.Gelu, true)]
    [InlineData(Padding.Same, 1, 3, 2, Activation.Silu, true)]
    [InlineData(Padding.Valid, 2, 1, 2, Activation.Elu, true)]
    public void Conv1DMatchesAutograd(Padding padding, int stride, int dilation, int groups, Activation activation, bool useBias)
    {
        random.manual_seed(11);
        var conv = new Conv1D(6, 3, activation, stride, padding, dilation, groups, useBias);
        // Steps are symbolic: built with -1, called with two lengths (odd and even).
        conv.Build(-1, 4);
        conv.to(ScalarType.Float64);
        RandomBias(conv.Bias);
        foreach (long steps in new long[] { 11, 8 })
        {
            BackwardCheck.Layer(conv, randn(3, steps, 4, ScalarType.Float64), conv.Backward);
        }
    }

    [Theory]
    [InlineData(Padding.Valid, 1, 1, 1, 1, Activation.Relu, true)]
    [InlineData(Padding.Same, 1, 1, 1, 1, Activation.Relu, true)]
    [InlineData(Padding.Same, 2, 2, 1, 1, Activation.Tanh, true)]
    [InlineData(Padding.Valid, 2, 3, 1, 1, Activation.Linear, false)]
    [InlineData(Padding.Same, 1, 1, 2, 1, Activation.Softmax, true)]
    [InlineData(Padding.Valid, 1, 1, 2, 2, Activation.Selu, true)]
    [InlineData(Padding.Same, 3, 1, 1, 2, Activation.LeakyRelu, true)]
    [InlineData(Padding.Valid, 1, 1, 1, 1, Activation.Softplus, true)]
    public void Conv2DMatchesAutograd(Padding padding, int strideH, int strideW, int dilation, int groups, Activation activation, bool useBias)
    {
        random.manual_seed(12);
        var conv = new Conv2D(6, (3, 2), activation, (strideH, strideW), padding, dilation, groups, useBias);
        conv.Build(-1, -1, 4);
        conv.to(ScalarType.Float64);
        RandomBias(conv.Bias);
        BackwardCheck.Layer(conv, randn(2, 9, 7, 4, ScalarType.Float64), conv.Backward);
        BackwardCheck.Layer(conv, randn(3, 8, 10, 4, ScalarType.Float64), conv.Backward);
    }

    [Fact]
    public void Conv2DOnTheSampleCnnShapes()
    {
        random.manual_seed(13);
        var conv = new Conv2D(32, 3, Activation.Relu);
        conv.Build(28, 28, 1);
        conv.to(ScalarType.Float64);
        BackwardCheck.Layer(conv, randn(4, 28, 28, 1, ScalarType.Float64), conv.Backward);
    }

    [Theory]
    [InlineData(Padding.Valid, 1, 1, Activation.Relu, true, false)]
    [InlineData(Padding.Same, 2, 1, Activation.Tanh, true, false)]
    [InlineData(Padding.Valid, 3, 1, Activation.Linear, false, false)]
    [InlineData(Padding.Same, 1, 2, Activation.Sigmoid, true, false)]
    [InlineData(Padding.Valid, 2, 1, Activation.Gelu, true, true)]
    [InlineData(Padding.Same, 3, 1, Activation.Linear, true, true)]
    public void Conv2DTransposeMatchesAutograd(Padding padding, int stride, int dilation, Activation activation, bool useBias, bool outputPadding)
    {
        random.manual_seed(14);
        Size2D? extra = outputPadding ? (stride - 1, stride > 2 ? 1 : 0) : null;
        var conv = new Conv2DTranspose(5, (3, 2), activation, stride, padding, extra, dilation, useBias);
        conv.Build(-1, -1, 3);
        conv.to(ScalarType.Float64);
        RandomBias(conv.Bias);
        BackwardCheck.Layer(conv, randn(2, 5, 4, 3, ScalarType.Float64), conv.Backward);
        BackwardCheck.Layer(conv, randn(1, 3, 6, 3, ScalarType.Float64), conv.Backward);
    }

    [Fact]
    public void BackwardWeightsMatchesBackwardWithoutTheInputGradient()
    {
        random.manual_seed(15);
        var conv = new Conv2D(4, 3, Activation.Relu, padding: Padding.Same);
        conv.Build(6, 6, 2);
        conv.to(ScalarType.Float64);
        var x = randn(2, 6, 6, 2, ScalarType.Float64);
        var y = conv.Call(x).detach();
        var g = randn_like(y);
        conv.Backward(g, x, y);
        var kernel = conv.Kernel.grad!.clone();
        var bias = conv.Bias!.grad!.clone();
        conv.BackwardWeights(g, x, y);
        BackwardCheck.AssertRelative(2 * kernel, conv.Kernel.grad!, "kernel after both");
        BackwardCheck.AssertRelative(2 * bias, conv.Bias.grad!, "bias after both");
    }

    private static void RandomBias(TorchSharp.Modules.Parameter? bias)
    {
        using var noGrad = no_grad();
        bias?.uniform_(-0.5, 0.5);
    }
}
