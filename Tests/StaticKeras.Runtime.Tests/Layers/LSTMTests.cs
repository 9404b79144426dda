using System;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers;

public sealed class LSTMTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Conforms(bool returnSequences) => LayerConformance.Check(new LayerSpec
    {
        Create = () => new LSTM(7, returnSequences: returnSequences),
        BuildShape = [6, 5],
        Shapes = returnSequences
            ? [([3, 6, 5], [3, 6, 7]), ([2, 4, 5], [2, 4, 7])]
            : [([3, 6, 5], [3, 7]), ([2, 4, 5], [2, 7])],
        // Keras: 4 (du + u^2 + u), one bias
        Trainable = 4 * (5 * 7 + 7 * 7 + 7),
        WeightNames = ["kernel", "recurrent_kernel", "bias"],
        Perturb = layer => ((LSTM)layer).Bias!.uniform_(-0.5, 0.5),
        Reference = (layer, x) =>
        {
            var all = ReferenceRecurrent.Lstm((LSTM)layer, x);
            return returnSequences ? all : all.select(1, -1);
        },
    });

    [Fact]
    public void InitializesAsKeras()
    {
        random.manual_seed(21);
        var lstm = new LSTM(16);
        lstm.Build(10, 8);
        Assert.Equal([8L, 64], lstm.Kernel.shape);
        Assert.Equal([16L, 64], lstm.RecurrentKernel.shape);
        Assert.True(lstm.Kernel.abs().max().item<float>() <= Math.Sqrt(6.0 / (8 + 64)));
        // orthogonal (16, 64): orthonormal rows
        var gram = lstm.RecurrentKernel.matmul(lstm.RecurrentKernel.t());
        Numerics.AssertClose(eye(16), gram, 1e-5, "recurrent_kernel rows");
        // one bias, gate order i, f, c, o, the forget slice at 1
        var expectedBias = cat([zeros(16), ones(16), zeros(32)]);
        Numerics.AssertClose(expectedBias, lstm.Bias!, 0, "bias with unit_forget_bias");

        var plain = new LSTM(4, unitForgetBias: false);
        plain.Build(3, 2);
        Numerics.AssertClose(zeros(16), plain.Bias!, 0, "bias without unit_forget_bias");
    }

    [Fact]
    public void FollowsTheGateOrderByHand()
    {
        // One unit, zero weights except the bias: z = bias for every step, so with
        // i = σ(b_i), f = σ(b_f), g = tanh(b_c), o = σ(b_o): c1 = i g, c2 = f c1 + i g, h = o tanh(c).
        var lstm = new LSTM(1, returnSequences: true, useBias: true);
        lstm.Build(2, 1);
        using (no_grad())
        {
            lstm.Kernel.zero_();
            lstm.RecurrentKernel.zero_();
            lstm.Bias!.copy_(tensor(new float[] { 0.5f, -1f, 2f, 1.5f }));
        }

        static double S(double v) => 1 / (1 + Math.Exp(-v));
        double ig = S(0.5) * Math.Tanh(2), c1 = ig, c2 = S(-1) * c1 + ig;
        var y = lstm.Call(zeros(1, 2, 1));
        Numerics.AssertClose(Numerics.Doubles([S(1.5) * Math.Tanh(c1), S(1.5) * Math.Tanh(c2)], 1, 2, 1), y, 1e-6, "h1, h2");
    }

    [Fact]
    public void RejectsUnknownRecurrentActivation() =>
        Assert.Contains("LSTM: unknown recurrentActivation 77",
            Assert.Throws<ArgumentOutOfRangeException>(() => new LSTM(3, recurrentActivation: (Activation)77)).Message);
}
