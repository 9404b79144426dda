using System.Collections.Generic;

namespace StaticKeras.Saving.Keras;

/// <summary>
/// One layer of a model as Keras' saving code sees it: where its variables live in a Keras weights
/// file, and which of the model's weights they are.
/// </summary>
/// <param name="MemberName">The layer's member name in the C# model (<c>hidden</c>); for an input, its declared name.</param>
/// <param name="ClassName">The Keras class name (<c>Dense</c>, <c>InputLayer</c>).</param>
/// <param name="KerasName">The name Keras gives such a layer by default, unique in the model (<c>dense_1</c>); also its group name in a weights file.</param>
/// <param name="GroupPath">The layer's HDF5 group: <c>layers/dense_1</c>.</param>
/// <param name="VarsPath">The group holding its variables: <c>layers/dense_1/vars</c>, or <c>layers/lstm/cell/vars</c> for a recurrent layer.</param>
/// <param name="Variables">Its variables in Keras' order.</param>
internal sealed record KerasLayerSlot(
    string MemberName,
    string ClassName,
    string KerasName,
    string GroupPath,
    string VarsPath,
    IReadOnlyList<KerasVariable> Variables)
{
    /// <summary>How messages name the layer: <c>'hidden' (Dense, layers/dense)</c>.</summary>
    public string Display => $"'{MemberName}' ({ClassName}, {GroupPath})";
}
