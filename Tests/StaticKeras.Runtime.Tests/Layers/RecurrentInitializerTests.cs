using System;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers;

/// <summary>Keras' kernel_initializer, recurrent_initializer and bias_initializer on the recurrent layers.</summary>
public sealed class RecurrentInitializerTests
{
    [Fact]
    public void DefaultsAreKerasGlorotOrthogonalAndZeros()
    {
        manual_seed(4);
        var gru = new GRU(4);
        gru.Build(7, 5);
        Assert.Equal((Initializer.GlorotUniform, Initializer.Orthogonal, Initializer.Zeros), (gru.KernelInitializer, gru.RecurrentInitializer, gru.BiasInitializer));
        var recurrent = gru.state_dict()["recurrent_kernel"];   // (4, 12): orthonormal rows
        Numerics.AssertClose(eye(4, dtype: ScalarType.Float64), recurrent.matmul(recurrent.t()), 1e-5, "orthogonal recurrent kernel");
        double limit = Math.Sqrt(6.0 / (5 + 12));
        Assert.True(gru.state_dict()["kernel"].abs().max().item<float>() <= limit);
        Assert.Equal(0f, gru.state_dict()["bias"].abs().sum().item<float>());
    }

    [Fact]
    public void EachInitializerIsUsedForItsWeight()
    {
        var rnn = new SimpleRNN(3, kernelInitializer: Initializer.Ones, recurrentInitializer: Initializer.Zeros, biasInitializer: Initializer.Ones);
        rnn.Build(4, 2);
        Assert.Equal(6f, rnn.state_dict()["kernel"].sum().item<float>());
        Assert.Equal(0f, rnn.state_dict()["recurrent_kernel"].abs().sum().item<float>());
        Assert.Equal(3f, rnn.state_dict()["bias"].sum().item<float>());

        // LSTM: the forget slice starts at 1 with unitForgetBias whatever the bias initializer (Keras concatenates ones there).
        var lstm = new LSTM(2, biasInitializer: Initializer.Zeros, recurrentInitializer: Initializer.GlorotUniform);
        lstm.Build(4, 3);
        Numerics.AssertClose(Numerics.Doubles([0, 0, 1, 1, 0, 0, 0, 0], 8), lstm.state_dict()["bias"], 0, "LSTM bias with unit_forget_bias");
        Assert.Throws<ArgumentOutOfRangeException>(() => new LSTM(2, kernelInitializer: (Initializer)99));
    }
}
