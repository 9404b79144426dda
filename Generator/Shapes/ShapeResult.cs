using System.Linq;
using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Shapes;

/// <summary>What a shape rule says about a layer on a given input: its output and weights, or an error.</summary>
/// <param name="Output">The output shape, when the layer accepts the input.</param>
/// <param name="Weights">The weights the layer allocates for this input.</param>
/// <param name="Error">Why the layer rejects the input, when it does.</param>
internal sealed record ShapeResult(Shape? Output, EquatableArray<WeightSpec> Weights, ShapeError? Error)
{
    /// <summary>The layer accepts the input.</summary>
    public static ShapeResult Ok(Shape output, params WeightSpec[] weights) => new(output, EquatableArray.Of(weights), null);

    /// <summary>The layer rejects the input.</summary>
    public static ShapeResult Fail(ShapeError error) => new(null, EquatableArray<WeightSpec>.Empty, error);

    /// <summary>The number of trainable parameters (Keras' <c>count_params()</c>).</summary>
    public long ParameterCount => Weights.Sum(w => w.Count);
}
