using System.Linq;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Model;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Reading;

/// <summary>
/// Turns a <c>new(...)</c> of a convolution, pooling, reshaping, normalization, embedding or
/// recurrent layer into its declaration, checking its constant arguments (STK0004, STK0010).
/// </summary>
internal static class RuleLayerFactory
{
    /// <summary>The layer types this factory reads, for messages.</summary>
    public static readonly string[] TypeNames =
    [
        "Attention", "AveragePooling1D", "AveragePooling2D", "BatchNormalization", "Bidirectional", "Conv1D", "Conv2D", "Conv2DTranspose", "Cropping1D", "Cropping2D", "DepthwiseConv2D", "Embedding",
        "GlobalAveragePooling1D", "GlobalAveragePooling2D", "GlobalMaxPooling1D", "GlobalMaxPooling2D", "GRU",
        "LayerNormalization", "LeakyReLU", "LSTM", "Masking", "MaxPooling1D", "MaxPooling2D", "MultiHeadAttention", "Normalization", "Permute", "PositionEmbedding", "PReLU", "ReLU", "Rescaling", "Reshape",
        "SeparableConv2D", "SimpleRNN", "Softmax", "SpatialDropout1D", "SpatialDropout2D", "TimeDistributed", "UpSampling2D", "ZeroPadding2D",
    ];

    /// <summary>
    /// The declaration of the layer <paramref name="creation"/> builds; an <see cref="UnresolvedDeclaration"/> when an
    /// argument is wrong (reported); <see langword="null"/> when the type is not one of <see cref="TypeNames"/>.
    /// </summary>
    public static LayerDeclaration? Create(LayerCreation creation, string name, string identifier, SourceLocation location, ReadContext context)
    {
        var type = creation.Type.Name;
        if (KnownTypes.FullName(creation.Type) != "StaticKeras.Layers." + type || !TypeNames.Contains(type))
        {
            return null;
        }

        var spatial = type.EndsWith("1D", System.StringComparison.Ordinal) ? 1 : 2;
        var layer = type switch
        {
            "Conv1D" or "Conv2D" or "Conv2DTranspose" => ConvLayerReader.Conv(creation, type, spatial, name, identifier, location, context),
            "DepthwiseConv2D" or "SeparableConv2D" => ConvLayerReader.DepthwiseConv(creation, type, name, identifier, location, context),
            "MaxPooling1D" or "MaxPooling2D" or "AveragePooling1D" or "AveragePooling2D" =>
                ConvLayerReader.Pooling(creation, type, spatial, name, identifier, location, context),
            "Embedding" or "SimpleRNN" or "LSTM" or "GRU" => SequenceLayerReader.Read(creation, type, name, identifier, location, context),
            "TimeDistributed" or "Bidirectional" => WrapperLayerReader.Read(creation, type, name, identifier, location, context),
            "Masking" => MaskingLayerReader.Read(creation, type, name, identifier, location, context),
            "BatchNormalization" or "LayerNormalization" or "Normalization" => NormalizationLayerReader.Read(creation, type, name, identifier, location, context),
            "MultiHeadAttention" or "Attention" or "PositionEmbedding" => AttentionLayerReader.Read(creation, type, name, identifier, location, context),
            "ReLU" or "LeakyReLU" or "PReLU" or "Softmax" or "Rescaling" or "SpatialDropout1D" or "SpatialDropout2D" =>
                ActivationLayerReader.Read(creation, type, name, identifier, location, context),
            _ => ReshapingLayerReader.Read(creation, type, spatial, name, identifier, location, context),
        };
        return layer ?? new UnresolvedDeclaration(name, identifier, location, type);
    }
}
