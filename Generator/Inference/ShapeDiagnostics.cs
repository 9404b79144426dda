using System;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Diagnostics;
using StaticKeras.Generator.Model;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Inference;

/// <summary>Turns a shape rule's error into its diagnostic, at the layer's initializer.</summary>
internal static class ShapeDiagnostics
{
    /// <summary>
    /// The diagnostic for <paramref name="error"/> on <paramref name="layer"/>: at the argument that
    /// caused it, else at <paramref name="callSite"/> (a graph model's call of the layer), else at
    /// the layer's initializer.
    /// </summary>
    public static DiagnosticInfo For(LayerDeclaration layer, ShapeError error, SourceLocation? callSite = null) => error.Kind switch
    {
        ShapeErrorKind.UnknownLastDimension => DiagnosticInfo.Create(
            DiagnosticDescriptors.UnknownLastDimension, callSite ?? layer.Location, layer.TypeName, layer.Name, error.Found.ToString()),
        ShapeErrorKind.RankTooLow => DiagnosticInfo.Create(
            DiagnosticDescriptors.RankTooLow, callSite ?? layer.Location, layer.TypeName, layer.Name, Formatting.Number(error.RequiredRank), error.Found.ToString()),
        ShapeErrorKind.Rejected => DiagnosticInfo.Create(
            DiagnosticDescriptors.Find(error.Rejection!.Id),
            error.Rejection.Parameter is null && callSite is not null ? callSite
                : layer is RuleLayerDeclaration rule ? rule.LocationOf(error.Rejection.Parameter)
                : layer is MergeDeclaration merge ? merge.LocationOf(error.Rejection.Parameter)
                : layer is DropoutDeclaration drop ? drop.LocationOf(error.Rejection.Parameter)
                : callSite ?? layer.Location,
            [layer.TypeName, layer.Name, .. error.Rejection.Arguments]),
        ShapeErrorKind.ContractViolated => CustomLayerDiagnostics.For(layer, error.Contract!, callSite),
        // The wrapped layer's own diagnostic, at its own argument or its new(...) inside the wrapper's.
        ShapeErrorKind.InWrappedLayer => For(((WrapperDeclaration)layer).Wrapped(error.Part!), error.Inner!),
        _ => throw new ArgumentOutOfRangeException(nameof(error), error.Kind, "unknown shape error"),
    };
}
