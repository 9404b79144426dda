namespace StaticKeras.Generator.Model;

/// <summary>
/// What a layer does with Keras' mask (a <c>(batch, steps)</c> boolean tensor marking the steps to
/// use) when one travels with its input, as Keras 3's <c>supports_masking</c> and
/// <c>compute_mask</c> decide. <see cref="Inference.MaskFlow"/> follows masks through the graph with it.
/// </summary>
internal enum MaskRule
{
    /// <summary>
    /// The layer does not support masking: its output has no mask (Keras warns that the layer
    /// "will destroy the mask information"). Convolutions, pooling, Flatten, Reshape, custom layers.
    /// </summary>
    Drops,

    /// <summary>The output carries the first input's mask unchanged (Dense, Dropout, activations, normalizations).</summary>
    Propagates,

    /// <summary>
    /// The layer makes a new mask from its input, ignoring any it receives:
    /// <c>embed.ComputeMask(x)</c> (Embedding with <c>maskZero</c>, Masking).
    /// </summary>
    Produces,

    /// <summary>The call takes the mask (<c>gap.Call(x, mask: mask1)</c>) and its output has none (GlobalAveragePooling1D, a recurrent layer returning its last step).</summary>
    Consumes,

    /// <summary>The call takes the mask and the output keeps it (a recurrent layer with <c>returnSequences</c>).</summary>
    ConsumesAndPropagates,

    /// <summary>
    /// A merge: when every input has a mask, the output's is their elementwise OR
    /// (<c>Masks.Or(mask1, mask2)</c>); when any input has none, the output has none (Keras' <c>Merge.compute_mask</c>).
    /// </summary>
    Merges,

    /// <summary>
    /// An attention layer: the call takes its query's, value's and key's masks by name
    /// (<c>mha.Call(x, x, null, queryMask: mask1, valueMask: mask1, training: ...)</c>) and the output
    /// carries the query's mask (Keras' MultiHeadAttention).
    /// </summary>
    Attends,
}
