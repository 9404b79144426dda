using System;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers.Masking;

/// <summary>The recurrent layers and GlobalAveragePooling1D called with Keras' mask: conformance and Keras' numbers.</summary>
public sealed class MaskedRecurrentTests
{
    /// <summary>A mask from the input's shape only: step t of sample b is used unless (b + t) % 3 == 1, and step 0 of sample 0 always is.</summary>
    internal static Tensor SomeStepsMasked(Tensor x)
    {
        var (batch, steps) = (x.shape[0], x.shape[1]);
        var mask = zeros(batch, steps, ScalarType.Bool);
        for (long b = 0; b < batch; b++)
        {
            for (long t = 0; t < steps; t++)
            {
                mask[b, t] = tensor((b + t) % 3 != 1 || (b == 0 && t == 0));
            }
        }

        return mask;
    }

    [Theory]
    [InlineData("LSTM", false)]
    [InlineData("LSTM", true)]
    [InlineData("GRU", false)]
    [InlineData("GRU", true)]
    [InlineData("SimpleRNN", true)]
    public void MaskedRecurrentLayersConform(string type, bool returnSequences) => LayerConformance.Check(new LayerSpec
    {
        Create = () => type switch
        {
            "LSTM" => new LSTM(7, returnSequences: returnSequences),
            "GRU" => new GRU(7, returnSequences: returnSequences),
            _ => new SimpleRNN(7, returnSequences: returnSequences),
        },
        BuildShape = [6, 5],
        Shapes = returnSequences ? [([3, 6, 5], [3, 6, 7]), ([2, 4, 5], [2, 4, 7])] : [([3, 6, 5], [3, 7]), ([2, 4, 5], [2, 7])],
        Trainable = type switch { "LSTM" => 4 * (5 * 7 + 7 * 7 + 7), "GRU" => 3 * (5 * 7 + 7 * 7) + 6 * 7, _ => 5 * 7 + 7 * 7 + 7 },
        WeightNames = ["kernel", "recurrent_kernel", "bias"],
        Mask = SomeStepsMasked,
        Perturb = layer => ((RecurrentLayer)layer).Bias!.uniform_(-0.5, 0.5),
        Reference = (layer, x) =>
        {
            Func<Tensor, Tensor> unmasked = layer switch
            {
                LSTM lstm => s => ReferenceRecurrent.Lstm(lstm, s),
                GRU gru => s => ReferenceRecurrent.Gru(gru, s),
                _ => s => ReferenceRecurrent.SimpleRnn((SimpleRNN)layer, s),
            };
            var all = ReferenceRecurrent.Masked(unmasked, x, SomeStepsMasked(x), 7);
            return returnSequences ? all : all.select(1, -1);
        },
    });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MaskedGlobalAveragePooling1DConforms(bool keepdims) => LayerConformance.Check(new LayerSpec
    {
        Create = () => new GlobalAveragePooling1D(keepdims),
        BuildShape = [7, 3],
        Shapes = [([4, 7, 3], keepdims ? [4, 1, 3] : [4, 3])],
        Trainable = 0,
        WeightNames = [],
        Mask = SomeStepsMasked,
        Reference = (_, x) =>
        {
            var keep = SomeStepsMasked(x).unsqueeze(-1).to_type(x.dtype);
            return (x * keep).sum(1, keepdims) / keep.sum(1, keepdims);
        },
    });

    // Keras 3.16, numpy backend (the script is in the test's comment): weights w(shape, k) =
    // 0.4 sin(0.7 i + k) over the flattened shape; x = w((2, 5, 3), 1); mask [[1,1,0,1,0],[0,1,1,1,1]].
    private static Tensor W(long[] shape, double k)
    {
        long n = 1;
        foreach (var d in shape)
        {
            n *= d;
        }

        return (arange(n, ScalarType.Float64) * 0.7 + k).sin().mul(0.4).reshape(shape).to_type(ScalarType.Float32);
    }

    private static readonly Tensor KerasMask = tensor(new[] { true, true, false, true, false, false, true, true, true, true }).reshape(2, 5);

    [Fact]
    public void MaskedLstmMatchesKeras()
    {
        var lstm = new LSTM(4, returnSequences: true);
        var y = Run(lstm);
        // Step 2 of sample 0 repeats step 1; step 0 of sample 1 is zeros; the last steps hold the state after the last unmasked step.
        Numerics.AssertClose(Numerics.Doubles(
            [-0.012360896915197372, -0.03798244521021843, -0.04809720441699028, -0.03539881855249405,
             0.013476028107106686, -0.07332734018564224, -0.1368979513645172, -0.15034711360931396,
             0.013476028107106686, -0.07332734018564224, -0.1368979513645172, -0.15034711360931396,
             0.010004309006035328, -0.07367464154958725, -0.12663088738918304, -0.12767203152179718,
             0.010004309006035328, -0.07367464154958725, -0.12663088738918304, -0.12767203152179718,
             0, 0, 0, 0,
             -0.010810485109686852, -0.036792054772377014, -0.047824736684560776, -0.03636722266674042,
             0.013576753437519073, -0.07375181466341019, -0.13794022798538208, -0.15200437605381012,
             -0.027194099500775337, -0.14798185229301453, -0.21492046117782593, -0.184749037027359,
             -0.011960688047111034, -0.11157222092151642, -0.17091158032417297, -0.15509982407093048], 2, 5, 4),
            y.to_type(ScalarType.Float64), 1e-6, "Keras' masked LSTM");
    }

    [Fact]
    public void MaskedGruAndSimpleRnnLastStepsMatchKeras()
    {
        Numerics.AssertClose(Numerics.Doubles(
            [-0.1878049671649933, -0.2851901948451996, -0.260452538728714, -0.14526411890983582,
             -0.2542571723461151, -0.3209049701690674, -0.262448787689209, -0.11600326746702194], 2, 4),
            Run(new GRU(4)).to_type(ScalarType.Float64), 1e-6, "Keras' masked GRU");
        Numerics.AssertClose(Numerics.Doubles(
            [-0.2404371201992035, -0.3161357641220093, -0.2500826418399811, -0.06340276449918747,
             -0.25968050956726074, -0.32623785734176636, -0.24698930978775024, -0.047145310789346695], 2, 4),
            Run(new SimpleRNN(4)).to_type(ScalarType.Float64), 1e-6, "Keras' masked SimpleRNN");
    }

    [Fact]
    public void MaskedAverageMatchesKeras()
    {
        var y = new GlobalAveragePooling1D().Call(W([2, 5, 3], 1.0), mask: KerasMask);
        Numerics.AssertClose(Numerics.Doubles(
            [0.23113174736499786, 0.18255536258220673, 0.048120301216840744, 0.08675669133663177, 0.09900913387537003, 0.06469603627920151], 2, 3),
            y.to_type(ScalarType.Float64), 1e-6, "Keras' masked GlobalAveragePooling1D");
    }

    [Fact]
    public void ANullMaskIsNoMaskAndAMaskOfTheWrongShapeIsRejected()
    {
        var lstm = new LSTM(3);
        var x = randn(2, 4, 5);
        Numerics.AssertClose(lstm.Call(x), lstm.Call(x, mask: null), 0, "null mask");
        Numerics.AssertClose(lstm.Call(x), lstm.Call(x, mask: ones(2, 4, ScalarType.Bool)), 0, "all-true mask");
        Assert.Equal(
            "LSTM: the mask must have shape (2, 4) (batch, steps) for inputs of shape (2, 4, 5), found (2, 3). (Parameter 'mask')",
            Assert.Throws<ArgumentException>(() => lstm.Call(x, mask: ones(2, 3, ScalarType.Bool))).Message);
        Assert.Contains("GlobalAveragePooling1D: the mask must have shape (2, 4)",
            Assert.Throws<ArgumentException>(() => new GlobalAveragePooling1D().Call(x, mask: ones(4, ScalarType.Bool))).Message);
    }

    private static Tensor Run(RecurrentLayer layer)
    {
        layer.Build(5, 3);
        using (no_grad())
        {
            var k = 2.0;
            foreach (var (_, parameter) in layer.named_parameters())
            {
                parameter.copy_(W(parameter.shape, k++));
            }
        }

        return layer.Call(W([2, 5, 3], 1.0), mask: KerasMask);
    }
}
