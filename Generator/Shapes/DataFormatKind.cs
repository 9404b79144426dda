namespace StaticKeras.Generator.Shapes;

/// <summary>The generator's copy of <c>StaticKeras.Layers.DataFormat</c> (Keras' <c>data_format</c>); members are matched by name.</summary>
internal enum DataFormatKind
{
    /// <summary>"channels_last": <c>(batch, *spatial, channels)</c>.</summary>
    ChannelsLast,

    /// <summary>"channels_first": <c>(batch, channels, *spatial)</c>.</summary>
    ChannelsFirst,
}

/// <summary>Axis positions of a <see cref="DataFormatKind"/> in a shape without its batch axis.</summary>
internal static class DataFormatAxes
{
    /// <summary>The channel axis of a shape of <paramref name="rank"/> (batch excluded).</summary>
    public static int Channel(DataFormatKind format, int rank) => format == DataFormatKind.ChannelsFirst ? 0 : rank - 1;

    /// <summary>The first spatial axis (batch excluded).</summary>
    public static int SpatialStart(DataFormatKind format) => format == DataFormatKind.ChannelsFirst ? 1 : 0;

    /// <summary>The layout messages show, e.g. <c>(batch, channels, height, width)</c>.</summary>
    public static string Layout(DataFormatKind format, int spatial)
    {
        var names = spatial == 1 ? "steps" : "height, width";
        return format == DataFormatKind.ChannelsFirst ? "(batch, channels, " + names + ")" : "(batch, " + names + ", channels)";
    }

    /// <summary>Keras' string for <paramref name="format"/>.</summary>
    public static string KerasName(DataFormatKind format) => format == DataFormatKind.ChannelsFirst ? "channels_first" : "channels_last";
}
