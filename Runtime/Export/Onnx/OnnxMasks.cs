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

    /// <summary>
    /// The mask of a single-input layer's output: a new one for a layer that makes masks, the input's for a layer
    /// that passes it on (Keras' <c>supports_masking</c> with the default <c>compute_mask</c>), none otherwise.
    /// </summary>
    public static Mask? After(OnnxGraph graph, torch.nn.Module layer, string layerName, string input, Mask? inputMask) => layer switch
    {
        Embedding { MaskZero: true } or Masking => new Mask(((Layer)layer).ExportOnnxMask(graph, input), layerName),
        RecurrentLayer recurrent => recurrent.ReturnSequences ? inputMask : null,
        Dense or Dropout or ActivationLayer or ReLU or LeakyReLU or PReLU or Softmax or Rescaling or SpatialDropout
            or LayerNormalization or BatchNormalization or Normalization or PositionEmbedding => inputMask,
        _ => null,
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
