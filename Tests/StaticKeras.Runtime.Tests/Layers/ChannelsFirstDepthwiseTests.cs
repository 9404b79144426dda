using System.Linq;
using System.Text.Json.Nodes;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Backward;
using StaticKeras.Runtime.Tests.Layers.Attention;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using TorchSharp;
using Padding = StaticKeras.Layers.Padding;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers;

/// <summary>
/// <c>dataFormat: DataFormat.ChannelsFirst</c> on DepthwiseConv2D, SeparableConv2D and Flatten: Keras 3.16
/// (numpy backend) outputs made by /tmp/rest14/cf.py (weights and inputs filled as <see cref="KerasFill"/>
/// does, input <c>(2, 3, 5, 6)</c> at offset 0, printed to 7 significant digits), the conformance checks
/// against the channels-last layer on the transposed input, and the explicit backward kernels against
/// autograd in float64 in both layouts.
/// </summary>
public sealed class ChannelsFirstDepthwiseTests
{
    // DepthwiseConv2D((3, 2), depth_multiplier=2, activation="tanh", data_format="channels_first"): (2, 6, 3, 5), first image.
    private static readonly double[] DepthwiseValidFirstImage =
    [
        0.7447633, 0.7561513, 0.7545374, 0.7397902, 0.7107748, 0.6023266, 0.5199059, 0.4197944, 0.3070343, 0.1901976, -0.01491671, -0.08650929, -0.1310496, -0.1467218, -0.1330334,
        0.826563, 0.8297763, 0.8213375, 0.8001654, 0.7637485, 0.6305203, 0.5278612, 0.4027706, 0.2636674, 0.1240791, -0.1012301, -0.1689983, -0.2020811, -0.199845, -0.1623191,
        0.8107274, 0.7718433, 0.7126637, 0.6286786, 0.5174895, 0.232275, 0.08411752, -0.0464092, -0.1477098, -0.2140002, -0.2360869, -0.1917037, -0.1109455, 0.003121962, 0.1424654,
        0.7543831, 0.7027867, 0.6286322, 0.5293096, 0.4059782, 0.1214594, -0.01200276, -0.122225, -0.2017998, -0.2477399, -0.2367898, -0.1799728, -0.09011338, 0.02858617, 0.1670571,
        0.3801245, 0.2648396, 0.1433033, 0.02586035, -0.07759167, -0.2162953, -0.2455681, -0.2470173, -0.2206254, -0.1668264, 0.01430432, 0.130723, 0.2523299, 0.3687017, 0.4713003,
        0.1076176, 0.02428703, -0.05311145, -0.1196683, -0.1717064, -0.2238927, -0.2222633, -0.202028, -0.1638079, -0.109037, 0.03852374, 0.1223218, 0.205461, 0.2826049, 0.3494911,
    ];

    // DepthwiseConv2D(2, strides=2, dilation_rate=2, padding="same", data_format="channels_first"): (2, 3, 3, 3).
    private static readonly double[] DepthwiseSameStrideTwoDilationTwo =
    [
        0.5211729, 0.3772016, 0.1553692, 0.09639996, 0.04577458, 0.5564116, 0.370508, 0.5732965, 0.4207355, 0.5868686, 0.545256, 0.2345234, -0.08684841, -0.2265587,
        0.5290041, 0.7386409, 0.9865078, 0.6385276, 0.8142661, 0.7727312, 0.4094121, -0.5830097, -0.6066644, 0.271587, 1.13278, 1.277116, 0.8299851, 0.1039167,
        0.1308492, 0.2085173, 0.3276622, 0.4990106, 0.7432009, 0.862335, 0.783332, 0.4207355, 0.3949224, 0.3721523, 0.5043239, 0.216879, 0.5464988, 0.5839636,
        1.013913, 0.7777832, 0.5479826, 0.386554, 0.2627022, 0.5490526, 0.4964834, 0.9925795, 0.6768372, 0.7727331, 0.4123862, 0.3964229,
    ];

    // SeparableConv2D(4, (2, 3), depth_multiplier=2, activation="relu", data_format="channels_first"): (2, 4, 4, 4), first image.
    private static readonly double[] SeparableValidFirstImage =
    [
        0.4297509, 0.4363194, 0.4438534, 0.4519559, 0.4753928, 0.481541, 0.4862729, 0.4893392, 0.4874144, 0.4831777, 0.4774385, 0.470499, 0.446332, 0.4385769, 0.4316683, 0.4259699,
        0.3226608, 0.3237086, 0.3260694, 0.3296189, 0.3452787, 0.3512511, 0.3570859, 0.3624758, 0.3733425, 0.3745599, 0.3744121, 0.372907, 0.3613686, 0.355858, 0.3499672, 0.3440064,
        0.1719002, 0.1672853, 0.1641534, 0.1626695, 0.1684327, 0.1734209, 0.179569, 0.1865531, 0.2087404, 0.2152471, 0.2207108, 0.2248438, 0.2274957, 0.2249754, 0.2208997, 0.2154831,
        0, 0, 0, 0, 0, 0, 0, 0, 0.01588625, 0.02680169, 0.03713739, 0.04634897, 0.06283239, 0.06364347, 0.06193441, 0.05779525,
    ];

    // SeparableConv2D(2, 3, strides=(2, 1), padding="same", data_format="channels_first"): (2, 2, 3, 6).
    private static readonly double[] SeparableSameStrideTwoOne =
    [
        -0.3533497, -0.7490939, -0.7548569, -0.6969187, -0.5783306, -0.290683, 0.8068428, 0.913837, 0.8552953, 0.7756526, 0.6791036, 0.7024734,
        -0.2644736, -0.2990884, -0.05847266, 0.2091677, 0.4897369, 0.6389734, -0.3951109, -0.70734, -0.7446278, -0.7243363, -0.6475343, -0.3733268,
        0.7209826, 0.7915236, 0.7557516, 0.6985382, 0.6228966, 0.6298506, -0.3989268, -0.4266288, -0.2327916, -0.008331984, 0.2349282, 0.3794556,
        0.4386548, 0.6289629, 0.8984783, 1.144618, 1.35442, 1.327183, 0.1372373, 0.1320734, 0.05277094, -0.00536567, -0.03927466, 0.03305227,
        1.269317, 1.593447, 1.667682, 1.678031, 1.623947, 1.269959, 0.2366618, 0.3656645, 0.614571, 0.8494717, 1.057995, 1.015135,
        0.1023, 0.1247508, 0.04025576, -0.02799767, -0.0764147, 0.01566678, 1.045326, 1.293771, 1.390893, 1.433122, 1.418234, 1.076342,
    ];

    // Flatten(data_format="channels_first") on (2, 3, 2, 4) filled at offset 0.5: (2, 24), first image.
    private static readonly double[] FlattenFirstImage =
    [
        0.8775826, -0.6955633, -0.5075932, 0.7451744, -0.8410404, -0.2978016, 0.57352, -0.9422224, -0.07232577, 0.3716599, -0.99378, 0.1569593,
        0.1502255, -0.9929981, 0.3779777, -0.07912089, -0.9399176, 0.5790892, -0.3043002, -0.8373344, 0.7497016, -0.5134528, -0.6906511, 0.8808293,
    ];

    // Flatten(data_format="channels_first") on (2, 3, 4) filled at offset 0.5: (2, 12).
    private static readonly double[] FlattenRankThree =
    [
        0.8775826, 0.1502255, -0.6955633, 0.7451744, -0.07912089, -0.8410404, 0.57352, -0.3043002, -0.9422224, 0.3716599, -0.5134528, -0.99378,
        -0.9929981, -0.5075932, 0.3779777, -0.9399176, -0.2978016, 0.5790892, -0.8373344, -0.07232577, 0.7497016, -0.6906511, 0.1569593, 0.8808293,
    ];

    private static Tensor Image() => KerasFill.Input([2, 3, 5, 6], 0, ScalarType.Float32);

    [Fact]
    public void DepthwiseConv2DMatchesKeras()
    {
        var valid = Filled(new DepthwiseConv2D((3, 2), Activation.Tanh, depthMultiplier: 2, dataFormat: DataFormat.ChannelsFirst)).Call(Image());
        Assert.Equal([2L, 6, 3, 5], valid.shape);
        Numerics.AssertClose(Numerics.Doubles(DepthwiseValidFirstImage, 6, 3, 5), valid[0], 2e-6, "DepthwiseConv2D((3, 2), depth_multiplier=2, tanh, channels_first)");
        Numerics.AssertClose(
            Numerics.Doubles(DepthwiseSameStrideTwoDilationTwo, 2, 3, 3, 3),
            Filled(new DepthwiseConv2D(2, strides: 2, padding: Padding.Same, dilationRate: 2, dataFormat: DataFormat.ChannelsFirst)).Call(Image()), 2e-6,
            "DepthwiseConv2D(2, strides=2, dilation_rate=2, padding='same', channels_first)");
    }

    [Fact]
    public void SeparableConv2DMatchesKeras()
    {
        var valid = Filled(new SeparableConv2D(4, (2, 3), Activation.Relu, depthMultiplier: 2, dataFormat: DataFormat.ChannelsFirst)).Call(Image());
        Assert.Equal([2L, 4, 4, 4], valid.shape);
        Numerics.AssertClose(Numerics.Doubles(SeparableValidFirstImage, 4, 4, 4), valid[0], 2e-6, "SeparableConv2D(4, (2, 3), depth_multiplier=2, relu, channels_first)");
        Numerics.AssertClose(
            Numerics.Doubles(SeparableSameStrideTwoOne, 2, 2, 3, 6),
            Filled(new SeparableConv2D(2, 3, strides: (2, 1), padding: Padding.Same, dataFormat: DataFormat.ChannelsFirst)).Call(Image()), 2e-6,
            "SeparableConv2D(2, 3, strides=(2, 1), padding='same', channels_first)");
    }

    [Fact]
    public void FlattenMatchesKerasChannelsLastOrder()
    {
        var flatten = new Flatten(DataFormat.ChannelsFirst);
        var image = flatten.Call(KerasFill.Input([2, 3, 2, 4], 0.5, ScalarType.Float32));
        Assert.Equal([2L, 24], image.shape);
        Numerics.AssertClose(Numerics.Doubles(FlattenFirstImage, 24), image[0], 1e-6, "Flatten(channels_first) on (2, 3, 2, 4)");
        Numerics.AssertClose(Numerics.Doubles(FlattenRankThree, 2, 12), flatten.Call(KerasFill.Input([2, 3, 4], 0.5, ScalarType.Float32)), 1e-6, "Flatten(channels_first) on (2, 3, 4)");

        // Rank 2 has nothing to move, and (batch,) becomes (batch, 1), as channels last.
        var matrix = randn(3, 5);
        Assert.Equal(matrix.data<float>().ToArray(), flatten.Call(matrix).data<float>().ToArray());
        Assert.Equal([4L, 1], flatten.Call(randn(4)).shape);
    }

    [Theory]
    [InlineData(Padding.Valid, 1, 1, 2)]
    [InlineData(Padding.Same, 2, 1, 1)]
    [InlineData(Padding.Same, 2, 2, 3)]
    public void DepthwiseConv2DConforms(Padding padding, int stride, int dilation, int multiplier)
    {
        // input (4, 7, 8) channels first; kernel (3, 3).
        var (outH, outW) = padding == Padding.Same ? ((7L + stride - 1) / stride, (8L + stride - 1) / stride) : (5L, 6L);
        LayerConformance.Check(new LayerSpec
        {
            Create = () => new DepthwiseConv2D(3, Activation.Tanh, stride, padding, multiplier, dilation, dataFormat: DataFormat.ChannelsFirst),
            BuildShape = [4, 7, 8],
            Shapes = [([2, 4, 7, 8], [2, 4 * multiplier, outH, outW]), ([1, 4, 7, 8], [1, 4 * multiplier, outH, outW])],
            Trainable = (3 * 3 * 4 * multiplier) + (4 * multiplier),
            WeightNames = ["kernel", "bias"],
            Perturb = layer => ((DepthwiseConv2D)layer).Bias?.uniform_(-1, 1),
            Reference = (layer, x) =>
            {
                var last = ChannelsLastTwin(new DepthwiseConv2D(3, Activation.Tanh, stride, padding, multiplier, dilation), layer, [7, 8, 4]);
                return last.Call(x.permute(0, 2, 3, 1)).permute(0, 3, 1, 2);
            },
        });
    }

    [Theory]
    [InlineData(Padding.Valid, 1, 2)]
    [InlineData(Padding.Same, 2, 1)]
    public void SeparableConv2DConforms(Padding padding, int stride, int multiplier)
    {
        var (outH, outW) = padding == Padding.Same ? ((7L + stride - 1) / stride, (8L + stride - 1) / stride) : (5L, 6L);
        LayerConformance.Check(new LayerSpec
        {
            Create = () => new SeparableConv2D(5, 3, Activation.Sigmoid, stride, padding, depthMultiplier: multiplier, dataFormat: DataFormat.ChannelsFirst),
            BuildShape = [4, 7, 8],
            Shapes = [([2, 4, 7, 8], [2, 5, outH, outW]), ([3, 4, 7, 8], [3, 5, outH, outW])],
            Trainable = (3 * 3 * 4 * multiplier) + (4 * multiplier * 5) + 5,
            WeightNames = ["depthwise_kernel", "pointwise_kernel", "bias"],
            Perturb = layer => ((SeparableConv2D)layer).Bias?.uniform_(-1, 1),
            Reference = (layer, x) =>
            {
                var last = ChannelsLastTwin(new SeparableConv2D(5, 3, Activation.Sigmoid, stride, padding, depthMultiplier: multiplier), layer, [7, 8, 4]);
                return last.Call(x.permute(0, 2, 3, 1)).permute(0, 3, 1, 2);
            },
        });
    }

    [Fact]
    public void FlattenConforms()
    {
        LayerConformance.Check(new LayerSpec
        {
            Create = () => new Flatten(DataFormat.ChannelsFirst),
            BuildShape = [3, 4, 5],
            Shapes = [([2, 3, 4, 5], [2, 60]), ([1, 3, 4, 5], [1, 60])],
            Trainable = 0,
            WeightNames = [],
            // Keras: transpose to channels last, then flatten row-major.
            Reference = (_, x) => x.permute(0, 2, 3, 1).contiguous().reshape(x.shape[0], -1),
        });
    }

    [Theory]
    [InlineData(DataFormat.ChannelsLast, Padding.Valid, 1, 1, 2, Activation.Relu, true)]
    [InlineData(DataFormat.ChannelsFirst, Padding.Valid, 1, 1, 2, Activation.Relu, true)]
    [InlineData(DataFormat.ChannelsLast, Padding.Same, 2, 1, 1, Activation.Gelu, true)]
    [InlineData(DataFormat.ChannelsFirst, Padding.Same, 2, 1, 1, Activation.Gelu, true)]
    [InlineData(DataFormat.ChannelsLast, Padding.Same, 2, 2, 3, Activation.Tanh, false)]
    [InlineData(DataFormat.ChannelsFirst, Padding.Same, 2, 2, 3, Activation.Softmax, false)]
    public void DepthwiseConv2DBackwardMatchesAutograd(DataFormat format, Padding padding, int stride, int dilation, int multiplier, Activation activation, bool useBias)
    {
        random.manual_seed(21);
        var conv = new DepthwiseConv2D((3, 2), activation, stride, padding, multiplier, dilation, useBias, dataFormat: format);
        conv.Build(format == DataFormat.ChannelsFirst ? new long[] { 4, -1, -1 } : [-1, -1, 4]);
        conv.to(ScalarType.Float64);
        RandomBias(conv.Bias);
        foreach (var (h, w) in new[] { (9L, 7L), (8L, 10L) })
        {
            var x = format == DataFormat.ChannelsFirst ? randn(2, 4, h, w, ScalarType.Float64) : randn(2, h, w, 4, ScalarType.Float64);
            BackwardCheck.Layer(conv, x, conv.Backward);
        }
    }

    [Theory]
    [InlineData(DataFormat.ChannelsLast, Padding.Valid, 1, 1, 2, Activation.Relu, true)]
    [InlineData(DataFormat.ChannelsFirst, Padding.Valid, 1, 1, 2, Activation.Relu, true)]
    [InlineData(DataFormat.ChannelsLast, Padding.Same, 2, 1, 1, Activation.Silu, true)]
    [InlineData(DataFormat.ChannelsFirst, Padding.Same, 2, 1, 1, Activation.Silu, true)]
    [InlineData(DataFormat.ChannelsFirst, Padding.Same, 1, 2, 3, Activation.Sigmoid, false)]
    public void SeparableConv2DBackwardMatchesAutograd(DataFormat format, Padding padding, int stride, int dilation, int multiplier, Activation activation, bool useBias)
    {
        random.manual_seed(22);
        var conv = new SeparableConv2D(5, (2, 3), activation, stride, padding, dilation, multiplier, useBias, dataFormat: format);
        conv.Build(format == DataFormat.ChannelsFirst ? new long[] { 3, -1, -1 } : [-1, -1, 3]);
        conv.to(ScalarType.Float64);
        RandomBias(conv.Bias);
        var x = format == DataFormat.ChannelsFirst ? randn(2, 3, 9, 8, ScalarType.Float64) : randn(2, 9, 8, 3, ScalarType.Float64);
        BackwardCheck.Layer(conv, x, conv.Backward);
    }

    [Fact]
    public void BackwardWeightsAccumulatesWhatBackwardDoes()
    {
        random.manual_seed(23);
        var depthwise = new DepthwiseConv2D(3, Activation.Tanh, padding: Padding.Same, depthMultiplier: 2, dataFormat: DataFormat.ChannelsFirst);
        var separable = new SeparableConv2D(4, 3, Activation.Relu, dataFormat: DataFormat.ChannelsFirst);
        foreach (var (layer, backward, weightsOnly) in new (Layer, LayerBackward, System.Action<Tensor, Tensor, Tensor>)[]
        {
            (depthwise, depthwise.Backward, depthwise.BackwardWeights),
            (separable, separable.Backward, separable.BackwardWeights),
        })
        {
            layer.Build(3, 8, 8);
            layer.to(ScalarType.Float64);
            var x = randn(2, 3, 8, 8, ScalarType.Float64);
            var y = layer.Call(x);
            var gradOutput = randn_like(y);
            backward(gradOutput, x, y, null);
            var full = layer.parameters().Select(p => p.grad!.clone()).ToArray();
            foreach (var p in layer.parameters())
            {
                p.grad = null;
            }

            weightsOnly(gradOutput, x, y);
            foreach (var (expected, p) in full.Zip(layer.parameters()))
            {
                BackwardCheck.AssertRelative(expected, p.grad!, "BackwardWeights vs Backward");
            }
        }
    }

    [Fact]
    public void FlattenBackwardMatchesAutograd()
    {
        var flatten = new Flatten(DataFormat.ChannelsFirst);
        foreach (var shape in new long[][] { [2, 3, 4, 5], [2, 3, 4], [3, 5], [2, 2, 3, 1, 4] })
        {
            BackwardCheck.Matches(flatten, randn(shape), x => flatten.Call(x), (g, x, y) => flatten.Backward(g, x, y), $"Flatten(channels_first) on ({string.Join(", ", shape)})");
        }
    }

    [Fact]
    public void KerasConfigNamesChannelsFirst()
    {
        Assert.Equal("channels_first", KerasConfig(new DepthwiseConv2D(3, dataFormat: DataFormat.ChannelsFirst))["data_format"]!.GetValue<string>());
        Assert.Equal("channels_first", KerasConfig(new SeparableConv2D(2, 3, dataFormat: DataFormat.ChannelsFirst))["data_format"]!.GetValue<string>());
        Assert.Equal("channels_first", KerasConfig(new Flatten(DataFormat.ChannelsFirst))["data_format"]!.GetValue<string>());
        Assert.Equal("channels_last", KerasConfig(new Flatten())["data_format"]!.GetValue<string>());
        Assert.Equal("channels_last", KerasConfig(new SeparableConv2D(2, 3))["data_format"]!.GetValue<string>());
    }

    [Fact]
    public void ChannelsFirstMessagesNameTheLayout()
    {
        Assert.Contains("expects inputs of rank 4 (batch, channels, height, width)",
            Assert.Throws<System.ArgumentException>(() => new DepthwiseConv2D(3, dataFormat: DataFormat.ChannelsFirst).Build(9, 3)).Message);
        Assert.Contains("needs the channels dimension known",
            Assert.Throws<System.ArgumentException>(() => new SeparableConv2D(2, 3, dataFormat: DataFormat.ChannelsFirst).Build(-1, 9, 9)).Message);
        var conv = new DepthwiseConv2D(3, dataFormat: DataFormat.ChannelsFirst);
        conv.Build(3, -1, -1);
        Assert.Contains("was built for 3 channels, found inputs of shape (1, 2, 8, 8)",
            Assert.Throws<System.ArgumentException>(() => conv.Call(zeros(1, 2, 8, 8))).Message);
        Assert.Throws<System.ArgumentException>(() => new Flatten((DataFormat)7));
    }

    private static T Filled<T>(T layer)
        where T : Layer
    {
        layer.Build(3, 5, 6);
        KerasFill.Weights(layer);
        return layer;
    }

    private static void RandomBias(TorchSharp.Modules.Parameter? bias)
    {
        using var noGrad = no_grad();
        bias?.uniform_(-1, 1);
    }

    private static JsonObject KerasConfig(Layer layer)
    {
        var config = new JsonObject();
        Assert.True(layer.TryDescribeKeras(config));
        return config;
    }

    // A channels-last layer holding the same weights as `source`, built for `shape`.
    private static Layer ChannelsLastTwin(Layer twin, Layer source, long[] shape)
    {
        twin.Build(shape);
        twin.to(source.parameters().GetEnumerator() is var e && e.MoveNext() ? e.Current.dtype : ScalarType.Float32);
        twin.load_state_dict(source.state_dict());
        return twin;
    }
}
