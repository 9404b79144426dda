using System;
using System.Linq;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;
using LuongAttention = StaticKeras.Layers.Attention;

namespace StaticKeras.Runtime.Tests.Layers.Attention;

/// <summary>
/// Keras' Attention (Luong) against Keras 3.16 (numpy backend): query cos(0.23 i) (2, 3, 4), value cos(0.23 i + 1)
/// (2, 5, 4), key cos(0.23 i + 2) (2, 5, 4) (<see cref="KerasFill.Input"/>), scale 0.7 and concat_score_weight 1.3
/// where the layer has them, outputs and attention scores flattened to 9 significant digits.
/// </summary>
public sealed class AttentionTests
{
    private static readonly double[] Dot = [0.192698553, 0.215789437, 0.22751528, 0.227258503, -0.00301518757, -0.0390344225, -0.0729978308, -0.103116661, -0.678208709, -0.732447743, -0.748110771, -0.724372923, -0.818609536, -0.881550729, -0.898063123, -0.867277086, -0.748663127, -0.819877446, -0.847911119, -0.831287563, 0.555865049, 0.537978768, 0.491758674, 0.419639051];
    private static readonly double[] DotScores = [0.444739938, 0.0208213236, 0.00547243562, 0.0231542215, 0.505812109, 0.39881146, 0.143260688, 0.0784209818, 0.105194479, 0.274312377, 0.0436972529, 0.269965112, 0.494943261, 0.166979685, 0.0244147722, 0.000514830346, 0.000777307258, 0.0137489811, 0.295854747, 0.68910414, 0.00673312601, 0.00731300982, 0.0413794555, 0.31109494, 0.633479476, 0.410701305, 0.300656408, 0.138797075, 0.074319087, 0.0755260214];
    private static readonly double[] DotScaleKey = [-0.18412973, 0.0171500891, 0.217526704, 0.406446725, -0.279042095, -0.197889403, -0.106314406, -0.00914016366, -0.195061997, -0.343658537, -0.474155605, -0.579680145, -0.169822514, -0.342313498, -0.496775806, -0.625074267, -0.175970703, -0.326201081, -0.459251404, -0.568114161, 0.214747608, 0.186132371, 0.147714093, 0.101516083];
    private static readonly double[] DotScaleKeyScores = [0.0136103658, 0.00627634116, 0.0200588889, 0.177772567, 0.782281876, 0.133099005, 0.0915568322, 0.118722066, 0.236449301, 0.42017284, 0.31322962, 0.431672066, 0.185044318, 0.0481114872, 0.0219424218, 0.00522794249, 0.0426066741, 0.337680131, 0.508928835, 0.105556451, 0.0208776332, 0.0748888478, 0.29520762, 0.433688968, 0.175336972, 0.331307739, 0.191084325, 0.127052695, 0.134350047, 0.216205195];
    private static readonly double[] Concat = [0.152238429, 0.189669728, 0.217111662, 0.233118892, 0.140218675, 0.221593291, 0.291297197, 0.345659286, 0.167767003, 0.188275307, 0.198867708, 0.198986262, 0.82039094, 0.860745788, 0.855767608, 0.805718541, 0.844289243, 0.883928835, 0.877014279, 0.823909938, 0.851884842, 0.8679533, 0.83830905, 0.764513433];
    private static readonly double[] ConcatScores = [0.401839644, 0.027814649, 0.00525265047, 0.0409556627, 0.524137437, 0.32548666, 0.010149763, 0.00216574525, 0.0110651944, 0.651132643, 0.432140529, 0.0314155295, 0.0168439057, 0.0281954557, 0.491404563, 0.60616076, 0.36006245, 0.0218982492, 0.00634992402, 0.00552861299, 0.59400475, 0.392194152, 0.0109357079, 0.00156048185, 0.00130494218, 0.495421946, 0.466656297, 0.0367582515, 0.000763756165, 0.000399791868];
    private static readonly double[] ConcatScaleKey = [-0.288112849, -0.100648642, 0.0921164453, 0.280030012, -0.198889419, 0.00800509751, 0.214478016, 0.409654975, -0.128508568, 0.0843686089, 0.292802334, 0.485814929, 0.687093139, 0.774704278, 0.821513832, 0.825056553, 0.72140497, 0.822355866, 0.879995584, 0.8912884, 0.739083529, 0.838685095, 0.894115508, 0.902455211];
    private static readonly double[] ConcatScaleKeyScores = [0.0167801529, 0.00618776167, 0.0327537879, 0.298059762, 0.646218538, 0.00605390081, 0.00230991282, 0.0106074866, 0.203819498, 0.777209163, 0.00693120668, 0.00391934626, 0.00891926885, 0.115862012, 0.864368141, 0.833646595, 0.0838945508, 0.0223053042, 0.0189051703, 0.0412484333, 0.89038837, 0.061273694, 0.010526225, 0.00885118917, 0.0289604627, 0.878946006, 0.0851491168, 0.00585125759, 0.00399295939, 0.0260605887];
    private static readonly double[] Masked = [0.456733644, 0.270152926, 0.069343999, -0.135117099, 0.094234243, -0.0248522535, -0.142629862, -0.252895594, 0, 0, 0, 0, -0.818609536, -0.881550729, -0.898063123, -0.867277086, -0.748663127, -0.819877446, -0.847911119, -0.831287563, 0.555865049, 0.537978768, 0.491758674, 0.419639051];
    private static readonly double[] MaskedScores = [0.939525425, 0, 0.0115606682, 0.0489139184, 0, 0.684740782, 0, 0.134645194, 0.180614039, 0, 0.0619274415, 0, 0.701430142, 0.236642465, 0, 0.000514830346, 0.000777307258, 0.0137489811, 0.295854747, 0.68910414, 0.00673312601, 0.00731300982, 0.0413794555, 0.31109494, 0.633479476, 0.410701305, 0.300656408, 0.138797075, 0.074319087, 0.0755260214];
    private static readonly double[] Causal = [0.87758255, 0.745174408, 0.573520005, 0.653056145, 0.481138468, 0.283880591, 0.516509533, 0.320564091, 0.107735381, -0.765382946, -0.872740269, -0.934132814, -0.992998064, -0.939917624, -0.837334394, -0.885096669, -0.785629988, -0.644786358, -0.496378213, -0.325352252, -0.137190878, 0.355455399, 0.536593735, 0.689471126];
    private static readonly double[] CausalScores = [1, 0, 0, 0, 0.556204021, 0.443796009, 0, 0, 0.286307931, 0.713692069, 0, 0, 0.00953227095, 0.0488786288, 0, 0.941589117, 1, 0, 0, 0, 0.643120706, 0.356879264, 0, 0, 0.247325048, 0.317546636, 0.435128361, 0, 0.0181727037, 0.0481517352, 0.205590189, 0.728085399];

    private static Tensor Query => KerasFill.Input([2, 3, 4], 0);

    private static Tensor Value => KerasFill.Input([2, 5, 4], 1);

    private static Tensor Key => KerasFill.Input([2, 5, 4], 2);

    private static LuongAttention Filled(LuongAttention layer, bool key)
    {
        layer.Build([3, 4], [5, 4], key ? [5, 4] : null);
        layer.to(ScalarType.Float64);
        using var noGrad = no_grad();
        layer.Scale?.fill_(0.7);
        layer.ConcatScoreWeight?.fill_(1.3);
        return layer;
    }

    [Theory]
    [InlineData(false, AttentionScoreMode.Dot, false)]
    [InlineData(true, AttentionScoreMode.Dot, true)]
    [InlineData(false, AttentionScoreMode.Concat, false)]
    [InlineData(true, AttentionScoreMode.Concat, true)]
    public void MatchesKeras(bool useScale, AttentionScoreMode mode, bool key)
    {
        var (expected, expectedScores) = (useScale, mode) switch
        {
            (false, AttentionScoreMode.Dot) => (Dot, DotScores),
            (true, AttentionScoreMode.Dot) => (DotScaleKey, DotScaleKeyScores),
            (false, _) => (Concat, ConcatScores),
            _ => (ConcatScaleKey, ConcatScaleKeyScores),
        };
        var layer = Filled(new LuongAttention(useScale, mode), key);
        var (output, scores) = layer.CallWithScores(Query, Value, key ? Key : null);
        Numerics.AssertClose(Numerics.Doubles(expected, 2, 3, 4), output, 2e-7, "output");
        Numerics.AssertClose(Numerics.Doubles(expectedScores, 2, 3, 5), scores, 2e-7, "attention scores");
        Assert.Equal((useScale ? 1 : 0) + (mode == AttentionScoreMode.Concat ? 1 : 0), layer.parameters().Sum(p => p.numel()));
        Assert.Equal([.. useScale ? new[] { "scale" } : [], .. mode == AttentionScoreMode.Concat ? new[] { "concat_score_weight" } : []], layer.state_dict().Keys);
    }

    [Fact]
    public void MatchesKerasWithQueryAndValueMasks()
    {
        // Keras: a masked value step's score loses 1e9; a masked query step's output is zero.
        var layer = Filled(new LuongAttention(), key: false);
        var queryMask = tensor(new[] { true, true, false, true, true, true }).reshape(2, 3);
        var valueMask = tensor(new[] { true, false, true, true, false, true, true, true, true, true }).reshape(2, 5);
        var (output, scores) = layer.CallWithScores(Query, Value, null, queryMask, valueMask);
        Numerics.AssertClose(Numerics.Doubles(Masked, 2, 3, 4), output, 2e-7, "masked output");
        Numerics.AssertClose(Numerics.Doubles(MaskedScores, 2, 3, 5), scores, 2e-7, "masked scores");
        Numerics.AssertClose(output, layer.Call(Query, Value, null, queryMask: queryMask, valueMask: valueMask, keyMask: zeros(2, 5)), 0, "a key mask is ignored, as Keras 3 does");
    }

    [Fact]
    public void MatchesKerasWithACausalMask()
    {
        // Keras: Attention()([x, x], use_causal_mask=True, mask=[None, value_mask]) on x = cos(0.23 i + 0.5) (2, 4, 3).
        var layer = new LuongAttention(useCausalMask: true);
        var x = KerasFill.Input([2, 4, 3], 0.5);
        var (output, scores) = layer.CallWithScores(x, x, null, null, tensor(new[] { true, true, false, true, true, true, true, true }).reshape(2, 4));
        Numerics.AssertClose(Numerics.Doubles(Causal, 2, 4, 3), output, 2e-7, "causal output");
        Numerics.AssertClose(Numerics.Doubles(CausalScores, 2, 4, 4), scores, 2e-7, "causal scores");
    }

    [Fact]
    public void AValueRowWithEveryStepMaskedIsUniformInFloat32AsKeras()
    {
        // Keras 3.16: every value step of sample 0 masked gives weights [0.2, 0.2, 0.2, 0.2, 0.2] (the scores minus 1e9).
        var layer = new LuongAttention();
        var mask = tensor(new[] { false, false, false, false, false, true, true, true, true, true }).reshape(2, 5);
        var (_, scores) = layer.CallWithScores(Query.to_type(ScalarType.Float32), Value.to_type(ScalarType.Float32), null, null, mask);
        Numerics.AssertClose(full(3, 5, 0.2, ScalarType.Float64), scores[0].to_type(ScalarType.Float64), 1e-7, "fully masked row");
    }

    [Theory]
    [InlineData(AttentionScoreMode.Dot)]
    [InlineData(AttentionScoreMode.Concat)]
    public void GradientsMatchFiniteDifferencesInDoublePrecision(AttentionScoreMode mode)
    {
        random.manual_seed(12);
        var layer = Filled(new LuongAttention(useScale: true, scoreMode: mode, useCausalMask: true), key: true);
        var (q, v, k) = (randn(2, 3, 4, ScalarType.Float64).requires_grad_(true), randn(2, 5, 4, ScalarType.Float64).requires_grad_(true), randn(2, 5, 4, ScalarType.Float64).requires_grad_(true));
        var valueMask = tensor(new[] { true, true, true, false, true, true, true, true, true, true }).reshape(2, 5);
        var projection = randn(2, 3, 4, ScalarType.Float64);
        Tensor Output() => layer.Call(q, v, k, queryMask: tensor(new[] { true, true, false, true, true, true }).reshape(2, 3), valueMask: valueMask, training: true);
        double Loss() => (Output() * projection).sum().item<double>();
        (Output() * projection).sum().backward();
        foreach (var (name, parameter) in layer.named_parameters())
        {
            GradientCheck.CheckEntries(name, parameter, parameter.grad!.detach().clone(), Loss);
        }

        foreach (var (name, input) in new[] { ("query", q), ("value", v), ("key", k) })
        {
            GradientCheck.CheckEntries(name, input, input.grad!.detach().clone(), Loss);
        }
    }

    [Fact]
    public void DropoutActsOnTheAttentionWeightsOnlyInTraining()
    {
        random.manual_seed(2);
        var layer = new LuongAttention(dropout: 0.5);
        var x = randn(3, 6, 8);
        Numerics.AssertClose(layer.Call(x, x), layer.Call(x, x, training: false), 0, "inference is deterministic");
        Assert.False(layer.Call(x, x, training: true).allclose(layer.Call(x, x)));
        var plain = new LuongAttention();
        Numerics.AssertClose(plain.Call(x, x), plain.Call(x, x, training: true), 0, "without dropout, training changes nothing");
    }

    // Keras 3.16: Attention(dropout=1.0)([q, v], training=True) is all zeros.
    [Fact]
    public void DropoutOfOneZeroesTheOutputInTrainingAsKeras()
    {
        var x = randn(3, 6, 8);
        var layer = new LuongAttention(dropout: 1);
        Numerics.AssertClose(zeros(3, 6, 8), layer.Call(x, x, training: true), 0, "training output");
        Assert.False(layer.Call(x, x).allclose(zeros(3, 6, 8)), "inference keeps the weights");
    }

    [Fact]
    public void StateDictRoundTripAndLazyBuild()
    {
        var source = Filled(new LuongAttention(useScale: true, scoreMode: AttentionScoreMode.Concat), key: false);
        var target = new LuongAttention(useScale: true, scoreMode: AttentionScoreMode.Concat);
        target.Build([3, 4], [5, 4]);
        target.to(ScalarType.Float64);
        var (missing, unexpected) = target.load_state_dict(source.state_dict());
        Assert.Empty(missing);
        Assert.Empty(unexpected);
        Numerics.AssertClose(source.Call(Query, Value), target.Call(Query, Value), 0, "after a round trip");

        var lazy = new LuongAttention(useScale: true);
        using (NewDisposeScope())
        {
            lazy.Call(randn(2, 3, 4), randn(2, 5, 6), randn(2, 5, 4), training: true);
        }

        Assert.Equal(["scale"], lazy.state_dict().Keys);
        Assert.Equal([3L, 3, 6], lazy.Call(randn(3, 3, 4), randn(3, 5, 6), randn(3, 5, 4), training: false).shape);
    }

    [Fact]
    public void RejectsBadArgumentsAndShapes()
    {
        Assert.Contains("dropout must be in [0, 1], found 1.5", Assert.Throws<ArgumentOutOfRangeException>(() => new LuongAttention(dropout: 1.5)).Message);
        Assert.Contains("scoreMode must be Dot or Concat", Assert.Throws<ArgumentOutOfRangeException>(() => new LuongAttention(scoreMode: (AttentionScoreMode)7)).Message);
        Assert.Contains("same rank, at least 3 (batch included), found query (batch, 4), value (batch, 4) and key (batch, 4)",
            Assert.Throws<ArgumentException>(() => new LuongAttention().Build([4], [4])).Message);
        Assert.Contains("all dimensions of value and key except the last must be equal",
            Assert.Throws<ArgumentException>(() => new LuongAttention().Build([3, 4], [5, 4], [6, 4])).Message);
        Assert.Contains("the query's and the key's features must be equal (dot)",
            Assert.Throws<ArgumentException>(() => new LuongAttention().Build([3, 4], [5, 6])).Message);
        new LuongAttention(scoreMode: AttentionScoreMode.Concat).Build([3, 1], [5, 6]);   // concat broadcasts a size of 1
        var layer = new LuongAttention();
        layer.Build([3, 4], [5, 4]);
        Assert.Contains("built for a value of shape (batch, 5, 4), found (2, 6, 4)", Assert.Throws<ArgumentException>(() => layer.Call(randn(2, 3, 4), randn(2, 6, 4))).Message);
        Assert.Contains("valueMask must have shape (2, 5), found (2, 3)",
            Assert.Throws<ArgumentException>(() => layer.Call(randn(2, 3, 4), randn(2, 5, 4), null, valueMask: ones(2, 3))).Message);
    }
}
