using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// The base of the layers called on a query and a value, and optionally a key
/// (<see cref="MultiHeadAttention"/>): a TorchSharp module built from the static shapes of its
/// inputs. Generated models call <c>Build(queryShape, valueShape[, keyShape])</c> once, then
/// <c>Call(query, value[, key], training)</c>.
/// </summary>
public abstract class MultiInputLayer : nn.Module
{
    /// <summary>Creates the layer with its TorchSharp module name (the Keras class name).</summary>
    protected MultiInputLayer(string name) : base(name)
    {
    }

    /// <summary>
    /// Adds the layer's own Keras <c>get_config()</c> entries to <paramref name="config"/> and returns whether
    /// Keras has such a layer (as <see cref="Layer"/>'s); the default, <see langword="false"/>, for layers not
    /// described yet.
    /// </summary>
    internal virtual bool TryDescribeKeras(System.Text.Json.Nodes.JsonObject config) => false;

    /// <summary>Whether <see cref="ExportOnnx"/> can write this layer (with its present arguments) as ONNX nodes.</summary>
    internal virtual bool HasOnnxForm => false;

    /// <summary>
    /// Adds the layer's inference nodes to an ONNX graph: the call on <paramref name="query"/>, <paramref name="value"/> and
    /// <paramref name="key"/> (null: the value), with the Keras masks reaching them (boolean values of the inputs' shapes
    /// without their last axis, null for none), as the call with those masks computes it; returns the output's name.
    /// </summary>
    /// <exception cref="System.NotSupportedException">The layer has no ONNX form (<see cref="HasOnnxForm"/> is false).</exception>
    internal virtual string ExportOnnx(Export.Onnx.OnnxGraph graph, string query, string value, string? key, string? queryMask, string? valueMask, string? keyMask) =>
        throw new System.NotSupportedException($"{GetType().Name} has no ONNX form.");

    /// <summary>Creates the weights for inputs of these shapes (batch excluded, -1 where unknown); the key's is the value's when null.</summary>
    public abstract void Build(long[] queryShape, long[] valueShape, long[]? keyShape = null);

    /// <summary>Attends from <paramref name="query"/> over <paramref name="value"/>, as Keras' <c>layer(query, value, training=...)</c>.</summary>
    public abstract Tensor Call(Tensor query, Tensor value, bool training = false);

    /// <summary>Attends from <paramref name="query"/> over <paramref name="value"/> with keys <paramref name="key"/>, as Keras' <c>layer(query, value, key, training=...)</c>.</summary>
    public abstract Tensor Call(Tensor query, Tensor value, Tensor key, bool training);
}
