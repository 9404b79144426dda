using System;
using System.Collections.Generic;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using StaticKeras.Runtime.Tests.Layers.Masking;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers.Wrappers;

public sealed class BidirectionalTests
{
    private const long Units = 4;

    private static RecurrentLayer Recurrent(string type, bool returnSequences) => type switch
    {
        "LSTM" => new LSTM((int)Units, returnSequences: returnSequences),
        "GRU" => new GRU((int)Units, returnSequences: returnSequences),
        _ => new SimpleRNN((int)Units, returnSequences: returnSequences),
    };

    private static Func<Tensor, Tensor> Reference(RecurrentLayer layer) => layer switch
    {
        LSTM lstm => s => ReferenceRecurrent.Lstm(lstm, s),
        GRU gru => s => ReferenceRecurrent.Gru(gru, s),
        _ => s => ReferenceRecurrent.SimpleRnn((SimpleRNN)layer, s),
    };

    // Keras' Bidirectional computed independently: each direction through the reference cell over the
    // sample's used steps (the backward one over the reversed sequence), zeros at masked steps when returning sequences.
    private static Tensor BidirectionalReference(Bidirectional layer, Tensor x, Tensor? mask)
    {
        mask ??= ones(x.shape[0], x.shape[1], ScalarType.Bool);
        var forward = ReferenceRecurrent.Masked(Reference(layer.ForwardLayer), x, mask, Units);
        var backward = ReferenceRecurrent.Masked(Reference(layer.BackwardLayer), x.flip(1), mask.flip(1), Units);
        if (layer.ReturnSequences)
        {
            var used = mask.unsqueeze(-1).to_type(x.dtype);
            (forward, backward) = (forward * used, backward.flip(1) * used);
        }
        else
        {
            (forward, backward) = (forward.select(1, -1), backward.select(1, -1));
        }

        return layer.MergeMode switch
        {
            MergeMode.Sum => forward + backward,
            MergeMode.Mul => forward * backward,
            MergeMode.Ave => (forward + backward) / 2,
            _ => cat([forward, backward], -1),
        };
    }

    [Theory]
    [InlineData("LSTM", MergeMode.Concat, true, true)]
    [InlineData("LSTM", MergeMode.Mul, false, false)]
    [InlineData("GRU", MergeMode.Sum, false, true)]
    [InlineData("GRU", MergeMode.Concat, true, false)]
    [InlineData("SimpleRNN", MergeMode.Ave, true, true)]
    public void Conforms(string type, MergeMode mergeMode, bool returnSequences, bool masked)
    {
        var last = mergeMode == MergeMode.Concat ? 2 * Units : Units;
        long perDirection = type switch { "LSTM" => 4 * (5 * Units + Units * Units + Units), "GRU" => 3 * (5 * Units + Units * Units) + 6 * Units, _ => 5 * Units + Units * Units + Units };
        LayerConformance.Check(new LayerSpec
        {
            Create = () => new Bidirectional(Recurrent(type, returnSequences), mergeMode),
            BuildShape = [6, 5],
            Shapes = returnSequences ? [([3, 6, 5], [3, 6, last]), ([2, 4, 5], [2, 4, last])] : [([3, 6, 5], [3, last]), ([2, 4, 5], [2, last])],
            Trainable = 2 * perDirection,
            WeightNames =
            [
                "forward_layer.kernel", "forward_layer.recurrent_kernel", "forward_layer.bias",
                "backward_layer.kernel", "backward_layer.recurrent_kernel", "backward_layer.bias",
            ],
            Mask = masked ? MaskedRecurrentTests.SomeStepsMasked : null,
            Perturb = layer =>
            {
                ((Bidirectional)layer).ForwardLayer.Bias!.uniform_(-0.5, 0.5);
                ((Bidirectional)layer).BackwardLayer.Bias!.uniform_(-0.5, 0.5);
            },
            Reference = (layer, x) => BidirectionalReference((Bidirectional)layer, x, masked ? MaskedRecurrentTests.SomeStepsMasked(x) : null),
        });
    }

    [Theory]
    [InlineData("LSTM", MergeMode.Concat, true, true)]
    [InlineData("GRU", MergeMode.Sum, false, true)]
    [InlineData("SimpleRNN", MergeMode.Ave, true, false)]
    [InlineData("LSTM", MergeMode.Mul, false, false)]
    public void MatchesKeras(string type, MergeMode mergeMode, bool returnSequences, bool masked)
    {
        // Keras 3.16 (numpy backend): Bidirectional(<type>(3, return_sequences), merge_mode) on (2, 5, 4), weights and input
        // from KerasFill, masked with [[1, 1, 1, 0, 0], [1, 1, 1, 1, 1]] (the first sample padded at the end).
        using var scope = NewDisposeScope();
        RecurrentLayer inner = type switch
        {
            "LSTM" => new LSTM(3, returnSequences: returnSequences),
            "GRU" => new GRU(3, returnSequences: returnSequences),
            _ => new SimpleRNN(3, returnSequences: returnSequences),
        };
        var layer = new Bidirectional(inner, mergeMode);
        layer.Build(5, 4);
        KerasFill.Weights(layer);
        var mask = tensor(new[,] { { true, true, true, false, false }, { true, true, true, true, true } });
        var y = layer.Call(KerasFill.Of([2, 5, 4], 0.3), mask: masked ? mask : null);
        var (expected, shape) = type switch
        {
            "LSTM" when returnSequences => (KerasLstmConcatSequencesMasked, new long[] { 2, 5, 6 }),
            "GRU" => (KerasGruSumLastMasked, new long[] { 2, 3 }),
            "SimpleRNN" => (KerasSimpleRnnAveSequences, new long[] { 2, 5, 3 }),
            _ => (KerasLstmMulLast, new long[] { 2, 3 }),
        };
        Assert.Equal(shape, y.shape);
        Numerics.AssertClose(tensor(expected).reshape(shape), y, 1e-6, $"Bidirectional({type}, {mergeMode}) vs Keras");
    }

    private static readonly float[] KerasLstmConcatSequencesMasked =
    [
        -0.13240407f, -0.10954139f, -0.066738993f, 0.19440037f, 0.17239258f, 0.12357919f, -0.14372379f, -0.11159143f, -0.063422523f, 0.12945133f,
        0.11038586f, 0.073920228f, -0.13242248f, -0.087510034f, -0.030834101f, 0.074403055f, 0.053888589f, 0.025091242f, 0f, 0f,
        0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f,
        -0.10077542f, -0.08460559f, -0.054942399f, 0.19694787f, 0.18131877f, 0.13337079f, -0.11401422f, -0.080683112f, -0.035914849f, 0.18213592f,
        0.16099016f, 0.10875218f, -0.14406031f, -0.092474967f, -0.02573408f, 0.20141411f, 0.17262575f, 0.11376278f, -0.18002807f, -0.12804221f,
        -0.051992152f, 0.18580215f, 0.16249965f, 0.11382284f, -0.17579068f, -0.13026208f, -0.064988151f, 0.10648564f, 0.094916053f, 0.069887288f,
    ];

    private static readonly float[] KerasGruSumLastMasked = [0.018149823f, 0.0028555542f, -0.0094859004f, 0.11498401f, 0.15546119f, 0.18040977f];

    private static readonly float[] KerasSimpleRnnAveSequences =
    [
        0.054783907f, 0.046864599f, 0.030679137f, 0.1352638f, 0.19157109f, 0.21220082f, 0.08054895f, 0.094144359f, 0.086398274f, 0.15980418f,
        0.16531643f, 0.14809379f, -0.00019478798f, 0.027472787f, 0.044279382f, 0.042386442f, 0.042034164f, 0.029767282f, 0.14229111f, 0.19825682f,
        0.22028196f, 0.075603597f, 0.092878297f, 0.090946525f, 0.1546285f, 0.16027686f, 0.14205296f, 0.0073950142f, 0.03394834f, 0.053212874f,
    ];

    private static readonly float[] KerasLstmMulLast = [-0.040890533f, -0.02689421f, -0.0085541029f, -0.0346216f, -0.023618961f, -0.0086675212f];

    [Fact]
    public void BackwardLayerIsAFreshCopyOfTheForwardLayersArguments()
    {
        var layer = new Bidirectional(new GRU(5, Activation.Relu, returnSequences: true, resetAfter: false, kernelRegularizer: Regularizer.L2(0.01)));
        var backward = Assert.IsType<GRU>(layer.BackwardLayer);
        Assert.NotSame(layer.ForwardLayer, backward);
        Assert.Equal((5, Activation.Relu, true, false), (backward.Units, backward.Activation, backward.ReturnSequences, backward.ResetAfter));
        Assert.NotNull(backward.WeightRegularizers.GetValueOrDefault("kernel"));
        layer.Build(3, 2);
        Assert.NotEqual(layer.ForwardLayer.Kernel.data<float>().ToArray(), layer.BackwardLayer.Kernel.data<float>().ToArray());
    }

    [Fact]
    public void RejectsBackwardLayersThatDoNotMatch()
    {
        var sequences = Assert.Throws<ArgumentException>(() => new Bidirectional(new LSTM(4, returnSequences: true), backwardLayer: new LSTM(4)));
        Assert.Contains("the forward and backward layers must have the same returnSequences, found True and False", sequences.Message);
        var units = Assert.Throws<ArgumentException>(() => new Bidirectional(new GRU(4), MergeMode.Sum, new GRU(3)));
        Assert.Contains("merge mode Sum needs the forward and backward layers to have the same units, found 4 and 3", units.Message);
        var lstm = new LSTM(4);
        Assert.Throws<ArgumentException>(() => new Bidirectional(lstm, backwardLayer: lstm));
        Assert.Throws<ArgumentException>(() => new Bidirectional(new LSTM(4), (MergeMode)7));
        Assert.Throws<ArgumentException>(() => new Bidirectional(new LSTM(4)).Call(zeros(2, 4)));
    }

    [Theory]
    [InlineData("LSTM")]
    [InlineData("GRU")]
    public void AMaskedResultDoesNotChangeWhenPaddingIsAdded(string type)
    {
        // Keras: both directions skip masked steps, so padding at either end changes nothing.
        using var scope = NewDisposeScope();
        var layer = new Bidirectional(Recurrent(type, returnSequences: false));
        var x = randn(2, 4, 5);
        var alone = layer.Call(x);
        var padded = cat([zeros(2, 2, 5), x, zeros(2, 3, 5)], 1);
        var mask = cat([zeros(2, 2, ScalarType.Bool), ones(2, 4, ScalarType.Bool), zeros(2, 3, ScalarType.Bool)], 1);
        Numerics.AssertClose(alone, layer.Call(padded, mask: mask), 1e-6, "padded and masked vs the sequence alone");
    }

    [Fact]
    public void AGivenBackwardLayerCanHaveOtherUnitsWhenConcatenated()
    {
        using var scope = NewDisposeScope();
        var layer = new Bidirectional(new LSTM(3), backwardLayer: new LSTM(2, activation: Activation.Relu));
        Assert.Equal([4L, 5], layer.Call(randn(4, 6, 3)).shape);
    }
}
