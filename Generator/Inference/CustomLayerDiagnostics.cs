using System;
using System.Linq;
using StaticKeras.Generator.Diagnostics;
using StaticKeras.Generator.Model;
using StaticKeras.Generator.Shapes.Signatures;

namespace StaticKeras.Generator.Inference;

/// <summary>Turns a broken custom-layer contract into its diagnostic (STK1070-STK1074), at the layer's initializer (or, in a graph model, at the call).</summary>
internal static class CustomLayerDiagnostics
{
    /// <summary>The diagnostic for <paramref name="violation"/> on <paramref name="layer"/>.</summary>
    public static DiagnosticInfo For(LayerDeclaration layer, ContractViolation violation, Common.SourceLocation? callSite = null)
    {
        var descriptor = violation.Kind switch
        {
            ContractViolationKind.Rank => DiagnosticDescriptors.ContractRank,
            ContractViolationKind.Conflict => DiagnosticDescriptors.ContractConflict,
            ContractViolationKind.Size => DiagnosticDescriptors.ContractSize,
            ContractViolationKind.InvalidSize => DiagnosticDescriptors.ContractInvalidSize,
            ContractViolationKind.UnknownSize => DiagnosticDescriptors.ContractUnknownSize,
            _ => throw new ArgumentOutOfRangeException(nameof(violation), violation.Kind, "unknown contract violation"),
        };
        return DiagnosticInfo.Create(descriptor, callSite ?? layer.Location, [layer.TypeName, layer.Name, .. violation.Arguments]);
    }
}
