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

    // Keras 3.16, LSTM(64, bias_initializer="glorot_uniform") built on 3 features: max |bias| per slice
    // 0.2130 (input gate, limit sqrt(3/64) = 0.2165), 1 (forget), 0.1512 (candidate and output, limit
    // sqrt(3/128) = 0.1531); without unit_forget_bias one draw on (256,): 0.1082 (limit sqrt(3/256) = 0.1083).
    // GRU(64, bias_initializer="glorot_uniform"): one draw on (2, 192), max 0.1757 (limit sqrt(6/194) = 0.1759).
    [Fact]
    public void LstmDrawsEachBiasSliceOnItsOwnShapeAsKeras()
    {
        manual_seed(5);
        var lstm = new LSTM(64, biasInitializer: Initializer.GlorotUniform);
        lstm.Build(5, 3);
        var bias = lstm.state_dict()["bias"];
        AssertMaxNear(bias.narrow(0, 0, 64), Math.Sqrt(3.0 / 64), "input gate slice");
        Assert.Equal(64f, bias.narrow(0, 64, 64).sum().item<float>());
        AssertMaxNear(bias.narrow(0, 128, 128), Math.Sqrt(3.0 / 128), "candidate and output slices");

        var plain = new LSTM(64, unitForgetBias: false, biasInitializer: Initializer.GlorotUniform);
        plain.Build(5, 3);
        AssertMaxNear(plain.state_dict()["bias"], Math.Sqrt(3.0 / 256), "whole bias without unitForgetBias");

        var gru = new GRU(64, biasInitializer: Initializer.GlorotUniform);
        gru.Build(5, 3);
        Assert.Equal([2L, 192], gru.state_dict()["bias"].shape);
        AssertMaxNear(gru.state_dict()["bias"], Math.Sqrt(6.0 / (2 + 192)), "GRU bias (2, 3 units)");
    }

    // Uniform draws on [-limit, limit]: the largest of many is within 10% of the limit and never above it.
    private static void AssertMaxNear(Tensor values, double limit, string what)
    {
        double max = values.abs().max().item<float>();
        Assert.True(max <= limit * (1 + 1e-6) && max >= 0.9 * limit, $"{what}: max |value| {max:G4}, limit {limit:G4}");
    }
}
