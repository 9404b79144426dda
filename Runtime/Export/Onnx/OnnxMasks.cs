using System;
using System.Linq;
using StaticKeras.Layers;
using TorchSharp;

namespace StaticKeras.Export.Onnx;

/// <summary>
/// Keras' masks in an ONNX graph: which value carries one after each call, as the generated forward pass
/// passes them (the generator's <c>MaskRule</c> and <c>MaskFlow</c>, read here from the runtime layer types).
/// A mask is a boolean ONNX value <c>(batch, steps)</c>, computed in the graph from the values that make it
/// (<c>Not(Equal(ids, 0))</c> for an <see cref="Embedding"/> with <c>maskZero</c>), and only the layers that
/// take one (<see cref="GlobalAveragePooling1D"/>, <see cref="MultiHeadAttention"/>, <see cref="Attention"/>) read it.
/// </summary>
internal static class OnnxMasks
{
    /// <summary>A mask in the graph: its value's name and the layer that made it (for messages).</summary>
    public sealed record Mask(string Name, string Producer);

    // The layers that pass a mask on unchanged (the generator's MaskRule.Propagates: Keras' supports_masking with
    // the default compute_mask), and those whose output has none (MaskRule.Drops). Every runtime layer type is in
    // one list or is handled by type below (OnnxMaskTests checks it), so a new layer cannot pass or lose a mask
    // unnoticed: a mask reaching a layer in neither is refused.
    private static readonly Type[] s_passing =
    [
        typeof(Dense), typeof(Dropout), typeof(ActivationLayer), typeof(ReLU), typeof(LeakyReLU), typeof(PReLU), typeof(Softmax),
        typeof(Rescaling), typeof(SpatialDropout1D), typeof(SpatialDropout2D), typeof(LayerNormalization), typeof(BatchNormalization),
        typeof(Normalization), typeof(PositionEmbedding),
    ];

    private static readonly Type[] s_dropping =
    [
        typeof(Conv1D), typeof(Conv2D), typeof(Conv2DTranspose), typeof(DepthwiseConv2D), typeof(SeparableConv2D),
        typeof(MaxPooling1D), typeof(AveragePooling1D), typeof(MaxPooling2D), typeof(AveragePooling2D),
        typeof(GlobalMaxPooling1D), typeof(GlobalMaxPooling2D), typeof(GlobalAveragePooling2D),
        typeof(Flatten), typeof(Reshape), typeof(Permute), typeof(ZeroPadding2D), typeof(UpSampling2D), typeof(Cropping1D), typeof(Cropping2D),
        typeof(TimeDistributed),   // Keras 3's TimeDistributed does not support masking
    ];

    /// <summary>Whether the mask rule of layer type <paramref name="type"/> is known here (every runtime layer's is).</summary>
    internal static bool Knows(Type type) =>
        s_passing.Contains(type) || s_dropping.Contains(type) || typeof(CustomLayer).IsAssignableFrom(type)
        || type == typeof(Embedding) || type == typeof(Masking) || typeof(IMaskedLayer).IsAssignableFrom(type);

    /// <summary>
    /// The mask of a single-input layer's output: a new one for a layer that makes masks, the input's for a layer
    /// that passes it on, none otherwise (a layer that takes the mask has already used it).
    /// </summary>
    /// <exception cref="NotSupportedException">A mask reaches a layer whose rule is not known here.</exception>
    public static Mask? After(OnnxGraph graph, torch.nn.Module layer, string layerName, string input, Mask? inputMask) => layer switch
    {
        Embedding { MaskZero: true } or Masking => new Mask(((Layer)layer).ExportOnnxMask(graph, input), layerName),
        _ when inputMask is null => null,
        RecurrentLayer recurrent => recurrent.ReturnSequences ? inputMask : null,
        IMaskedLayer or Embedding or CustomLayer => null,
        _ when s_passing.Contains(layer.GetType()) => inputMask,
        _ when s_dropping.Contains(layer.GetType()) => null,
        _ => throw new NotSupportedException(
            $"layer '{layerName}' ({layer.GetType().Name}) receives the mask layer '{inputMask.Producer}' makes, and the ONNX export does not know whether it passes masks on."),
    };

    /// <summary>
    /// A merge's mask (Keras' <c>Merge.compute_mask</c>): the OR of its inputs' masks when every input has one
    /// (the mask itself when they share it), none otherwise or for a <see cref="Concatenate"/> off the last axis.
    /// </summary>
    public static Mask? Merge(OnnxGraph graph, MergeLayer merge, Mask?[] masks)
    {
        if (masks.Length == 0 || masks.Any(m => m is null) || merge is Concatenate { Axis: not -1 })
        {
            return null;
        }

        var distinct = masks.Select(m => m!).DistinctBy(m => m.Name).ToList();
        return distinct.Count == 1
            ? distinct[0]
            : new Mask(distinct.Skip(1).Aggregate(distinct[0].Name, (or, next) => graph.Node("Or", [or, next.Name])), distinct[0].Producer);
    }
}
