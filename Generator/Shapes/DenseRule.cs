namespace StaticKeras.Generator.Shapes;

/// <summary>
/// Keras' <c>Dense</c>: acts on the last axis of an input of rank 2 or more (batch included), which
/// must be known; the output replaces it with <c>units</c>. Weights: kernel (last, units), bias (units,).
/// </summary>
internal static class DenseRule
{
    /// <summary>Whether <paramref name="units"/> is a valid <c>units</c> argument (positive).</summary>
    public static bool IsValidUnits(int units) => units > 0;

    /// <summary>The output shape and weights of <c>Dense(units, useBias)</c> on <paramref name="input"/>.</summary>
    public static ShapeResult Apply(Shape input, int units, bool useBias)
    {
        if (input.Rank < 1)
        {
            return ShapeResult.Fail(new ShapeError(ShapeErrorKind.RankTooLow, input, RequiredRank: 2));
        }

        if (!input.Last.IsKnown)
        {
            return ShapeResult.Fail(new ShapeError(ShapeErrorKind.UnknownLastDimension, input));
        }

        var output = input.WithLast(Dim.Known(units));
        var kernel = WeightSpec.Of("kernel", input.Last.Size, units);
        return useBias ? ShapeResult.Ok(output, kernel, WeightSpec.Of("bias", units)) : ShapeResult.Ok(output, kernel);
    }
}
