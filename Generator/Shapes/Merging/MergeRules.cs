using System.Collections.Generic;

namespace StaticKeras.Generator.Shapes.Merging;

/// <summary>The merge layers by their type name, for readers that meet them as calls in a graph.</summary>
internal static class MergeRules
{
    /// <summary>The type names of the merge layers, as Keras' summary prints them.</summary>
    public static IReadOnlyList<string> TypeNames { get; } =
        ["Add", "Average", "Concatenate", "Maximum", "Minimum", "Multiply", "Subtract"];

    /// <summary>Whether <paramref name="typeName"/> is a merge layer.</summary>
    public static bool IsMerge(string typeName) => ((IList<string>)TypeNames).Contains(typeName);

    /// <summary>
    /// The output shape of merge layer <paramref name="typeName"/> on <paramref name="inputs"/>;
    /// <paramref name="axis"/> is Concatenate's and ignored by the others.
    /// </summary>
    /// <exception cref="System.ArgumentException"><paramref name="typeName"/> is not a merge layer.</exception>
    public static ShapeResult Apply(string typeName, IReadOnlyList<Shape> inputs, int axis = -1) => typeName switch
    {
        "Concatenate" => ConcatenateRule.Apply(inputs, axis),
        "Subtract" => ElementwiseMergeRule.Apply(inputs, MergeArity.ExactlyTwo),
        "Add" or "Average" or "Maximum" or "Minimum" or "Multiply" => ElementwiseMergeRule.Apply(inputs),
        _ => throw new System.ArgumentException("not a merge layer: " + typeName, nameof(typeName)),
    };
}
