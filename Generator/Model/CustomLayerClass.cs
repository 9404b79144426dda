using StaticKeras.Generator.Common;
using StaticKeras.Generator.Diagnostics;
using StaticKeras.Generator.Shapes.Signatures;

namespace StaticKeras.Generator.Model;

/// <summary>A weight property as the generated part must repeat it.</summary>
/// <param name="Name">The property's name.</param>
/// <param name="Modifiers">Its accessibility modifiers as written (<c>private</c>, or empty).</param>
internal sealed record WeightMember(string Name, string Modifiers);

/// <summary>Everything the generator read from a <c>[Layer]</c> class, as plain values.</summary>
/// <param name="Type">The class's namespace, containing types and name.</param>
/// <param name="Location">The class's identifier.</param>
/// <param name="CanGenerate">False when adding a partial part would only add errors.</param>
/// <param name="Contract">The contract, when it has no errors.</param>
/// <param name="Weights">The weight properties to implement (also when the contract has errors).</param>
/// <param name="Parameters">The primary-constructor parameters.</param>
/// <param name="Diagnostics">Problems found while reading.</param>
/// <param name="HasBackward">Whether the class declares <c>Tensor Backward(Tensor inputs, Tensor gradOutput)</c>, used instead of autograd.</param>
/// <param name="HasOnnxForm">Whether the class declares <c>OnnxValue ExportOnnx(OnnxBuilder onnx, OnnxValue inputs)</c>, its ONNX form.</param>
internal sealed record CustomLayerClass(
    TypeIdentity Type,
    SourceLocation Location,
    bool CanGenerate,
    LayerContract? Contract,
    EquatableArray<WeightMember> Weights,
    EquatableArray<string> Parameters,
    EquatableArray<DiagnosticInfo> Diagnostics,
    bool HasBackward = false,
    bool HasOnnxForm = false)
{
    /// <summary>The ids of the errors that keep the layer from being generated in full: <c>STK0050, STK0051</c>.</summary>
    public string ErrorSummary => string.Join(", ", System.Linq.Enumerable.Distinct(System.Linq.Enumerable.Select(Diagnostics, d => d.Id)));
}
