using System;
using System.Linq;
using System.Text.Json.Nodes;
using StaticKeras.Export.Onnx;
using StaticKeras.Saving.Keras;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Keras' <c>TimeDistributed</c>: applies <see cref="Layer"/> to every time slice of its input, with
/// the same weights for every step. Input <c>(batch, time, ...)</c>, at least rank 3; the wrapped
/// layer sees <c>(batch * time, ...)</c> and the output is <c>(batch, time, wrapped output...)</c>:
/// <c>TimeDistributed(new Dense(8))</c> on <c>(batch, 10, 16)</c> gives <c>(batch, 10, 8)</c>,
/// <c>TimeDistributed(new Conv2D(64, (3, 3)))</c> on <c>(batch, 10, 128, 128, 3)</c> gives
/// <c>(batch, 10, 126, 126, 64)</c>.
/// </summary>
/// <remarks>
/// The weights are the wrapped layer's (the same parameter count), registered under <c>layer</c>:
/// <c>td.layer.kernel</c>. <c>training</c> goes to the wrapped layer. As in Keras 3, the output
/// carries no mask (TimeDistributed does not support masking).
/// </remarks>
public sealed class TimeDistributed : Layer
{
    private const string Layout = "(batch, time, ...)";
    private bool built;

    /// <summary>Wraps <paramref name="layer"/>.</summary>
    /// <param name="layer">The layer applied to every time slice (Keras' <c>layer</c>); a new, unbuilt layer.</param>
    /// <exception cref="ArgumentNullException"><paramref name="layer"/> is null.</exception>
    public TimeDistributed(Layer layer) : base(nameof(TimeDistributed))
    {
        ArgumentNullException.ThrowIfNull(layer);
        Layer = layer;
        register_module("layer", layer);
    }

    /// <summary>The wrapped layer (Keras' <c>layer</c>).</summary>
    public Layer Layer { get; }

    /// <summary>Builds the wrapped layer for one time slice: <paramref name="inputShape"/> <c>(time, ...)</c> without its time axis.</summary>
    public override void Build(params long[] inputShape)
    {
        ArgumentNullException.ThrowIfNull(inputShape);
        LayerWeights.BuildOnce(this, built, inputShape);
        if (inputShape.Length < 2)
        {
            // Keras: "`TimeDistributed` Layer should be passed an `input_shape` with at least 3 dimensions".
            throw new ArgumentException(
                $"TimeDistributed expects inputs {Layout} of rank at least 3 (batch included), found input shape (batch, {string.Join(", ", inputShape)}).",
                nameof(inputShape));
        }

        Layer.Build(inputShape[1..]);
        built = true;
    }

    /// <inheritdoc/>
    public override Tensor Call(Tensor inputs, bool training = false)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.dim() < 3)
        {
            throw new ArgumentException($"TimeDistributed expects inputs {Layout} of rank at least 3, found shape {LayerChecks.Describe(inputs)}.", nameof(inputs));
        }

        if (!built)
        {
            Build(LayerChecks.WithoutBatch(inputs));
        }

        var (batch, time) = (inputs.shape[0], inputs.shape[1]);
        var steps = inputs.reshape([batch * time, .. inputs.shape.Skip(2)]);
        var outputs = Layer.Call(steps, training);
        return outputs.reshape([batch, time, .. outputs.shape.Skip(1)]);
    }

    /// <inheritdoc/>
    internal override bool TryDescribeKeras(JsonObject config)
    {
        if (KerasLayerConfig.Own(Layer) is null)
        {
            return false;
        }

        config["layer"] = KerasConfigWriter.WrappedLayer(Layer, KerasNaming.ToSnakeCase(KerasNaming.ClassName(Layer)));
        return true;
    }

    /// <inheritdoc/>
    internal override bool HasOnnxForm => Layer.HasOnnxForm;

    /// <inheritdoc/>
    internal override string ExportOnnx(OnnxGraph graph, string input)
    {
        // (batch, time, rest...) -> (-1, rest...) -> wrapped layer -> (batch, time, out...), with the
        // sizes read from the tensors so that an unknown time axis exports too.
        var shape = graph.Node("Shape", [input]);
        var batchAndTime = graph.Node("Slice", [shape, graph.Ints("zero", 0), graph.Ints("two", 2)]);
        var rest = graph.Node("Slice", [shape, graph.Ints("two", 2), graph.Ints("end", long.MaxValue)]);
        var steps = graph.Node("Reshape", [input, graph.Node("Concat", [graph.Ints("minus_one", -1), rest], OnnxAttribute.Int("axis", 0))]);
        var outputs = Layer.ExportOnnx(graph, steps);
        var outputRest = graph.Node("Slice", [graph.Node("Shape", [outputs]), graph.Ints("one", 1), graph.Ints("end", long.MaxValue)]);
        return graph.Node("Reshape", [outputs, graph.Node("Concat", [batchAndTime, outputRest], OnnxAttribute.Int("axis", 0))]);
    }
}
