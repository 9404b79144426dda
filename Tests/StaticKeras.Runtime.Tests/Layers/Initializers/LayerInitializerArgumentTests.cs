using System;
using System.Linq;
using StaticKeras.Layers;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers.Initializers;

/// <summary>Keras' kernel_initializer / bias_initializer / embeddings_initializer arguments.</summary>
public sealed class LayerInitializerArgumentTests
{
    [Fact]
    public void DefaultsAreKeras()
    {
        Assert.Equal((Initializer.GlorotUniform, Initializer.Zeros), (new Dense(2).KernelInitializer, new Dense(2).BiasInitializer));
        Assert.Equal((Initializer.GlorotUniform, Initializer.Zeros), (new Conv2D(2, 3).KernelInitializer, new Conv2D(2, 3).BiasInitializer));
        Assert.Equal(Initializer.RandomUniform, new Embedding(5, 2).EmbeddingsInitializer);
    }

    [Fact]
    public void TheChosenInitializersFillTheWeights()
    {
        var dense = new Dense(3, kernelInitializer: Initializer.Zeros, biasInitializer: Initializer.Ones);
        dense.Build(4);
        Assert.Equal(0f, dense.Kernel!.abs().sum().item<float>());
        Assert.Equal(3f, dense.Bias!.sum().item<float>());

        var conv = new Conv1D(2, 3, kernelInitializer: Initializer.Ones, biasInitializer: Initializer.Ones);
        conv.Build(8, 2);
        Assert.Equal(3 * 2 * 2 + 2, conv.named_parameters().Sum(p => p.parameter.sum().item<float>()));

        manual_seed(4);
        var he = new Conv2D(64, 3, kernelInitializer: Initializer.HeNormal);
        he.Build(16, 16, 32);
        // he_normal: truncated normal with stddev sqrt(2 / fan_in), fan_in = 3·3·32
        var std = he.named_parameters().First(p => p.name == "kernel").parameter.std().item<float>();
        Assert.InRange(std, 0.8 * Math.Sqrt(2.0 / 288), 1.0 * Math.Sqrt(2.0 / 288));

        var embed = new Embedding(5, 2, embeddingsInitializer: Initializer.Zeros);
        embed.Build(3);
        Assert.Equal(0f, embed.Embeddings.abs().sum().item<float>());
    }

    [Fact]
    public void AnUndefinedInitializerIsRejectedAtConstruction() =>
        Assert.Contains("unknown initializer 77", Assert.Throws<ArgumentOutOfRangeException>(() => new Dense(2, kernelInitializer: (Initializer)77)).Message);
}
