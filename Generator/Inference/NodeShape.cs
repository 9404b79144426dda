using System.Linq;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Inference;

/// <summary>What shape inference found for one call of a layer in a graph.</summary>
/// <param name="Inputs">The shapes of the tensors it is called on.</param>
/// <param name="Output">The shape of its result.</param>
/// <param name="Weights">The weights the layer needs for these inputs (the same for every call of a shared layer).</param>
internal sealed record NodeShape(EquatableArray<Shape> Inputs, Shape Output, EquatableArray<WeightSpec> Weights)
{
    /// <summary>The layer's parameter count.</summary>
    public long ParameterCount => Weights.Sum(w => w.Count);

    /// <summary>The parameters the optimizer updates (all but BatchNormalization's moving statistics).</summary>
    public long TrainableCount => Weights.Where(w => w.Trainable).Sum(w => w.Count);
}
