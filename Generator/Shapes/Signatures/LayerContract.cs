using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Shapes.Signatures;

/// <summary>One <c>[Weight]</c> of a custom layer.</summary>
/// <param name="Name">The property's name, which is also the registered weight's name.</param>
/// <param name="Shape">Its shape signature.</param>
/// <param name="Initializer">The <c>StaticKeras.Initializer</c> member's name.</param>
internal sealed record WeightContract(string Name, ShapeSignature Shape, string Initializer);

/// <summary>What a <c>[Layer]</c> class declares: its input and output signatures and its weights.</summary>
/// <param name="Input">The input signature.</param>
/// <param name="Output">The output signature.</param>
/// <param name="Weights">The weights, in declaration order.</param>
internal sealed record LayerContract(ShapeSignature Input, ShapeSignature Output, EquatableArray<WeightContract> Weights);

/// <summary>A primary-constructor argument a signature uses, with its constant value at a use of the layer.</summary>
/// <param name="Name">The parameter's name.</param>
/// <param name="Value">The constant argument.</param>
internal sealed record ConstructorValue(string Name, long Value);
