using StaticKeras.Generator.Common;
using StaticKeras.Generator.Shapes.Signatures;

namespace StaticKeras.Generator.Model;

/// <summary>A use of a custom <c>[Layer]</c> class in a model: its contract and the constant constructor arguments its signatures name.</summary>
/// <param name="Name">The member's name.</param>
/// <param name="Identifier">The member's name as C# writes it.</param>
/// <param name="Location">The layer's initializer.</param>
/// <param name="ClassName">The layer class's name, as the summary shows it.</param>
/// <param name="Contract">The class's declared contract.</param>
/// <param name="Arguments">The constructor arguments bound to signature names.</param>
/// <param name="HasOnnxForm">Whether the class declares <c>OnnxValue ExportOnnx(OnnxBuilder onnx, OnnxValue inputs)</c>.</param>
internal sealed record CustomLayerDeclaration(
    string Name, string Identifier, SourceLocation Location, string ClassName, LayerContract Contract, EquatableArray<ConstructorValue> Arguments,
    bool HasOnnxForm = false)
    : LayerDeclaration(Name, Identifier, Location)
{
    /// <inheritdoc/>
    public override string TypeName => ClassName;
}
