using StaticKeras.Export.Onnx;
using StaticKeras.Saving.Keras;
using System.Text.Json.Nodes;
using System;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Applies an activation function (Keras' <c>Activation</c> layer; renamed because the
/// <see cref="StaticKeras.Activation"/> enum has that name).
/// </summary>
/// <remarks>Input shape: any. Output shape: the same as the input.</remarks>
public sealed class ActivationLayer : Layer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="activation">The activation to apply; softmax acts on the last axis.</param>
    /// <exception cref="ArgumentOutOfRangeException">An undefined <see cref="StaticKeras.Activation"/> value.</exception>
    public ActivationLayer(Activation activation) : base(nameof(ActivationLayer))
    {
        Activation = Enum.IsDefined(activation)
            ? activation
            : throw new ArgumentOutOfRangeException(nameof(activation), activation, $"unknown activation {activation}.");
    }

    /// <summary>The activation.</summary>
    public Activation Activation { get; }

    /// <inheritdoc/>
    public override Tensor Call(Tensor inputs, bool training = false) => ActivationFunctions.Apply(inputs, Activation);

    /// <summary>The explicit backward of <see cref="Call"/>: dL/dinputs from dL/doutput (no autograd).</summary>
    /// <param name="gradOutput">dL/doutput.</param>
    /// <param name="input">The input the forward call received.</param>
    /// <param name="output">What the forward call returned.</param>
    /// <param name="into">Unused: the formulas allocate their result (accepted for the generated step's uniform call).</param>
    public Tensor Backward(Tensor gradOutput, Tensor input, Tensor output, Tensor? into = null) =>
        ActivationGradients.Backward(gradOutput, input, output, Activation);

    /// <inheritdoc/>
    internal override bool TryDescribeKeras(JsonObject config)
    {
        config["activation"] = KerasValues.Name(Activation);
        return true;
    }

    /// <inheritdoc/>
    internal override bool HasOnnxForm => true;

    /// <inheritdoc/>
    internal override string ExportOnnx(OnnxGraph graph, string input)
    {
        return OnnxActivations.Apply(graph, input, Activation);
    }
}
