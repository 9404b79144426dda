using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// The <c>data_format</c> argument of the convolution and pooling layers, as Keras' strings: where the
/// channel axis is in an input without its batch axis.
/// </summary>
public enum DataFormat
{
    /// <summary>Keras' "channels_last" (the default): <c>(batch, *spatial, channels)</c>.</summary>
    ChannelsLast,

    /// <summary>Keras' "channels_first": <c>(batch, channels, *spatial)</c>, TorchSharp's own layout (no permutes).</summary>
    ChannelsFirst,
}

/// <summary>The axis arithmetic and layout changes of <see cref="DataFormat"/>.</summary>
internal static class DataFormats
{
    /// <summary>Keras' string for <paramref name="format"/>: "channels_last" or "channels_first".</summary>
    public static string KerasName(DataFormat format) => format == DataFormat.ChannelsFirst ? "channels_first" : "channels_last";

    /// <summary>The channel axis of a shape without its batch axis, of rank <paramref name="rank"/>.</summary>
    public static int ChannelAxis(DataFormat format, int rank) => format == DataFormat.ChannelsFirst ? 0 : rank - 1;

    /// <summary>The index of the first spatial axis of a shape without its batch axis.</summary>
    public static int SpatialStart(DataFormat format) => format == DataFormat.ChannelsFirst ? 1 : 0;

    /// <summary>The layout messages show: <c>(batch, channels, height, width)</c> or <c>(batch, height, width, channels)</c>.</summary>
    public static string Layout(DataFormat format, params string[] spatial) => format == DataFormat.ChannelsFirst
        ? "(batch, channels, " + string.Join(", ", spatial) + ")"
        : "(batch, " + string.Join(", ", spatial) + ", channels)";

    /// <summary><paramref name="x"/> <c>(batch, ..., channels)</c> in channels-first order; <paramref name="x"/> itself when it already is.</summary>
    public static Tensor ToChannelsFirst(Tensor x, DataFormat format)
    {
        if (format == DataFormat.ChannelsFirst)
        {
            return x;
        }

        var rank = x.dim();
        var order = new long[rank];
        order[0] = 0;
        order[1] = rank - 1;
        for (var i = 2; i < rank; i++)
        {
            order[i] = i - 1;
        }

        return x.permute(order);
    }

    /// <summary>The inverse of <see cref="ToChannelsFirst"/>: a channels-first result back in <paramref name="format"/>.</summary>
    public static Tensor FromChannelsFirst(Tensor y, DataFormat format)
    {
        if (format == DataFormat.ChannelsFirst)
        {
            return y;
        }

        var rank = y.dim();
        var order = new long[rank];
        order[0] = 0;
        for (var i = 1; i < rank - 1; i++)
        {
            order[i] = i + 1;
        }

        order[rank - 1] = 1;
        return y.permute(order);
    }

    /// <summary>Throws unless <paramref name="format"/> is a defined member.</summary>
    public static void Defined(string layer, DataFormat format)
    {
        if (!System.Enum.IsDefined(typeof(DataFormat), format))
        {
            throw new System.ArgumentException(
                $"{layer}: dataFormat must be DataFormat.ChannelsLast or DataFormat.ChannelsFirst, found {(int)format}.", "dataFormat");
        }
    }
}
