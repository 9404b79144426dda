using System;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Layers.Attention;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers;

/// <summary>
/// SeparableConv2D: conformance against a depthwise step (as a full convolution with the block-diagonal
/// kernel) then a 1×1 convolution, and Keras 3.16 (numpy backend) outputs made by /tmp/layers14a-dw.py
/// (keras.layers.SeparableConv2D on a (2, 5, 6, 3) input, weights and input filled as <see cref="KerasFill"/> does).
/// </summary>
public sealed class SeparableConv2DTests
{
    private static readonly double[] ValidMultiplierTwoRelu =
    [
        0.4267555, 0.3422749, 0.2114691, 0.0520419, 0.4910476, 0.3969189, 0.249069, 0.06750885, 0.5386871, 0.4294744,
        0.2621344, 0.05931574, 0.5478783, 0.425047, 0.2446877, 0.03121095, 0.393279, 0.2818456, 0.1322657, 0,
        0.3610252, 0.2649107, 0.1329417, 0, 0.3716049, 0.286282, 0.1622123, 0.01618784, 0.4201778, 0.3361822,
        0.2066859, 0.04921566, 0.5490227, 0.4273588, 0.247854, 0.03480321, 0.5196705, 0.3910602, 0.2095217, 0,
        0.4605704, 0.3353534, 0.164748, 0, 0.398761, 0.2857249, 0.1340173, 0, 0.4137846, 0.3301561,
        0.2018425, 0.04621047, 0.4778351, 0.3864127, 0.2426912, 0.06612255, 0.5312777, 0.4253876, 0.2619233, 0.06300883,
        0.5496619, 0.4292492, 0.2507397, 0.03829374, 0.5497924, 0.4307081, 0.2533295, 0.04166383, 0.5291087, 0.4011471,
        0.2188921, 0.007011059, 0.4743589, 0.3475631, 0.1737263, 0, 0.4105916, 0.2944714, 0.1384958, 0,
        0.4016876, 0.3184325, 0.192079, 0.03972855, 0.4641267, 0.3750987, 0.2353029, 0.06365991, 0.5222295, 0.4196593,
        0.2602903, 0.0656921, 0.5494136, 0.4317276, 0.2556092, 0.04489537, 0.4168769, 0.2992917, 0.1411989, 0,
        0.3699214, 0.2674671, 0.1288125, 0, 0.3617293, 0.2727792, 0.1469098, 0.001156831, 0.3960486, 0.3127977,
        0.1872112, 0.0362865, 0.5485274, 0.4323022, 0.2575669, 0.04797115, 0.5369545, 0.410111, 0.227761, 0.01458457,
        0.487726, 0.3597958, 0.1831691, 0, 0.4233644, 0.3043763, 0.1441923, 0,
    ];

    private static readonly double[] SameStridesTwoOne =
    [
        -0.4662508, -0.5128098, -0.06124249, -0.08981949, 1.163635, 0.9844781, 2.064146, 1.767874, 2.228299, 1.901959,
        1.523574, 1.275473, 1.549434, 1.345731, 2.654878, 2.278205, 2.577631, 2.193731, 1.529102, 1.265112,
        -0.01099771, -0.08280021, -0.8587512, -0.7388401, 1.547396, 1.360448, 0.9885619, 0.8008542, -0.2435744, -0.2715367,
        -1.156268, -1.060192, -1.331954, -1.204296, -0.5930492, -0.5354269, 1.591688, 1.400354, 2.268378, 1.94037,
        1.863594, 1.575668, 0.8142056, 0.6495903, -0.3996827, -0.4141753, -0.9049075, -0.7831224, 1.40807, 1.226046,
        0.4906916, 0.354987, -0.9812753, -0.9255084, -1.796296, -1.623071, -1.581491, -1.418561, -0.3800714, -0.3712482,
        -0.7754441, -0.760891, -1.368791, -1.239259, -0.9719453, -0.8852453, 0.07757813, 0.03328019, 1.299614, 1.096085,
        1.64889, 1.324959,
    ];

    [Theory]
    [InlineData(1, 1, Padding.Valid, 1, 1, true, 5, 6)]
    [InlineData(2, 2, Padding.Same, 1, 2, true, 4, 4)]
    [InlineData(1, 1, Padding.Same, 2, 3, false, 7, 8)]
    [InlineData(2, 1, Padding.Valid, 2, 2, true, 2, 4)]
    public void Conforms(int strideH, int strideW, Padding padding, int dilation, int multiplier, bool useBias, long outH, long outW)
    {
        // input (7, 8, 4), kernel (3, 3), 5 filters
        LayerConformance.Check(new LayerSpec
        {
            Create = () => new SeparableConv2D(5, 3, Activation.Tanh, (strideH, strideW), padding, dilation, multiplier, useBias),
            BuildShape = [7, 8, 4],
            Shapes = [([2, 7, 8, 4], [2, outH, outW, 5]), ([1, 7, 8, 4], [1, outH, outW, 5])],
            Trainable = 3 * 3 * 4 * multiplier + 4 * multiplier * 5 + (useBias ? 5 : 0),
            WeightNames = useBias ? ["depthwise_kernel", "pointwise_kernel", "bias"] : ["depthwise_kernel", "pointwise_kernel"],
            Perturb = layer => ((SeparableConv2D)layer).Bias?.uniform_(-1, 1),
            Reference = (layer, x) =>
            {
                var conv = (SeparableConv2D)layer;
                var (top, bottom) = padding == Padding.Same ? ReferenceConvolution.SamePad(7, 3, strideH, dilation) : (0, 0);
                var (left, right) = padding == Padding.Same ? ReferenceConvolution.SamePad(8, 3, strideW, dilation) : (0, 0);
                var padded = ReferenceConvolution.ZeroPad(x, top, bottom, left, right);
                var depthwise = ReferenceConvolution.Conv2D(
                    padded, ReferenceConvolution.DepthwiseAsFull(conv.DepthwiseKernel), null, [strideH, strideW], [dilation, dilation]);
                return ReferenceConvolution.Conv2D(depthwise, conv.PointwiseKernel, conv.Bias, [1, 1], [1, 1]).tanh();
            },
        });
    }

    [Fact]
    public void MatchesKeras()
    {
        var x = KerasFill.Input([2, 5, 6, 3], 0, ScalarType.Float32);
        Numerics.AssertClose(
            Numerics.Doubles(ValidMultiplierTwoRelu, 2, 4, 4, 4),
            Filled(new SeparableConv2D(4, (2, 3), Activation.Relu, depthMultiplier: 2)).Call(x), 2e-6,
            "SeparableConv2D(4, (2, 3), depth_multiplier=2, activation='relu')");
        Numerics.AssertClose(
            Numerics.Doubles(SameStridesTwoOne, 2, 3, 6, 2), Filled(new SeparableConv2D(2, 3, strides: (2, 1), padding: Padding.Same)).Call(x), 2e-6,
            "SeparableConv2D(2, 3, strides=(2, 1), padding='same')");
    }

    [Fact]
    public void HasKerasWeightShapesAndParameterCount()
    {
        random.manual_seed(3);
        var conv = new SeparableConv2D(5, 3, depthMultiplier: 2);
        conv.Build(9, 9, 6);
        Assert.Equal([3L, 3, 6, 2], conv.DepthwiseKernel.shape);
        Assert.Equal([1L, 1, 12, 5], conv.PointwiseKernel.shape);
        Assert.Equal([5L], conv.Bias!.shape);
        // Keras: SeparableConv2D(5, 3, depth_multiplier=2) on (9, 9, 6) has 3·3·6·2 + 12·5 + 5 = 173 parameters.
        Assert.Equal(173, System.Linq.Enumerable.Sum(conv.parameters(), p => p.numel()));
        // pointwise (1, 1, 12, 5): fan_in 12, fan_out 5.
        double limit = Math.Sqrt(6.0 / (12 + 5));
        Assert.True(conv.PointwiseKernel.abs().max().item<float>() <= limit);
    }

    [Fact]
    public void RejectsInvalidArgumentsAndInputs()
    {
        Assert.Contains("filters must be a positive integer, found 0", Assert.Throws<ArgumentOutOfRangeException>(() => new SeparableConv2D(0, 3)).Message);
        Assert.Contains("depthMultiplier must be a positive integer, found -1",
            Assert.Throws<ArgumentOutOfRangeException>(() => new SeparableConv2D(4, 3, depthMultiplier: -1)).Message);
        Assert.Contains("strides must be a positive integer, found 0", Assert.Throws<ArgumentOutOfRangeException>(() => new SeparableConv2D(4, 3, strides: 0)).Message);
        Assert.Contains("expects inputs of rank 4", Assert.Throws<ArgumentException>(() => new SeparableConv2D(4, 3).Build(9, 3)).Message);
        Assert.Contains("input shape (batch, 2, 9, 3) is too small", Assert.Throws<ArgumentException>(() => new SeparableConv2D(4, 3).Build(2, 9, 3)).Message);
    }

    private static SeparableConv2D Filled(SeparableConv2D conv)
    {
        conv.Build(5, 6, 3);
        KerasFill.Weights(conv);
        return conv;
    }
}
