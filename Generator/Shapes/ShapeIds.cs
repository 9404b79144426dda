namespace StaticKeras.Generator.Shapes;

/// <summary>The ids of the diagnostics layer-specific shape rules report (Shapes/ has no Roslyn, so they are plain strings).</summary>
internal static class ShapeIds
{
    /// <summary>STK1003: the input does not have exactly the rank the layer takes.</summary>
    public const string RankMismatch = "STK1003";

    /// <summary>STK1004: a dimension the layer needs to know is unknown or symbolic.</summary>
    public const string UnknownDimension = "STK1004";

    /// <summary>STK1005: a window (kernel, pool) larger than its input with padding valid.</summary>
    public const string WindowTooLarge = "STK1005";

    /// <summary>STK1011: a transposed convolution whose output would be empty along an axis.</summary>
    public const string EmptyTransposedOutput = "STK1011";

    /// <summary>STK1006: groups do not divide the input channels.</summary>
    public const string GroupsMismatch = "STK1006";

    /// <summary>STK1007: a Reshape target that does not hold the input's elements.</summary>
    public const string ReshapeMismatch = "STK1007";

    /// <summary>STK1008: Permute dims that are not a permutation of the input's axes.</summary>
    public const string PermuteMismatch = "STK1008";

    /// <summary>STK1009: a normalization axis outside the input (or the batch axis).</summary>
    public const string AxisOutOfRange = "STK1009";

    /// <summary>STK1012: two normalization axes that name the same axis once resolved.</summary>
    public const string DuplicateAxis = "STK1012";

    /// <summary>STK1020: elementwise merge inputs whose sizes cannot broadcast.</summary>
    public const string MergeIncompatible = "STK1020";

    /// <summary>STK1021: a Concatenate axis outside the inputs (or the batch).</summary>
    public const string ConcatenateAxisOutOfRange = "STK1021";

    /// <summary>STK1022: Concatenate inputs whose ranks or sizes differ outside the joined axis.</summary>
    public const string ConcatenateMismatch = "STK1022";

    /// <summary>STK1031: a model used as a layer, called on a tensor of another shape than its input.</summary>
    public const string NestedModelInput = "STK1031";

    /// <summary>STK1023: a merge given too few (or, for Subtract, too many) inputs.</summary>
    public const string MergeInputCount = "STK1023";

    /// <summary>STK1040: cropping that removes every cell of a spatial axis.</summary>
    public const string CroppingTooLarge = "STK1040";

    /// <summary>STK1041: an attention layer called on other than a query and a value (and a key).</summary>
    public const string AttentionInputCount = "STK1041";

    /// <summary>STK1042: attention inputs of different ranks, or of rank below 3.</summary>
    public const string AttentionRanks = "STK1042";

    /// <summary>STK1043: an attention value and key that differ before their last axis.</summary>
    public const string AttentionValueKey = "STK1043";

    /// <summary>STK1044: a PositionEmbedding input longer than its sequenceLength.</summary>
    public const string SequenceTooLong = "STK1044";
    public const string NoiseShapeMismatch = "STK1060";

    /// <summary>STK1050: Normalization's given mean and variance that do not broadcast to the kept axes.</summary>
    public const string NormalizationStatistics = "STK1050";

    /// <summary>STK1051: an Attention query and key whose features (or axes before the steps) the score mode cannot combine.</summary>
    public const string AttentionQueryKey = "STK1051";
}
