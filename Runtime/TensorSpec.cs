using System.Linq;

namespace StaticKeras;

/// <summary>A tensor's static shape, batch dimension excluded.</summary>
/// <param name="Name">The tensor's name, used in error messages.</param>
/// <param name="Dimensions">Sizes; -1 where the size is not known at build time.</param>
/// <param name="DimensionNames">The symbolic name of each dimension, or <see langword="null"/>.</param>
public sealed record TensorSpec(string Name, long[] Dimensions, string?[] DimensionNames)
{
    /// <summary>The shape as Keras writes it with an explicit batch: <c>(batch, time, 16)</c>.</summary>
    public string Display =>
        "(" + string.Join(", ", new[] { "batch" }.Concat(Dimensions.Select((d, i) => d >= 0 ? d.ToString() : DimensionNames[i] ?? "None"))) + ")";
}
