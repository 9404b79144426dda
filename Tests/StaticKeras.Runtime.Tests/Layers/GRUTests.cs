using System;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers;

public sealed class GRUTests
{
    [Theory]
    [InlineData(false, true)]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, false)]
    public void Conforms(bool returnSequences, bool resetAfter) => LayerConformance.Check(new LayerSpec
    {
        Create = () => new GRU(7, returnSequences: returnSequences, resetAfter: resetAfter),
        BuildShape = [6, 5],
        Shapes = returnSequences
            ? [([3, 6, 5], [3, 6, 7]), ([2, 4, 5], [2, 4, 7])]
            : [([3, 6, 5], [3, 7]), ([2, 4, 5], [2, 7])],
        // Keras: 3 (du + u^2) + 6u with reset_after (bias (2, 3u)), 3 (du + u^2 + u) without
        Trainable = resetAfter ? 3 * (5 * 7 + 7 * 7) + 6 * 7 : 3 * (5 * 7 + 7 * 7 + 7),
        WeightNames = ["kernel", "recurrent_kernel", "bias"],
        Perturb = layer => ((GRU)layer).Bias!.uniform_(-0.5, 0.5),
        Reference = (layer, x) =>
        {
            var gru = (GRU)layer;
            var all = resetAfter ? ReferenceRecurrent.Gru(gru, x) : ReferenceRecurrent.GruResetBefore(gru, x);
            return returnSequences ? all : all.select(1, -1);
        },
    });

    [Fact]
    public void HasKerasBiasLayout()
    {
        var gru = new GRU(4);
        gru.Build(3, 2);
        Assert.Equal([2L, 12], gru.Bias!.shape);
        Assert.Equal([2L, 12], gru.Kernel.shape);
        Assert.Equal([4L, 12], gru.RecurrentKernel.shape);
        var before = new GRU(4, resetAfter: false);
        before.Build(3, 2);
        Assert.Equal([12L], before.Bias!.shape);
    }

    [Fact]
    public void FollowsTheGateOrderByHand()
    {
        // One unit, zero kernels, bias rows b = (b_z, b_r, b_h) and b' = (b'_z, b'_r, b'_h):
        // z = σ(b_z + b'_z), r = σ(b_r + b'_r), hh = tanh(b_h + r b'_h), h = z h + (1 - z) hh.
        var gru = new GRU(1, returnSequences: true);
        gru.Build(2, 1);
        using (no_grad())
        {
            gru.Kernel.zero_();
            gru.RecurrentKernel.zero_();
            gru.Bias!.copy_(tensor(new float[] { 0.5f, -1f, 0.3f, 0.2f, 2f, 0.7f }).reshape(2, 3));
        }

        static double S(double v) => 1 / (1 + Math.Exp(-v));
        double z = S(0.7), hh = Math.Tanh(0.3 + S(1) * 0.7);
        double h1 = (1 - z) * hh, h2 = z * h1 + (1 - z) * hh;
        Numerics.AssertClose(Numerics.Doubles([h1, h2], 1, 2, 1), gru.Call(zeros(1, 2, 1)), 1e-6, "h1, h2");
    }
}
