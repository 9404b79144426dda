using System;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>Applies an <see cref="Activation"/> with Keras' definition.</summary>
public static class ActivationFunctions
{
    /// <summary>Applies <paramref name="activation"/> to <paramref name="x"/>; softmax acts on the last axis.</summary>
    public static Tensor Apply(Tensor x, Activation activation) => activation switch
    {
        Activation.Linear => x,
        Activation.Relu => nn.functional.relu(x),
        Activation.Sigmoid => x.sigmoid(),
        Activation.Tanh => x.tanh(),
        Activation.Softmax => x.softmax(-1),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "unknown activation"),
    };
}
