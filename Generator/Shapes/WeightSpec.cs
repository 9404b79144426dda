using System.Linq;
using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Shapes;

/// <summary>One weight a layer allocates when built, as Keras' <c>add_weight(name, shape, trainable)</c>.</summary>
/// <param name="Name">The weight's name in the layer (<c>kernel</c>, <c>bias</c>).</param>
/// <param name="Shape">Its sizes, all known.</param>
/// <param name="Trainable">Whether the optimizer updates it (false for BatchNormalization's moving statistics).</param>
internal sealed record WeightSpec(string Name, EquatableArray<long> Shape, bool Trainable = true)
{
    /// <summary>A trainable weight of the given sizes.</summary>
    public static WeightSpec Of(string name, params long[] shape) => new(name, EquatableArray.Of(shape));

    /// <summary>A non-trainable weight (a buffer) of the given sizes.</summary>
    public static WeightSpec Buffer(string name, params long[] shape) => new(name, EquatableArray.Of(shape), Trainable: false);

    /// <summary>The number of scalars in the weight.</summary>
    public long Count => Shape.Aggregate(1L, (product, size) => checked(product * size));

    /// <summary>The weight as a Python tuple: <c>kernel (784, 128)</c>, <c>bias (128,)</c>.</summary>
    public override string ToString() =>
        Name + " (" + string.Join(", ", Shape.Select(Formatting.Number)) + (Shape.Count == 1 ? ",)" : ")");
}
