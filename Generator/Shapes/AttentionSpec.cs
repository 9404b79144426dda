using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Shapes;

/// <summary>The arguments of <c>MultiHeadAttention</c> its shape rule needs.</summary>
/// <param name="NumHeads">The number of heads.</param>
/// <param name="KeyDim">The size of each query and key head.</param>
/// <param name="ValueDim">The size of each value head (keyDim when not given).</param>
/// <param name="UseBias">Whether the projections have biases.</param>
/// <param name="OutputShape">The output's trailing shape; empty for the query's last dimension.</param>
/// <param name="UseCausalMask">Whether attention is causal (needs rank-3 inputs).</param>
internal sealed record AttentionSpec(int NumHeads, int KeyDim, int ValueDim, bool UseBias, EquatableArray<int> OutputShape, bool UseCausalMask);
