using System;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Layers.Attention;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers;

/// <summary>
/// DepthwiseConv2D: conformance against a full convolution with the equivalent block-diagonal kernel, and
/// Keras 3.16 (numpy backend) outputs made by /tmp/layers14a-dw.py, which builds
/// keras.layers.DepthwiseConv2D with these arguments on a (2, 5, 6, 3) input, fills weights and input as
/// <see cref="KerasFill"/> does and prints the output to 7 significant digits.
/// </summary>
public sealed class DepthwiseConv2DTests
{
    private static readonly double[] ValidMultiplierTwoTanh =
    [
        0.8740504, 0.9131017, 0.9156857, 0.8903997, 0.843111, 0.6714644, 0.6769788, 0.8398218, 0.8667461, 0.8929096,
        0.8714308, 0.8227611, 0.1122928, 0.5087212, 0.6041785, 0.7563442, 0.7504982, 0.7817402, -0.4277025, -0.1303226,
        -0.01507478, 0.2762246, 0.2950405, 0.4775543, -0.5548233, -0.4922431, -0.4601245, -0.3398147, -0.3491855, -0.1802717,
        0.3202735, 0.0286278, -0.08935729, -0.4023539, -0.5472767, -0.7094117, 0.7696658, 0.6318746, 0.5469821, 0.1699835,
        -0.08131748, -0.5121904, 0.8923042, 0.8726189, 0.8516897, 0.7101668, 0.5575815, 0.07901589, 0.8817456, 0.9142244,
        0.9151721, 0.8839695, 0.831431, 0.6372872, 0.7131171, 0.8551952, 0.8780388, 0.8973528, 0.8742979, 0.8174195,
        -0.3904567, -0.0661285, 0.05498868, 0.3461207, 0.3635503, 0.5295867, -0.5585232, -0.4749469, -0.434498, -0.2905193,
        -0.2945725, -0.1088757, -0.3522384, -0.4669946, -0.4986263, -0.5553904, -0.6098473, -0.5995326, 0.250121, -0.04022153,
        -0.1523666, -0.4385134, -0.5710126, -0.7128611, 0.7418845, 0.5838624, 0.4900261, 0.09656769, -0.1507381, -0.5505927,
        -0.3001977, 0.07190593, 0.1992277, 0.4750598, 0.4877938, 0.6178799, -0.5542682, -0.4262212, -0.3680399, -0.1763881,
        -0.1705183, 0.04024483, -0.4309742, -0.500612, -0.5168856, -0.5336535, -0.5771899, -0.5325485, 0.1053869, -0.1675374,
        -0.2643582, -0.4957098, -0.6060069, -0.71153, 0.6732953, 0.4725869, 0.3626022, -0.04692994, -0.2774849, -0.6130455,
        0.896238, 0.911939, 0.9078132, 0.8545576, 0.781037, 0.5049517, 0.7957183, 0.8880732, 0.9014768, 0.9037178,
        0.8748823, 0.7888016, 0.393685, 0.6985005, 0.7588507, 0.8411527, 0.827551, 0.8202564, -0.2471986, 0.143701,
        0.2709657, 0.5326714, 0.5424667, 0.6544825, -0.5462567, -0.394405, -0.3268927, -0.1122925, -0.1021309, 0.1155681,
        0.03321686, -0.2245585, -0.3125967, -0.5171849, -0.6177284, -0.7067251, 0.6318099, 0.4099458, 0.2935707, -0.1147408,
        -0.3336269, -0.6377059, 0.8636484, 0.8091063, 0.7680126, 0.5306268, 0.3156132, -0.2137769, 0.8986034, 0.9092268,
        0.9032075, 0.8405914, 0.7579929, 0.4503543, 0.8159525, 0.8954964, 0.9064684, 0.9036984, 0.8724205, 0.7743969,
    ];

    private static readonly double[] SameStrideTwo =
    [
        0.03828263, 0.06175449, 0.02429351, 1.785287, 1.831376, 1.711169, 1.246572, 1.420328, 1.348764, 2.251966,
        2.320891, 2.209633, 1.223082, 1.389776, 1.447951, -0.4399341, -0.6220436, -0.8197833, 0.8058004, 0.9411258,
        0.9796583, -0.9038557, -0.8547106, -0.7796003, -0.2968336, -0.4348556, -0.4511575, 1.933081, 2.000777, 1.901801,
        0.6718042, 0.7878952, 0.8414426, -0.4787676, -0.6790054, -0.8254588, 0.3607605, 0.5255344, 0.6352496, -1.444398,
        -1.383702, -1.274034, -0.2025329, -0.2489851, -0.1852149, -1.053698, -1.034648, -0.9775078, 0.1634983, 0.169818,
        0.1313223, 1.153472, 1.51171, 1.737609,
    ];

    private static readonly double[] SameStrideTwoDilationTwoWithoutBias =
    [
        -0.2833997, -0.3161163, -0.3922015, 0.2114237, 0.05017698, -0.1036325, 0.3248892, 0.1735564, 0.04281353, 0.6866769,
        0.6008887, 0.5558484, 0.5779756, 0.7668036, 0.9379997, -0.3440505, -0.1307144, 0.06976218, 0.1481552, 0.2334365,
        0.2618083, -0.3868679, -0.4566599, -0.5208364, 0, -0.1728407, -0.3363656, 0.3378004, 0.1950572, 0.079616,
        0.2583174, 0.3049168, 0.3932983, -0.3111078, -0.2365791, -0.08823196, 0.2487789, 0.4732307, 0.6616107, -0.7244337,
        -0.6575195, -0.6289005, -0.09788655, -0.1680496, -0.3104573, -0.4471087, -0.5548001, -0.6307217, -0.1100686, -0.1872444,
        -0.2092181, 0, -0.003311401, 0.07083633,
    ];

    [Theory]
    [InlineData(1, 1, Padding.Valid, 1, 1, true, 5, 6)]
    [InlineData(2, 2, Padding.Same, 1, 2, true, 4, 4)]
    [InlineData(2, 1, Padding.Valid, 1, 3, true, 3, 6)]
    [InlineData(1, 1, Padding.Same, 2, 1, false, 7, 8)]
    [InlineData(2, 2, Padding.Same, 2, 2, true, 4, 4)]
    public void Conforms(int strideH, int strideW, Padding padding, int dilation, int multiplier, bool useBias, long outH, long outW)
    {
        // input (7, 8, 4), kernel (3, 3)
        LayerConformance.Check(new LayerSpec
        {
            Create = () => new DepthwiseConv2D(3, Activation.Tanh, (strideH, strideW), padding, multiplier, dilation, useBias),
            BuildShape = [7, 8, 4],
            Shapes = [([2, 7, 8, 4], [2, outH, outW, 4 * multiplier]), ([1, 7, 8, 4], [1, outH, outW, 4 * multiplier])],
            Trainable = 3 * 3 * 4 * multiplier + (useBias ? 4 * multiplier : 0),
            WeightNames = useBias ? ["kernel", "bias"] : ["kernel"],
            Perturb = layer => ((DepthwiseConv2D)layer).Bias?.uniform_(-1, 1),
            Reference = (layer, x) =>
            {
                var conv = (DepthwiseConv2D)layer;
                var (top, bottom) = padding == Padding.Same ? ReferenceConvolution.SamePad(7, 3, strideH, dilation) : (0, 0);
                var (left, right) = padding == Padding.Same ? ReferenceConvolution.SamePad(8, 3, strideW, dilation) : (0, 0);
                var padded = ReferenceConvolution.ZeroPad(x, top, bottom, left, right);
                var full = ReferenceConvolution.DepthwiseAsFull(conv.Kernel);
                return ReferenceConvolution.Conv2D(padded, full, conv.Bias, [strideH, strideW], [dilation, dilation]).tanh();
            },
        });
    }

    [Fact]
    public void MatchesKeras()
    {
        var x = KerasFill.Input([2, 5, 6, 3], 0, ScalarType.Float32);
        Numerics.AssertClose(
            Numerics.Doubles(ValidMultiplierTwoTanh, 2, 3, 5, 6), Filled(new DepthwiseConv2D((3, 2), Activation.Tanh, depthMultiplier: 2)).Call(x), 2e-6,
            "DepthwiseConv2D((3, 2), depth_multiplier=2, activation='tanh')");
        Numerics.AssertClose(
            Numerics.Doubles(SameStrideTwo, 2, 3, 3, 3), Filled(new DepthwiseConv2D(3, strides: 2, padding: Padding.Same)).Call(x), 2e-6,
            "DepthwiseConv2D(3, strides=2, padding='same')");
        Numerics.AssertClose(
            Numerics.Doubles(SameStrideTwoDilationTwoWithoutBias, 2, 3, 3, 3),
            Filled(new DepthwiseConv2D(2, strides: 2, padding: Padding.Same, dilationRate: 2, useBias: false)).Call(x), 2e-6,
            "DepthwiseConv2D(2, strides=2, dilation_rate=2, padding='same', use_bias=False)");
    }

    [Fact]
    public void HasKerasWeightShapesAndGlorotFans()
    {
        random.manual_seed(3);
        var conv = new DepthwiseConv2D((5, 3), depthMultiplier: 4);
        conv.Build(10, 10, 8);
        Assert.Equal([5L, 3, 8, 4], conv.Kernel.shape);
        Assert.Equal([32L], conv.Bias!.shape);
        // Keras' fans for (5, 3, 8, 4): receptive field 15, fan_in 15·8, fan_out 15·4.
        double limit = Math.Sqrt(6.0 / (15 * 8 + 15 * 4));
        Assert.InRange(conv.Kernel.abs().max().item<float>(), 0.95 * limit, limit);
        Assert.Equal(0f, conv.Bias.abs().sum().item<float>());
    }

    [Fact]
    public void RejectsInvalidArgumentsAndInputs()
    {
        Assert.Contains("depthMultiplier must be a positive integer, found 0",
            Assert.Throws<ArgumentOutOfRangeException>(() => new DepthwiseConv2D(3, depthMultiplier: 0)).Message);
        Assert.Contains("kernelSize must be a positive integer, found 0", Assert.Throws<ArgumentOutOfRangeException>(() => new DepthwiseConv2D((3, 0))).Message);
        Assert.Contains("padding must be Valid or Same, found Causal",
            Assert.Throws<ArgumentException>(() => new DepthwiseConv2D(3, padding: Padding.Causal)).Message);
        Assert.Contains("expects inputs of rank 4 (batch, height, width, channels), found input shape (batch, 9, 3)",
            Assert.Throws<ArgumentException>(() => new DepthwiseConv2D(3).Build(9, 3)).Message);
        Assert.Contains("needs the channels dimension known", Assert.Throws<ArgumentException>(() => new DepthwiseConv2D(3).Build(9, 9, -1)).Message);
        Assert.Contains("input shape (batch, 9, 9, 3) is too small", Assert.Throws<ArgumentException>(() => new DepthwiseConv2D(10).Build(9, 9, 3)).Message);

        var conv = new DepthwiseConv2D(3);
        conv.Build(-1, -1, 3);
        Assert.Contains("was built for 3 channels, found inputs of shape (1, 8, 8, 2)",
            Assert.Throws<ArgumentException>(() => conv.Call(zeros(1, 8, 8, 2))).Message);
    }

    private static DepthwiseConv2D Filled(DepthwiseConv2D conv)
    {
        conv.Build(5, 6, 3);
        KerasFill.Weights(conv);
        return conv;
    }
}
