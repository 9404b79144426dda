namespace StaticKeras.Generator.Shapes;

/// <summary>
/// Keras' <c>UpSampling2D</c> on <c>(batch, height, width, channels)</c>: height and width times the
/// size; unknown stays unknown, a name survives a factor of 1. No weights.
/// </summary>
internal static class UpSampling2DRule
{
    /// <summary>The output shape for factors (<paramref name="height"/>, <paramref name="width"/>) on <paramref name="input"/>.</summary>
    public static ShapeResult Apply(Shape input, int height, int width, DataFormatKind format = DataFormatKind.ChannelsLast)
    {
        if (InputChecks.ExactRank(input, 3, ConvRule.Layout(2, format)) is { } error)
        {
            return ShapeResult.Fail(error);
        }

        return format == DataFormatKind.ChannelsFirst
            ? ShapeResult.Ok(Shape.Of(input.Dims[0], Scale(input.Dims[1], height), Scale(input.Dims[2], width)))
            : ShapeResult.Ok(Shape.Of(Scale(input.Dims[0], height), Scale(input.Dims[1], width), input.Dims[2]));
    }

    private static Dim Scale(Dim dim, int factor) => factor == 1 ? dim : dim.IsKnown ? Dim.Known(dim.Size * factor) : Dim.Unknown;
}
