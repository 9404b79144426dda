using System;
using System.Text.Json.Nodes;
using StaticKeras.Export.Onnx;
using StaticKeras.Saving.Keras;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Keras' <c>Bidirectional</c>: runs a recurrent layer over the sequence forwards and a copy of it
/// backwards, and merges the two outputs. Input <c>(batch, timesteps, features)</c>; output
/// <c>(batch, 2 units)</c> with <see cref="MergeMode.Concat"/> (<c>(batch, units)</c> with the other
/// modes), or per step <c>(batch, timesteps, ...)</c> when the wrapped layer returns sequences.
/// </summary>
/// <remarks>
/// <para>The backward layer reads the time axis reversed; its sequence output is reversed back, so
/// step t of the output joins the forward layer's step t with the backward layer's output after
/// reading steps T-1 .. t. With a mask, each direction skips the masked steps (the backward
/// direction so reads the valid steps last to first) and, when returning sequences, outputs zeros at
/// them, as Keras' Bidirectional forces <c>zero_output_for_mask</c>. Like Keras 3, the output carries no mask.</para>
/// <para>Weights: the forward layer's, then the backward layer's (twice the wrapped layer's
/// parameter count), registered as <c>forward_layer</c> and <c>backward_layer</c>; Keras files
/// name them <c>forward_lstm</c> and <c>backward_lstm</c>.</para>
/// </remarks>
public sealed class Bidirectional : Layer, IMaskedLayer
{
    private const string Layout = "(batch, timesteps, features)";
    private bool built;

    /// <summary>Wraps <paramref name="layer"/>.</summary>
    /// <param name="layer">
    /// The recurrent layer (<see cref="SimpleRNN"/>, <see cref="LSTM"/>, <see cref="GRU"/>), new and unbuilt:
    /// it becomes the forward layer. (Keras makes the forward layer as a copy of it; the weights are fresh either way.)
    /// </param>
    /// <param name="mergeMode">How the two outputs combine; <see cref="MergeMode.Concat"/> by default, as Keras.</param>
    /// <param name="backwardLayer">
    /// The layer for the reversed sequence (Keras' <c>backward_layer</c>); by default a copy of
    /// <paramref name="layer"/>'s type and arguments. It must return sequences when <paramref name="layer"/> does,
    /// and for a merge other than <see cref="MergeMode.Concat"/> have the same units.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="layer"/> is null.</exception>
    /// <exception cref="ArgumentException">An undefined merge mode, or a backward layer that does not match.</exception>
    public Bidirectional(RecurrentLayer layer, MergeMode mergeMode = MergeMode.Concat, RecurrentLayer? backwardLayer = null) : base(nameof(Bidirectional))
    {
        ArgumentNullException.ThrowIfNull(layer);
        if (!Enum.IsDefined(mergeMode))
        {
            throw new ArgumentException($"Bidirectional: mergeMode must be one of Concat, Sum, Mul, Ave, found {(int)mergeMode}.", nameof(mergeMode));
        }

        if (backwardLayer is not null)
        {
            if (ReferenceEquals(backwardLayer, layer))
            {
                throw new ArgumentException("Bidirectional: backwardLayer must be another layer than layer.", nameof(backwardLayer));
            }

            if (backwardLayer.ReturnSequences != layer.ReturnSequences)
            {
                // Keras' _verify_layer_config.
                throw new ArgumentException(
                    $"Bidirectional: the forward and backward layers must have the same returnSequences, found {layer.ReturnSequences} and {backwardLayer.ReturnSequences}.",
                    nameof(backwardLayer));
            }

            if (mergeMode != MergeMode.Concat && backwardLayer.Units != layer.Units)
            {
                throw new ArgumentException(
                    $"Bidirectional: merge mode {mergeMode} needs the forward and backward layers to have the same units, found {layer.Units} and {backwardLayer.Units}.",
                    nameof(backwardLayer));
            }
        }

        ForwardLayer = layer;
        BackwardLayer = backwardLayer ?? layer.Fresh();
        ForwardLayer.ZeroOutputForMask = BackwardLayer.ZeroOutputForMask = layer.ReturnSequences;
        MergeMode = mergeMode;
        register_module("forward_layer", ForwardLayer);
        register_module("backward_layer", BackwardLayer);
    }

    /// <summary>The layer reading the sequence in order (Keras' <c>forward_layer</c>).</summary>
    public RecurrentLayer ForwardLayer { get; }

    /// <summary>The layer reading the sequence reversed (Keras' <c>backward_layer</c>).</summary>
    public RecurrentLayer BackwardLayer { get; }

    /// <summary>How the two outputs combine (Keras' <c>merge_mode</c>).</summary>
    public MergeMode MergeMode { get; }

    /// <summary>Whether every step's output is returned (the wrapped layer's <c>returnSequences</c>).</summary>
    public bool ReturnSequences => ForwardLayer.ReturnSequences;

    /// <summary>Builds both directions for an input <c>(timesteps, features)</c>.</summary>
    public override void Build(params long[] inputShape)
    {
        ArgumentNullException.ThrowIfNull(inputShape);
        LayerWeights.BuildOnce(this, built, inputShape);
        LayerChecks.Rank(nameof(Bidirectional), inputShape, 2, Layout);
        ForwardLayer.Build(inputShape);
        BackwardLayer.Build(inputShape);
        built = true;
    }

    /// <inheritdoc/>
    public override Tensor Call(Tensor inputs, bool training = false) => Call(inputs, training, null);

    /// <summary>Runs both directions, each skipping the steps <paramref name="mask"/> marks false, and merges them.</summary>
    /// <param name="inputs">The sequence, <c>(batch, timesteps, features)</c>.</param>
    /// <param name="training">Passed to both layers.</param>
    /// <param name="mask">True for the steps to use, <c>(batch, timesteps)</c>; <see langword="null"/> uses every step.</param>
    public Tensor Call(Tensor inputs, bool training = false, Tensor? mask = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        LayerChecks.Rank(nameof(Bidirectional), inputs, 3, Layout);
        if (!built)
        {
            Build(LayerChecks.WithoutBatch(inputs));
        }

        var forward = ForwardLayer.Call(inputs, training, mask);
        // Keras' go_backwards: the layer reads the steps (and the mask) last to first.
        var backward = BackwardLayer.Call(inputs.flip(1), training, mask?.flip(1));
        if (ReturnSequences)
        {
            backward = backward.flip(1);
        }

        return MergeMode switch
        {
            MergeMode.Sum => forward + backward,
            MergeMode.Mul => forward * backward,
            MergeMode.Ave => (forward + backward) / 2,
            _ => cat([forward, backward], -1),
        };
    }

    /// <inheritdoc/>
    /// <remarks>One ONNX operator with <c>direction="bidirectional"</c>: both layers of one type and configuration (no mask).</remarks>
    internal override bool HasOnnxForm => ForwardLayer.HasOnnxForm && ForwardLayer.SharesOnnxOperator(BackwardLayer);

    /// <inheritdoc/>
    internal override string ExportOnnx(OnnxGraph graph, string input)
    {
        // Y (time, 2, batch, units) -> (batch, time, 2, units); Y_h (2, batch, units) -> (batch, 2, units); then the merge over the direction axis.
        var output = ForwardLayer.ExportOnnxOperator(graph, input, [ForwardLayer, BackwardLayer]);
        var axis = ReturnSequences ? 2 : 1;
        var batchFirst = ReturnSequences
            ? graph.Node("Transpose", [output], OnnxAttribute.Ints("perm", 2, 0, 1, 3))
            : graph.Node("Transpose", [output], OnnxAttribute.Ints("perm", 1, 0, 2));
        var units = ForwardLayer.Units;
        return MergeMode switch
        {
            MergeMode.Concat => graph.Node("Reshape", [batchFirst, graph.Ints("shape", ReturnSequences ? [0, 0, 2 * units] : [0, 2 * units])]),
            MergeMode.Sum => graph.Node("ReduceSum", [batchFirst, graph.Ints("axes", axis)], OnnxAttribute.Int("keepdims", 0)),
            MergeMode.Ave => graph.Node("ReduceMean", [batchFirst], OnnxAttribute.Ints("axes", axis), OnnxAttribute.Int("keepdims", 0)),
            _ => graph.Node("ReduceProd", [batchFirst], OnnxAttribute.Ints("axes", axis), OnnxAttribute.Int("keepdims", 0)),
        };
    }

    /// <inheritdoc/>
    internal override bool TryDescribeKeras(JsonObject config)
    {
        config["merge_mode"] = MergeMode.ToString().ToLowerInvariant();
        config["layer"] = Direction(ForwardLayer, "forward_", goBackwards: false);
        config["backward_layer"] = Direction(BackwardLayer, "backward_", goBackwards: true);
        return true;
    }

    // forward_lstm / backward_lstm, with go_backwards and zero_output_for_mask as Keras' Bidirectional sets them.
    private static JsonObject Direction(RecurrentLayer layer, string prefix, bool goBackwards) =>
        KerasConfigWriter.WrappedLayer(
            layer,
            prefix + KerasNaming.ToSnakeCase(KerasNaming.ClassName(layer)),
            new JsonObject { ["go_backwards"] = goBackwards, ["zero_output_for_mask"] = layer.ZeroOutputForMask });
}
