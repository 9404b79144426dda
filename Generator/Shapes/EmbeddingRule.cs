using System.Linq;

namespace StaticKeras.Generator.Shapes;

/// <summary>
/// Keras' <c>Embedding(inputDim, outputDim)</c>: integer indices of any shape gain a last axis of
/// <c>outputDim</c>. Weights: embeddings (inputDim, outputDim).
/// </summary>
internal static class EmbeddingRule
{
    /// <summary>The output shape and weights of <c>Embedding</c> on <paramref name="input"/>.</summary>
    public static ShapeResult Apply(Shape input, int inputDim, int outputDim) =>
        ShapeResult.Ok(Shape.Of(input.Dims.Append(Dim.Known(outputDim)).ToArray()), WeightSpec.Of("embeddings", inputDim, outputDim));
}
