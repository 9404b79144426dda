using System.Linq;

namespace StaticKeras.Generator.Shapes;

/// <summary>
/// Keras' <c>GlobalAveragePooling1D/2D</c> and <c>GlobalMaxPooling1D/2D</c>: exactly rank
/// <c>spatial + 2</c>; the spatial axes are reduced away, or kept as 1 with <c>keepdims</c>; the
/// channel axis is last, or first with <c>dataFormat</c> channels first. No weights.
/// </summary>
internal static class GlobalPoolingRule
{
    /// <summary>The output shape of global pooling over <paramref name="spatial"/> axes of <paramref name="input"/>.</summary>
    public static ShapeResult Apply(Shape input, int spatial, bool keepdims, DataFormatKind format = DataFormatKind.ChannelsLast)
    {
        if (InputChecks.ExactRank(input, spatial + 1, ConvRule.Layout(spatial, format)) is { } error)
        {
            return ShapeResult.Fail(error);
        }

        var channels = input.Dims[DataFormatAxes.Channel(format, spatial + 1)];
        if (!keepdims)
        {
            return ShapeResult.Ok(Shape.Of(channels));
        }

        var ones = Enumerable.Repeat(Dim.Known(1), spatial);
        return ShapeResult.Ok(Shape.Of((format == DataFormatKind.ChannelsFirst ? ones.Prepend(channels) : ones.Append(channels)).ToArray()));
    }
}
