using StaticKeras.Generator.Common;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Inference.Graph;

/// <summary>What shape inference found for one call of a layer in a graph.</summary>
/// <param name="Inputs">The shapes of the tensors it is called on.</param>
/// <param name="Output">The shape of its result.</param>
/// <param name="Weights">The weights the layer needs for these inputs (the same for every call of a shared layer).</param>
internal sealed record NodeShape(EquatableArray<Shape> Inputs, Shape Output, EquatableArray<WeightSpec> Weights);
