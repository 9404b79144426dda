using System.Linq;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Shapes;

namespace StaticKeras.Generator.Inference;

/// <summary>What shape inference found for one layer: input and output shapes and its weights.</summary>
/// <param name="Input">The layer's static input shape.</param>
/// <param name="Output">The layer's static output shape.</param>
/// <param name="Weights">The weights it allocates when built with <paramref name="Input"/>.</param>
internal sealed record LayerShape(Shape Input, Shape Output, EquatableArray<WeightSpec> Weights)
{
    /// <summary>The layer's parameter count.</summary>
    public long ParameterCount => Weights.Sum(w => w.Count);

    /// <summary>The parameters the optimizer updates (all but BatchNormalization's moving statistics).</summary>
    public long TrainableCount => Weights.Where(w => w.Trainable).Sum(w => w.Count);
}
