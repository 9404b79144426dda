using System.Linq;
using Microsoft.CodeAnalysis;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Diagnostics;

namespace StaticKeras.Generator.Reading.Custom;

/// <summary>
/// A custom layer's ONNX form: <c>OnnxValue ExportOnnx(OnnxBuilder onnx, OnnxValue inputs)</c>, which writes what its
/// <c>Call</c> computes as ONNX nodes; a method named <c>ExportOnnx</c> of another signature is STK0057.
/// </summary>
internal static class OnnxFormReader
{
    private const string MethodName = "ExportOnnx";

    /// <summary>Whether <paramref name="type"/> declares its ONNX form.</summary>
    public static bool Has(INamedTypeSymbol type) => type.GetMembers(MethodName).OfType<IMethodSymbol>().Any(Fits);

    /// <summary>Reports STK0057 on a method named <c>ExportOnnx</c> when none has the ONNX form's signature (it would be ignored).</summary>
    public static void Check(INamedTypeSymbol type, ReadContext context) =>
        MisfitMethod.Report(type, MethodName, Fits, DiagnosticDescriptors.InvalidLayerOnnxExport, context);

    private static bool Fits(IMethodSymbol method) =>
        !method.IsStatic && !method.IsGenericMethod && method.Parameters.Length == 2
        && method.Parameters.All(p => p.RefKind == RefKind.None)
        && Is(method.Parameters[0].Type, CustomLayerTypes.OnnxBuilder)
        && Is(method.Parameters[1].Type, CustomLayerTypes.OnnxValue)
        && Is(method.ReturnType, CustomLayerTypes.OnnxValue);

    private static bool Is(ITypeSymbol type, string fullName) => type is INamedTypeSymbol named && KnownTypes.FullName(named) == fullName;
}
