using System.Linq;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Model;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Reading;

/// <summary>Reads <c>MultiHeadAttention</c>'s, <c>Attention</c>'s and <c>PositionEmbedding</c>'s arguments, checking them as Keras' constructor does (STK0004, STK0010).</summary>
internal static class AttentionLayerReader
{
    /// <summary>The declaration, or null when an argument is wrong (reported).</summary>
    public static LayerDeclaration? Read(LayerCreation creation, string type, string name, string identifier, SourceLocation location, ReadContext context)
    {
        var arguments = new LayerArguments(creation, type, name, context);
        if (type == "PositionEmbedding")
        {
            var length = arguments.Int("sequenceLength");
            if (length is { } l)
            {
                arguments.Require(l > 0, "sequenceLength", "a positive int", Formatting.Number(l));
            }

            return arguments.IsValid && length is { } valid ? new PositionEmbeddingDeclaration(name, identifier, location, arguments.Sites, valid) : null;
        }

        if (type == "Attention")
        {
            return Luong(arguments, name, identifier, location);
        }

        var heads = arguments.Int("numHeads");
        var keyDim = arguments.Int("keyDim");
        var valueDim = arguments.NullableInt("valueDim");
        var dropout = arguments.Double("dropout");
        var useBias = arguments.Bool("useBias");
        var outputShape = arguments.Ints("outputShape", []);
        var causal = arguments.Bool("useCausalMask");
        if (heads is not { } h || keyDim is not { } k || dropout is not { } rate || useBias is not { } bias || outputShape is null || causal is not { } c)
        {
            return null;
        }

        arguments.Require(h > 0, "numHeads", "a positive int", Formatting.Number(h));
        arguments.Require(k > 0, "keyDim", "a positive int", Formatting.Number(k));
        if (valueDim is { } v)
        {
            arguments.Require(v > 0, "valueDim", "null or a positive int", Formatting.Number(v));
        }

        arguments.Require(rate >= 0 && rate <= 1, "dropout", "in [0, 1]", Formatting.Double(rate));
        arguments.Require(outputShape.All(d => d > 0), "outputShape", "positive sizes", "[" + string.Join(", ", outputShape) + "]");
        return arguments.IsValid
            ? new MultiHeadAttentionDeclaration(name, identifier, location, arguments.Sites, new AttentionSpec(h, k, valueDim ?? k, bias, outputShape.ToEquatableArray(), c))
            : null;
    }

    // Keras' Attention.__init__ checks score_mode; dropout, which Keras checks only when it drops, is [0, 1] as for
    // MultiHeadAttention (whose Dropout layer checks it): 1 drops every attention weight in training, as Keras.
    private static AttentionDeclaration? Luong(LayerArguments arguments, string name, string identifier, SourceLocation location)
    {
        var useScale = arguments.Bool("useScale");
        var scoreMode = arguments.Choice<AttentionScoreKind>("scoreMode");
        var dropout = arguments.Double("dropout");
        arguments.Bool("useCausalMask");
        if (useScale is not { } scale || scoreMode is not { } mode || dropout is not { } rate)
        {
            return null;
        }

        arguments.Require(rate >= 0 && rate <= 1, "dropout", "in [0, 1]", Formatting.Double(rate));
        return arguments.IsValid ? new AttentionDeclaration(name, identifier, location, arguments.Sites, mode, scale) : null;
    }
}
