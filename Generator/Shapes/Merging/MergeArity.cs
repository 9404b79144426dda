namespace StaticKeras.Generator.Shapes.Merging;

/// <summary>How many inputs a merge layer takes.</summary>
internal enum MergeArity
{
    /// <summary>One or more (Add, Multiply, Average, Maximum, Minimum, Concatenate): Keras 3 returns a single input unchanged.</summary>
    AtLeastOne,

    /// <summary>Exactly two (Subtract).</summary>
    ExactlyTwo,
}
