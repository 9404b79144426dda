using System;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>Applies an <see cref="Activation"/> with Keras' definition.</summary>
public static class ActivationFunctions
{
    /// <summary>Keras 3's default slope of <see cref="Activation.LeakyRelu"/> for negative inputs.</summary>
    public const double LeakyReluNegativeSlope = 0.2;

    /// <summary>Applies <paramref name="activation"/> to <paramref name="x"/>; softmax acts on the last axis.</summary>
    public static Tensor Apply(Tensor x, Activation activation) => activation switch
    {
        Activation.Linear => x,
        Activation.Relu => nn.functional.relu(x),
        Activation.Sigmoid => x.sigmoid(),
        Activation.Tanh => x.tanh(),
        Activation.Softmax => x.softmax(-1),
        // Keras' gelu defaults to approximate=False: the erf form, which is TorchSharp's default too.
        Activation.Gelu => nn.functional.gelu(x),
        Activation.Elu => nn.functional.elu(x, alpha: 1.0),
        // TorchSharp's selu uses the same alpha and scale constants as Keras.
        Activation.Selu => nn.functional.selu(x),
        Activation.Silu => nn.functional.silu(x),
        Activation.LeakyRelu => nn.functional.leaky_relu(x, LeakyReluNegativeSlope),
        Activation.Softplus => nn.functional.softplus(x),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "unknown activation"),
    };

    /// <summary>
    /// <see cref="Apply"/> writing into <paramref name="x"/> where TorchSharp has an in-place form
    /// (relu, sigmoid, tanh), for tensors nothing else reads: a layer's fresh output outside autograd.
    /// </summary>
    /// <param name="x">A tensor the caller owns and no one else reads.</param>
    /// <param name="activation">The activation.</param>
    /// <returns><paramref name="x"/> itself, or a new tensor for the other activations.</returns>
    public static Tensor ApplyInPlace(Tensor x, Activation activation) => activation switch
    {
        Activation.Relu => x.relu_(),
        Activation.Sigmoid => x.sigmoid_(),
        Activation.Tanh => x.tanh_(),
        _ => Apply(x, activation),
    };
}
