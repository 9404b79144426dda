using System;
using System.Linq;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers.Attention;

/// <summary>
/// MultiHeadAttention against Keras 3.16: reference values from /tmp/layers2-mha.py (numpy backend),
/// which builds keras.layers.MultiHeadAttention with these arguments, fills its weights and inputs as
/// <see cref="KerasFill"/> does and prints the output flattened, to 7 significant digits.
/// </summary>
public sealed class MultiHeadAttentionTests
{
    private static readonly double[] Plain =
    [
        0.2026973, 0.3203904, 0.3947202, 0.4156264, 0.3802796, 0.2046823, 0.3227776, 0.3971865, 0.417838, 0.3819371,
        0.2024446, 0.3208953, 0.3959143, 0.4173482, 0.3822959, 0.1988232, 0.3169805, 0.392236, 0.4144042, 0.3804848,
        0.1989293, 0.3165669, 0.3913586, 0.4131818, 0.3790827, 0.2035695, 0.320619, 0.3942742, 0.4145662, 0.3787487,
    ];

    private static readonly double[] ValueMasked =
    [
        0.2026973, 0.3203904, 0.3947202, 0.4156264, 0.3802796, 0.2046823, 0.3227776, 0.3971865, 0.417838, 0.3819371,
        0.2024446, 0.3208953, 0.3959143, 0.4173482, 0.3822959, 0.1797835, 0.2977442, 0.3754067, 0.4022596, 0.3746685,
        0.1785799, 0.2961368, 0.373613, 0.4005224, 0.3732231, 0.1775441, 0.2950107, 0.3725489, 0.3996645, 0.3726873,
    ];

    private static readonly double[] AttentionMasked =
    [
        0.1917068, 0.3099115, 0.386171, 0.4101642, 0.3786436, 0.2046823, 0.3227776, 0.3971865, 0.417838, 0.3819371,
        0.2044475, 0.323491, 0.3987516, 0.420043, 0.3844836, 0.2028284, 0.3202481, 0.3943238, 0.4150295, 0.379563,
        0.1455161, 0.2650931, 0.3487912, 0.3852819, 0.3696266, 0.188457, 0.3065631, 0.3831773, 0.4079303, 0.3774718,
    ];

    private static readonly double[] Causal =
    [
        -0.08284026, -0.1110745, -0.1242753, -0.120656, -0.1007065, -0.06712683, -0.05201945, -0.07360639, -0.08523107, -0.08532012,
        -0.07386149, -0.05240605, -0.01049728, -0.01789859, -0.02287743, -0.02475991, -0.02329124, -0.01867022, 0.01102955, 0.01230539,
        0.01191575, 0.009913368, 0.006569254, 0.002336024, -0.002882354, 0.004275985, 0.0108556, 0.01596594, 0.01891539, 0.0193047,
        -0.04165668, -0.04996729, -0.05151504, -0.04609048, -0.03442778, -0.01810546, -0.04923299, -0.06351069, -0.06919248, -0.06550941,
        -0.05295995, -0.0332426, -0.02683576, -0.03580279, -0.03992408, -0.03864183, -0.03212959, -0.02126876,
    ];

    private static readonly double[] WithKey =
    [
        0.3846854, 0.4242442, 0.4063835, 0.3335207, 0.2155174, 0.3809572, 0.4176838, 0.3978788, 0.3242227, 0.2066846,
        0.3746392, 0.410104, 0.3900632, 0.3172291, 0.2014596, 0.3747116, 0.4060407, 0.382414, 0.3070294, 0.1900898,
        0.3801946, 0.4134882, 0.3908181, 0.3152525, 0.1970191, 0.3824501, 0.4163972, 0.393987, 0.3182524, 0.1994439,
    ];

    [Fact]
    public void HasKerasWeightShapesNamesAndParameterCount()
    {
        var mha = Built(new MultiHeadAttention(2, 3, valueDim: 4), [3, 5], [4, 6]);
        Assert.Equal(
            ["query.kernel (5,2,3)", "query.bias (2,3)", "key.kernel (6,2,3)", "key.bias (2,3)", "value.kernel (6,2,4)", "value.bias (2,4)",
             "attention_output.kernel (2,4,5)", "attention_output.bias (5)"],
            mha.state_dict().Select(p => $"{p.Key} ({string.Join(",", p.Value.shape)})"));
        // Keras: 5·6 + 6 + 6·6 + 6 + 6·8 + 8 + 8·5 + 5.
        Assert.Equal(179, mha.parameters().Sum(p => p.numel()));

        var noBias = Built(new MultiHeadAttention(2, 3, useBias: false, outputShape: [2, 3]), [4, 5], [4, 5]);
        Assert.Equal(["query.kernel", "key.kernel", "value.kernel", "attention_output.kernel"], noBias.state_dict().Keys);
        Assert.Equal([2L, 3, 2, 3], noBias.state_dict()["attention_output.kernel"].shape);

        // Keras: MultiHeadAttention(3, 2) built on (3, 5), (4, 6), key (4, 7) has 161 parameters.
        Assert.Equal(161, Built(new MultiHeadAttention(3, 2), [3, 5], [4, 6], [4, 7]).parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void KernelsAreGlorotUniformOverKerasFansAndBiasesZero()
    {
        random.manual_seed(5);
        var mha = Built(new MultiHeadAttention(4, 8), [10, 16], [10, 16]);
        // query kernel (16, 4, 8): Keras' fans are fan_in = 4 · 16, fan_out = 8 · 16 (receptive field 16).
        double limit = Math.Sqrt(6.0 / (4 * 16 + 8 * 16));
        var kernel = mha.state_dict()["query.kernel"];
        Assert.InRange(kernel.abs().max().item<float>(), limit * 0.9, limit);
        Assert.Equal(0, mha.state_dict()["attention_output.bias"].abs().sum().item<float>());
    }

    [Fact]
    public void MatchesKerasWithoutMasks()
    {
        var mha = Filled(new MultiHeadAttention(2, 3, valueDim: 4), [3, 5], [4, 6]);
        Numerics.AssertClose(Numerics.Doubles(Plain, 2, 3, 5), mha.Call(KerasFill.Input([2, 3, 5], 0), KerasFill.Input([2, 4, 6], 1)), 2e-6, "MHA(2, 3, value_dim=4)");
    }

    [Fact]
    public void MatchesKerasWithAValueMaskAndAnAttentionMask()
    {
        var mha = Filled(new MultiHeadAttention(2, 3, valueDim: 4), [3, 5], [4, 6]);
        var q = KerasFill.Input([2, 3, 5], 0);
        var v = KerasFill.Input([2, 4, 6], 1);
        var valueMask = tensor(new[] { true, true, true, true, true, true, false, false }).reshape(2, 4);
        Numerics.AssertClose(Numerics.Doubles(ValueMasked, 2, 3, 5), mha.Call(q, v, null, valueMask: valueMask), 2e-6, "value_mask");
        var attentionMask = tensor(new[] { 1, 0, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 0, 1, 0, 0, 0, 1, 1, 0, 1 }).reshape(2, 3, 4);
        Numerics.AssertClose(Numerics.Doubles(AttentionMasked, 2, 3, 5), mha.Call(q, v, null, attentionMask: attentionMask), 2e-6, "attention_mask");
    }

    [Fact]
    public void MatchesKerasWithACausalMaskAndAMultiAxisOutputShape()
    {
        var mha = Filled(new MultiHeadAttention(2, 3, useBias: false, outputShape: [2, 3], useCausalMask: true), [4, 5], [4, 5]);
        var x = KerasFill.Input([2, 4, 5], 0.5);
        Numerics.AssertClose(Numerics.Doubles(Causal, 2, 4, 2, 3), mha.Call(x, x), 2e-6, "use_causal_mask=True, output_shape=(2, 3)");
    }

    [Fact]
    public void MatchesKerasWithASeparateKey()
    {
        var mha = Filled(new MultiHeadAttention(3, 2), [3, 5], [4, 6], [4, 7]);
        Numerics.AssertClose(Numerics.Doubles(WithKey, 2, 3, 5),
            mha.Call(KerasFill.Input([2, 3, 5], 0), KerasFill.Input([2, 4, 6], 1), KerasFill.Input([2, 4, 7], 2)), 2e-6, "with key");
    }

    [Fact]
    public void AQueryMaskZeroesTheAttentionOfPaddedQueries()
    {
        var mha = Filled(new MultiHeadAttention(2, 3), [3, 5], [3, 5]);
        var x = KerasFill.Input([1, 3, 5], 0);
        var (output, scores) = mha.CallWithScores(x, x, queryMask: tensor(new[] { true, true, false }).reshape(1, 3));
        Assert.Equal([1L, 2, 3, 3], scores.shape);
        Numerics.AssertClose(zeros(1, 2, 3, dtype: ScalarType.Float64), scores[.., .., 2, ..], 0, "a padded query attends to nothing");
        Numerics.AssertClose(ones(1, 2, 2, dtype: ScalarType.Float64), scores[.., .., ..2, ..].sum(-1), 1e-12, "real queries' weights sum to 1");
        // With no attention, the padded position's output is the output projection's bias.
        Numerics.AssertClose(mha.state_dict()["attention_output.bias"].reshape(1, 5), output[.., 2, ..], 1e-12, "padded output");
    }

    [Fact]
    public void GradientsMatchFiniteDifferencesInDoublePrecision()
    {
        random.manual_seed(11);
        var mha = Built(new MultiHeadAttention(2, 3, valueDim: 2, useCausalMask: true), [4, 5], [4, 5]);
        mha.to(ScalarType.Float64);
        var x = randn(2, 4, 5, ScalarType.Float64).requires_grad_(true);
        var valueMask = tensor(new[] { true, true, true, true, true, true, true, false }).reshape(2, 4);
        var projection = randn(2, 4, 5, ScalarType.Float64);
        double Loss() => (mha.Call(x, x, null, valueMask: valueMask, training: true) * projection).sum().item<double>();
        (mha.Call(x, x, null, valueMask: valueMask, training: true) * projection).sum().backward();
        foreach (var (name, parameter) in mha.named_parameters())
        {
            GradientCheck.CheckEntries(name, parameter, parameter.grad!.detach().clone(), Loss);
        }

        GradientCheck.CheckEntries("input", x, x.grad!.detach().clone(), Loss);
    }

    [Fact]
    public void DropoutActsOnTheAttentionWeightsOnlyInTraining()
    {
        random.manual_seed(2);
        var mha = Built(new MultiHeadAttention(2, 4, dropout: 0.5), [6, 8], [6, 8]);
        var x = randn(3, 6, 8);
        Numerics.AssertClose(mha.Call(x, x), mha.Call(x, x, training: false), 0, "inference is deterministic");
        Assert.False(mha.Call(x, x, training: true).allclose(mha.Call(x, x)));
        var noDropout = Built(new MultiHeadAttention(2, 4), [6, 8], [6, 8]);
        Numerics.AssertClose(noDropout.Call(x, x), noDropout.Call(x, x, training: true), 0, "without dropout, training changes nothing");
    }

    // Keras 3.16 accepts dropout=1.0 (MultiHeadAttention's Dropout layer checks [0, 1]): in training every attention
    // weight is dropped, so the output is the output projection's bias alone.
    [Fact]
    public void DropoutOfOneDropsEveryWeightInTrainingAsKeras()
    {
        random.manual_seed(3);
        var mha = Built(new MultiHeadAttention(2, 4, dropout: 1), [6, 8], [6, 8]);
        using (no_grad())
        {
            mha.state_dict()["attention_output.bias"].uniform_(-1, 1);
        }

        var x = randn(3, 6, 8);
        var bias = mha.state_dict()["attention_output.bias"];
        Numerics.AssertClose(bias.expand(3, 6, 8), mha.Call(x, x, training: true), 0, "training output with every weight dropped");
        Assert.False(mha.Call(x, x).allclose(bias.expand(3, 6, 8)), "inference keeps the weights");
    }

    [Fact]
    public void StateDictRoundTripAndLazyBuild()
    {
        var source = Built(new MultiHeadAttention(2, 3), [4, 5], [6, 7]);
        var target = new MultiHeadAttention(2, 3);
        target.Build([4, 5], [6, 7]);
        var (missing, unexpected) = target.load_state_dict(source.state_dict());
        Assert.Empty(missing);
        Assert.Empty(unexpected);
        var (q, v) = (randn(2, 4, 5), randn(2, 6, 7));
        Numerics.AssertClose(source.Call(q, v), target.Call(q, v), 0, "after a round trip");

        var lazy = new MultiHeadAttention(2, 3);
        using (NewDisposeScope())
        {
            lazy.Call(randn(2, 4, 5), randn(2, 6, 7));
        }

        Assert.Equal(source.state_dict().Select(p => (p.Key, string.Join(",", p.Value.shape))), lazy.state_dict().Select(p => (p.Key, string.Join(",", p.Value.shape))));
        Assert.Equal([3L, 4, 5], lazy.Call(randn(3, 4, 5), randn(3, 6, 7)).shape);
    }

    [Fact]
    public void HigherRankInputsAttendOverAllTheirInnerAxesTogether()
    {
        // Keras' default attention_axes for (batch, 2, 3, 4) are (1, 2): the 6 positions attend as one flattened axis.
        random.manual_seed(4);
        var image = Built(new MultiHeadAttention(2, 3), [2, 3, 4], [2, 3, 4]);
        var flat = Built(new MultiHeadAttention(2, 3), [6, 4], [6, 4]);
        flat.load_state_dict(image.state_dict());
        var q = randn(2, 2, 3, 4);
        var y = image.Call(q, q);
        Assert.Equal([2L, 2, 3, 4], y.shape);
        Numerics.AssertClose(flat.Call(q.reshape(2, 6, 4), q.reshape(2, 6, 4)).reshape(2, 2, 3, 4), y, 1e-6, "(2, 3) positions attend as 6");
        Assert.Contains("one rank of at least 3", Assert.Throws<ArgumentException>(() => new MultiHeadAttention(2, 3).Build([2, 3, 4], [5, 4])).Message);
    }

    [Fact]
    public void RejectsBadArgumentsAndShapes()
    {
        Assert.Contains("numHeads must be a positive integer, found 0", Assert.Throws<ArgumentOutOfRangeException>(() => new MultiHeadAttention(0, 4)).Message);
        Assert.Contains("keyDim must be a positive integer", Assert.Throws<ArgumentOutOfRangeException>(() => new MultiHeadAttention(2, -1)).Message);
        Assert.Contains("valueDim must be a positive integer", Assert.Throws<ArgumentOutOfRangeException>(() => new MultiHeadAttention(2, 4, valueDim: 0)).Message);
        Assert.Contains("dropout must be in [0, 1], found 1.5", Assert.Throws<ArgumentOutOfRangeException>(() => new MultiHeadAttention(2, 4, dropout: 1.5)).Message);
        Assert.Contains("outputShape must list positive sizes", Assert.Throws<ArgumentOutOfRangeException>(() => new MultiHeadAttention(2, 4, outputShape: [0])).Message);
        Assert.Contains("all dimensions of value and key except the last must be equal, found value (batch, 4, 6) and key (batch, 5, 6)",
            Assert.Throws<ArgumentException>(() => new MultiHeadAttention(2, 3).Build([3, 5], [4, 6], [5, 6])).Message);
        Assert.Contains("one rank of at least 3", Assert.Throws<ArgumentException>(() => new MultiHeadAttention(2, 3).Build([5], [5])).Message);
        Assert.Contains("needs the value feature (last) dimension known", Assert.Throws<ArgumentException>(() => new MultiHeadAttention(2, 3).Build([3, 5], [4, -1])).Message);
        var mha = Built(new MultiHeadAttention(2, 3), [3, 5], [4, 6]);
        Assert.Contains("built for a value of shape (batch, 4, 6), found (2, 4, 7)", Assert.Throws<ArgumentException>(() => mha.Call(randn(2, 3, 5), randn(2, 4, 7))).Message);
        Assert.Contains("valueMask must have shape (2, 4), found (2, 3)",
            Assert.Throws<ArgumentException>(() => mha.Call(randn(2, 3, 5), randn(2, 4, 6), null, valueMask: ones(2, 3))).Message);
    }

    private static MultiHeadAttention Built(MultiHeadAttention layer, long[] query, long[] value, long[]? key = null)
    {
        layer.Build(query, value, key);
        return layer;
    }

    private static MultiHeadAttention Filled(MultiHeadAttention layer, long[] query, long[] value, long[]? key = null)
    {
        Built(layer, query, value, key);
        layer.to(ScalarType.Float64);
        KerasFill.Weights(layer);
        return layer;
    }
}
