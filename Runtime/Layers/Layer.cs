using StaticKeras.Export.Onnx;
using System.Text.Json.Nodes;
using TorchSharp;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// The base of every built-in layer: a TorchSharp module whose forward is Keras' <c>call</c>.
/// Layers are created by a model's field initializers with their Keras arguments; the generated
/// model constructor allocates their weights with static shapes (no lazy build).
/// </summary>
public abstract partial class Layer : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the layer with its TorchSharp module name.</summary>
    protected Layer(string name) : base(name)
    {
    }

    /// <summary>
    /// Allocates the layer's weights for an input of <paramref name="inputShape"/> (batch excluded;
    /// -1 where a size is not known at build time), with Keras' default initializers. Generated
    /// model constructors call it with the static shapes the generator inferred. Layers without
    /// weights need not override it.
    /// </summary>
    public virtual void Build(params long[] inputShape)
    {
    }

    /// <summary>Applies the layer, as Keras' <c>layer(inputs, training=...)</c>.</summary>
    /// <param name="inputs">The input tensor, channels last, batch first.</param>
    /// <param name="training">Whether the call is part of training (Dropout, BatchNormalization).</param>
    public abstract Tensor Call(Tensor inputs, bool training = false);

    /// <inheritdoc/>
    public sealed override Tensor forward(Tensor input) => Call(input, training);

    /// <summary>
    /// Adds the layer's own Keras <c>get_config()</c> entries (<c>units</c>, <c>kernel_size</c>,
    /// <c>activation</c>, ...; not <c>name</c>, <c>trainable</c> or <c>dtype</c>) to <paramref name="config"/>,
    /// in Keras' order, and returns whether Keras has such a layer. Saving writes the entries to a
    /// <c>.keras</c> file's <c>config.json</c>; loading checks a file's layers against them. Layers Keras
    /// cannot rebuild (custom layers) keep the default, <see langword="false"/>.
    /// </summary>
    internal virtual bool TryDescribeKeras(JsonObject config)
    {
        return false;
    }

    /// <summary>
    /// Whether Keras' <c>get_config()</c> of this layer has <c>trainable</c> (its <c>from_config</c>
    /// then takes it); Keras' SpatialDropout layers have none, and refuse it.
    /// </summary>
    internal virtual bool KerasConfigHasTrainable => true;

    /// <summary>Whether <see cref="ExportOnnx(OnnxGraph, string)"/> can write this layer (with its present arguments) as ONNX nodes.</summary>
    internal virtual bool HasOnnxForm => false;

    /// <summary>
    /// Adds the layer's inference nodes to an ONNX graph, reading <paramref name="input"/> (channels
    /// last, batch first, as the layer's <see cref="Call"/> takes it); returns the output's name.
    /// Weights become initializers in the layouts ONNX operators expect.
    /// </summary>
    /// <exception cref="System.NotSupportedException">The layer has no ONNX form (<see cref="HasOnnxForm"/> is false).</exception>
    internal virtual string ExportOnnx(OnnxGraph graph, string input) =>
        throw new System.NotSupportedException($"{GetType().Name} has no ONNX form.");

    /// <summary>
    /// As <see cref="ExportOnnx(OnnxGraph, string)"/> for a layer that takes Keras' mask (<see cref="IMaskedLayer"/>), with the
    /// mask reaching it: <paramref name="mask"/> names a boolean <c>(batch, steps)</c> value of the graph.
    /// </summary>
    /// <exception cref="System.NotSupportedException">The layer cannot honour a mask in ONNX (the recurrent layers: ONNX's operators cannot skip masked steps).</exception>
    internal virtual string ExportOnnx(OnnxGraph graph, string input, string mask) =>
        throw new System.NotSupportedException($"{GetType().Name} cannot take a mask in ONNX.");

    /// <summary>
    /// For a layer that makes Keras' mask (<see cref="Embedding"/> with <c>maskZero</c>, <see cref="Masking"/>): adds
    /// the nodes computing it from <paramref name="input"/>, a boolean value of the shape <c>ComputeMask</c> returns; returns its name.
    /// </summary>
    /// <exception cref="System.NotSupportedException">The layer makes no mask.</exception>
    internal virtual string ExportOnnxMask(OnnxGraph graph, string input) =>
        throw new System.NotSupportedException($"{GetType().Name} makes no mask.");
}
