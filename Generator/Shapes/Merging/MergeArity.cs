namespace StaticKeras.Generator.Shapes.Merging;

/// <summary>How many inputs a merge layer takes.</summary>
internal enum MergeArity
{
    /// <summary>Two or more (Add, Multiply, Average, Maximum, Minimum, Concatenate).</summary>
    AtLeastTwo,

    /// <summary>Exactly two (Subtract).</summary>
    ExactlyTwo,
}
