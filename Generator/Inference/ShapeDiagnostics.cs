using System;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Diagnostics;
using StaticKeras.Generator.Model;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Inference;

/// <summary>Turns a shape rule's error into its diagnostic, at the layer's initializer.</summary>
internal static class ShapeDiagnostics
{
    /// <summary>The diagnostic for <paramref name="error"/> on <paramref name="layer"/>.</summary>
    public static DiagnosticInfo For(LayerDeclaration layer, ShapeError error) => error.Kind switch
    {
        ShapeErrorKind.UnknownLastDimension => DiagnosticInfo.Create(
            DiagnosticDescriptors.UnknownLastDimension, layer.Location, layer.TypeName, layer.Name, error.Found.ToString()),
        ShapeErrorKind.RankTooLow => DiagnosticInfo.Create(
            DiagnosticDescriptors.RankTooLow, layer.Location, layer.TypeName, layer.Name, Formatting.Number(error.RequiredRank), error.Found.ToString()),
        ShapeErrorKind.Rejected => DiagnosticInfo.Create(
            DiagnosticDescriptors.Find(error.Rejection!.Id),
            layer is RuleLayerDeclaration rule ? rule.LocationOf(error.Rejection.Parameter) : layer.Location,
            [layer.TypeName, layer.Name, .. error.Rejection.Arguments]),
        ShapeErrorKind.ContractViolated => CustomLayerDiagnostics.For(layer, error.Contract!),
        _ => throw new ArgumentOutOfRangeException(nameof(error), error.Kind, "unknown shape error"),
    };
}
