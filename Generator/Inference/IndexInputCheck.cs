using System.Collections.Generic;
using System.Linq;
using StaticKeras.Generator.Diagnostics;
using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Inference;

/// <summary>
/// STK1010: an <c>Embedding</c> takes integer indices, which only the model's input holds; layers
/// that merely move values (Flatten, Reshape, Permute) keep them integers, any other layer before
/// it produces floats that Keras would silently truncate to indices.
/// </summary>
internal static class IndexInputCheck
{
    /// <summary>The diagnostic for <paramref name="layer"/> after <paramref name="before"/>, or <see langword="null"/>.</summary>
    public static DiagnosticInfo? Check(LayerDeclaration layer, IEnumerable<LayerDeclaration> before)
    {
        if (layer is not EmbeddingDeclaration embedding)
        {
            return null;
        }

        var producer = before.LastOrDefault(l => l is not (FlattenDeclaration or ReshapeDeclaration or PermuteDeclaration));
        return producer is null
            ? null
            : DiagnosticInfo.Create(DiagnosticDescriptors.FloatIndices, embedding.Location, embedding.TypeName, embedding.Name, producer.TypeName, producer.Name);
    }
}
