using System;

namespace StaticKeras.Layers.Initializers;

/// <summary>The runtime initializer for each <see cref="Initializer"/> a <see cref="WeightAttribute"/> names.</summary>
public static class WeightInitializers
{
    /// <summary>A new initializer for <paramref name="kind"/>, with Keras' default arguments.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a member of <see cref="Initializer"/>.</exception>
    public static WeightInitializer For(Initializer kind) => kind switch
    {
        Initializer.Zeros => new Zeros(),
        Initializer.Ones => new Ones(),
        Initializer.RandomNormal => new RandomNormal(),
        Initializer.RandomUniform => new RandomUniform(),
        Initializer.GlorotUniform => new GlorotUniform(),
        Initializer.GlorotNormal => VarianceScaling.GlorotNormal(),
        Initializer.HeNormal => VarianceScaling.HeNormal(),
        Initializer.HeUniform => VarianceScaling.HeUniform(),
        Initializer.Orthogonal => new Orthogonal(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, $"unknown initializer {kind}; expected one of {string.Join(", ", Enum.GetNames<Initializer>())}."),
    };
}
