using System.Linq;
using Microsoft.CodeAnalysis;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Diagnostics;
using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Reading;

/// <summary>
/// Checks the initializer a built-in layer's bias gets against the bias' rank: Keras' <c>Orthogonal</c> needs a
/// weight of rank 2 or more, and Keras fails when it builds a layer whose rank-1 bias it would fill ("The tensor to
/// initialize must be at least two-dimensional"). Every built-in bias has rank 1 but GRU's with <c>resetAfter</c>
/// (2, 3 units); LSTM's with <c>unitForgetBias</c> is drawn in rank-1 slices, as Keras. STK0010 at the argument.
/// </summary>
internal static class InitializerReader
{
    /// <summary><paramref name="layer"/> unchanged when its bias initializer fits; an <see cref="UnresolvedDeclaration"/> when it does not (reported).</summary>
    public static LayerDeclaration Apply(LayerCreation creation, LayerDeclaration layer, ReadContext context)
    {
        if (layer is not (DenseDeclaration or ConvDeclaration or DepthwiseConvDeclaration or RecurrentDeclaration)
            || layer is RecurrentDeclaration { Kind: Shapes.RecurrentKind.GRU, ResetAfter: true })
        {
            return layer;
        }

        var bias = creation.Arguments.FirstOrDefault(a => !a.IsDefault && a.IsConstant && a.Parameter is { Name: "biasInitializer" });
        var member = bias?.Parameter!.Type.GetMembers().OfType<IFieldSymbol>()
            .FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, bias.Value))?.Name;
        if (bias is null || member != "Orthogonal")
        {
            return layer;
        }

        context.Report(DiagnosticDescriptors.InvalidLayerArgument, bias.Site, layer.TypeName, layer.Name, "biasInitializer",
            "an initializer for a bias of rank 1 (Orthogonal needs rank 2 or more; Keras fails when it builds the layer)", member);
        return new UnresolvedDeclaration(layer.Name, layer.Identifier, layer.Location, layer.TypeName);
    }
}
