using System;
using StaticKeras.Layers;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;
using Padding = StaticKeras.Layers.Padding;

namespace StaticKeras.Runtime.Tests.Backward;

/// <summary>
/// The convolution and max-pooling gradients have two implementations (composed kernels, and
/// autograd's native backward on the op alone); the default is chosen by measurement, and the other
/// must stay correct for the comparison. The assembly runs tests one at a time, so toggling is safe.
/// </summary>
public sealed class KernelStrategyTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ConvolutionsMatchAutogradEitherWay(bool throughAutograd)
    {
        With(throughAutograd, () =>
        {
            random.manual_seed(71);
            var conv2d = Double(new Conv2D(6, 3, Activation.Relu, 2, Padding.Same, groups: 2), 7, 8, 4);
            BackwardCheck.Layer(conv2d, randn(2, 7, 8, 4, ScalarType.Float64), conv2d.Backward);
            var dilated = Double(new Conv2D(3, (2, 3), dilationRate: (2, 1), padding: Padding.Same), 6, 7, 2);
            BackwardCheck.Layer(dilated, randn(2, 6, 7, 2, ScalarType.Float64), dilated.Backward);
            var conv1d = Double(new Conv1D(4, 3, Activation.Tanh, 1, Padding.Causal, 2), 9, 3);
            BackwardCheck.Layer(conv1d, randn(2, 9, 3, ScalarType.Float64), conv1d.Backward);
            var transposed = Double(new Conv2DTranspose(3, 3, Activation.Sigmoid, 2, Padding.Same), 4, 5, 2);
            BackwardCheck.Layer(transposed, randn(2, 4, 5, 2, ScalarType.Float64), transposed.Backward);
        });
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MaxPoolingMatchesAutogradEitherWay(bool throughAutograd)
    {
        With(throughAutograd, () =>
        {
            random.manual_seed(72);
            var pool2d = new MaxPooling2D(3, 2, Padding.Same);
            BackwardCheck.Layer(pool2d, randn(2, 7, 6, 3, ScalarType.Float64), pool2d.Backward);
            var pool1d = new MaxPooling1D(3, 1);
            BackwardCheck.Layer(pool1d, randn(2, 9, 3, ScalarType.Float64), pool1d.Backward);
        });
    }

    private static void With(bool throughAutograd, Action check)
    {
        bool conv = ConvolutionGradients.UseAutograd, pool = PoolingGradients.MaxThroughAutograd;
        ConvolutionGradients.UseAutograd = throughAutograd;
        PoolingGradients.MaxThroughAutograd = throughAutograd;
        try
        {
            check();
        }
        finally
        {
            ConvolutionGradients.UseAutograd = conv;
            PoolingGradients.MaxThroughAutograd = pool;
        }
    }

    private static T Double<T>(T layer, params long[] shape) where T : Layer
    {
        layer.Build(shape);
        layer.to(ScalarType.Float64);
        return layer;
    }
}
