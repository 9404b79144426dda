namespace StaticKeras.Generator.Shapes;

/// <summary>
/// Keras' <c>Dropout</c>: output shape equals input shape; no weights. Rates in [0, 1], as Keras'
/// <c>Dropout.__init__</c> (a rate of 1 zeroes every unit in training, as Keras does).
/// </summary>
internal static class DropoutRule
{
    /// <summary>Whether <paramref name="rate"/> is a valid dropout rate: in [0, 1].</summary>
    public static bool IsValidRate(double rate) => rate >= 0 && rate <= 1;

    /// <summary>The output shape of <c>Dropout(rate)</c> on <paramref name="input"/>.</summary>
    public static ShapeResult Apply(Shape input) => ShapeResult.Ok(input);

    /// <summary>
    /// The output of <c>SpatialDropout1D</c> (rank 3) or <c>SpatialDropout2D</c> (rank 4, channels last):
    /// the input's shape; STK1003 for another rank.
    /// </summary>
    public static ShapeResult Spatial(Shape input, int spatial) =>
        InputChecks.ExactRank(input, spatial + 1, spatial == 1 ? "(batch, steps, channels)" : ConvRule.Layout(2)) is { } error
            ? ShapeResult.Fail(error)
            : ShapeResult.Ok(input);
}
