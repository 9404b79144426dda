using System;
using System.Collections.Generic;
using StaticKeras.Layers;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers.Conformance;

/// <summary>What the conformance checks need to know about one configuration of a layer.</summary>
public sealed record LayerSpec
{
    /// <summary>Creates a fresh, unbuilt layer.</summary>
    public required Func<Layer> Create { get; init; }

    /// <summary>The shape given to Build (batch excluded).</summary>
    public required long[] BuildShape { get; init; }

    /// <summary>Input shapes (batch included) the built layer is called on, each with the output shape Keras gives.</summary>
    public required IReadOnlyList<(long[] Input, long[] Output)> Shapes { get; init; }

    /// <summary>Keras' trainable parameter count.</summary>
    public required long Trainable { get; init; }

    /// <summary>Keras' non-trainable parameter count (moving statistics).</summary>
    public long NonTrainable { get; init; }

    /// <summary>The state_dict keys, as Keras names the weights, in registration order.</summary>
    public required string[] WeightNames { get; init; }

    /// <summary>An independent computation of the layer's inference output from its weights, in double precision.</summary>
    public required Func<Layer, Tensor, Tensor> Reference { get; init; }

    /// <summary>Makes an input of a shape (batch included) and type; standard normal values by default.</summary>
    public Func<long[], ScalarType, Tensor> MakeInput { get; init; } = (shape, dtype) => randn(shape, dtype);

    /// <summary>Whether the input is differentiable (false for integer inputs such as Embedding's).</summary>
    public bool InputHasGradient { get; init; } = true;

    /// <summary>
    /// Checks what training=true changes; null means the layer must give the same output either way.
    /// Receives a built double-precision layer and an input.
    /// </summary>
    public Action<Layer, Tensor>? TrainingBehaviour { get; init; }

    /// <summary>
    /// For a layer that takes Keras' mask (<see cref="IMaskedLayer"/>): the mask every check calls it
    /// with, made from the input (the reference must honour it too); null calls it without one.
    /// </summary>
    public Func<Tensor, Tensor>? Mask { get; init; }

    /// <summary>Calls <paramref name="layer"/> as every check does: with the spec's mask when it has one.</summary>
    public Tensor Invoke(Layer layer, Tensor x, bool training = false) =>
        Mask is null ? layer.Call(x, training) : ((IMaskedLayer)layer).Call(x, training, Mask(x));

    /// <summary>Sets the weights to values worth checking against (e.g. non-zero biases); defaults leave Keras' initial values.</summary>
    public Action<Layer>? Perturb { get; init; }
}
