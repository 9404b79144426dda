namespace StaticKeras.Generator.Shapes;

/// <summary>
/// Keras' <c>ZeroPadding2D</c> on <c>(batch, height, width, channels)</c>: height + top + bottom and
/// width + left + right; an unknown size stays unknown, a name survives zero padding. No weights.
/// </summary>
internal static class ZeroPadding2DRule
{
    /// <summary>The output shape for padding (top, bottom, left, right) on <paramref name="input"/>.</summary>
    public static ShapeResult Apply(Shape input, int top, int bottom, int left, int right, DataFormatKind format = DataFormatKind.ChannelsLast)
    {
        if (InputChecks.ExactRank(input, 3, ConvRule.Layout(2, format)) is { } error)
        {
            return ShapeResult.Fail(error);
        }

        return format == DataFormatKind.ChannelsFirst
            ? ShapeResult.Ok(Shape.Of(input.Dims[0], Grow(input.Dims[1], top + bottom), Grow(input.Dims[2], left + right)))
            : ShapeResult.Ok(Shape.Of(Grow(input.Dims[0], top + bottom), Grow(input.Dims[1], left + right), input.Dims[2]));
    }

    private static Dim Grow(Dim dim, int extra) => extra == 0 ? dim : dim.IsKnown ? Dim.Known(dim.Size + extra) : Dim.Unknown;
}
