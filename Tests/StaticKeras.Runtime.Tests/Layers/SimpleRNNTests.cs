using System;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers;

public sealed class SimpleRNNTests
{
    [Theory]
    [InlineData(false, Activation.Tanh)]
    [InlineData(true, Activation.Tanh)]
    [InlineData(true, Activation.Relu)]
    public void Conforms(bool returnSequences, Activation activation) => LayerConformance.Check(new LayerSpec
    {
        Create = () => new SimpleRNN(7, activation, returnSequences: returnSequences),
        BuildShape = [6, 5],
        Shapes = returnSequences
            ? [([3, 6, 5], [3, 6, 7]), ([2, 9, 5], [2, 9, 7])]
            : [([3, 6, 5], [3, 7]), ([2, 9, 5], [2, 7])],
        // Keras: du + u^2 + u
        Trainable = 5 * 7 + 7 * 7 + 7,
        WeightNames = ["kernel", "recurrent_kernel", "bias"],
        Perturb = layer => ((SimpleRNN)layer).Bias!.uniform_(-0.5, 0.5),
        Reference = (layer, x) =>
        {
            var all = ReferenceRecurrent.SimpleRnn((SimpleRNN)layer, x);
            return returnSequences ? all : all.select(1, -1);
        },
    });

    [Fact]
    public void FollowsTheRecurrenceByHand()
    {
        // One unit, kernel 2, recurrent 0.5, bias 0.1, linear: h1 = 2*1 + 0.1 = 2.1, h2 = 2*(-1) + 0.5*2.1 + 0.1 = -0.85.
        var rnn = new SimpleRNN(1, Activation.Linear, returnSequences: true);
        rnn.Build(2, 1);
        using (no_grad())
        {
            rnn.Kernel.fill_(2);
            rnn.RecurrentKernel.fill_(0.5);
            rnn.Bias!.fill_(0.1);
        }

        var y = rnn.Call(tensor(new double[] { 1, -1 }, ScalarType.Float32).reshape(1, 2, 1));
        Numerics.AssertClose(Numerics.Doubles([2.1, -0.85], 1, 2, 1), y, 1e-6, "h1, h2");
    }

    [Fact]
    public void RejectsInvalidArgumentsAndInputs()
    {
        Assert.Contains("units must be a positive integer, found 0", Assert.Throws<ArgumentOutOfRangeException>(() => new SimpleRNN(0)).Message);
        Assert.Contains("SimpleRNN expects inputs of rank 3 (batch, timesteps, features), found shape (4, 5)",
            Assert.Throws<ArgumentException>(() => new SimpleRNN(3).Call(zeros(4, 5))).Message);
        Assert.Contains("needs the features dimension known", Assert.Throws<ArgumentException>(() => new SimpleRNN(3).Build(10, -1)).Message);
        var rnn = new SimpleRNN(3);
        rnn.Build(-1, 4);
        Assert.Contains("was built for 4 features, found inputs of shape (2, 6, 5)", Assert.Throws<ArgumentException>(() => rnn.Call(zeros(2, 6, 5))).Message);
        Assert.Contains("needs at least one timestep", Assert.Throws<ArgumentException>(() => rnn.Call(zeros(2, 0, 4))).Message);
        Assert.Equal([2L, 3], rnn.Call(zeros(2, 11, 4)).shape);
    }
}
