using StaticKeras.Export.Onnx;
using System;
using System.Text.Json.Nodes;
using StaticKeras.Saving.Keras;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Keras' <c>Cropping2D</c>: removes rows and columns at the edges of channels-last images. Input
/// <c>(batch, height, width, channels)</c>; output
/// <c>(batch, height − top − bottom, width − left − right, channels)</c>. No weights.
/// </summary>
public sealed class Cropping2D : Layer
{

    /// <summary>Symmetric cropping, Keras' int or (height, width) form; 0 by default.</summary>
    /// <param name="cropping">Rows removed at top and bottom, columns removed at left and right.</param>
    /// <param name="dataFormat">Keras' <c>data_format</c>: <see cref="DataFormat.ChannelsLast"/> (default) or <see cref="DataFormat.ChannelsFirst"/> for <c>(batch, channels, height, width)</c>.</param>
    public Cropping2D(Size2D? cropping = null, DataFormat dataFormat = DataFormat.ChannelsLast)
        : this(((cropping ?? 0).Height, (cropping ?? 0).Height), ((cropping ?? 0).Width, (cropping ?? 0).Width), dataFormat)
    {
    }

    /// <summary>Keras' ((top, bottom), (left, right)) form.</summary>
    /// <param name="height">Rows removed at the top and at the bottom.</param>
    /// <param name="width">Columns removed at the left and at the right.</param>
    /// <param name="dataFormat">Keras' <c>data_format</c>: channels last (default) or channels first.</param>
    public Cropping2D((int Top, int Bottom) height, (int Left, int Right) width, DataFormat dataFormat = DataFormat.ChannelsLast)
        : base(nameof(Cropping2D))
    {
        DataFormats.Defined(nameof(Cropping2D), dataFormat);
        DataFormat = dataFormat;
        LayerChecks.NonNegative(nameof(Cropping2D), "top cropping", height.Top);
        LayerChecks.NonNegative(nameof(Cropping2D), "bottom cropping", height.Bottom);
        LayerChecks.NonNegative(nameof(Cropping2D), "left cropping", width.Left);
        LayerChecks.NonNegative(nameof(Cropping2D), "right cropping", width.Right);
        (Top, Bottom, Left, Right) = (height.Top, height.Bottom, width.Left, width.Right);
    }

    /// <summary>Rows removed at the top.</summary>
    public int Top { get; }

    /// <summary>Where the channel axis is (Keras' <c>data_format</c>).</summary>
    public DataFormat DataFormat { get; }

    private string Layout => DataFormats.Layout(DataFormat, "height", "width");

    /// <summary>Rows removed at the bottom.</summary>
    public int Bottom { get; }

    /// <summary>Columns removed at the left.</summary>
    public int Left { get; }

    /// <summary>Columns removed at the right.</summary>
    public int Right { get; }

    /// <summary>Checks an input <c>(height, width, channels)</c>: known sizes must keep at least one row and column.</summary>
    public override void Build(params long[] inputShape)
    {
        LayerChecks.Rank(nameof(Cropping2D), inputShape, 3, Layout);
        int h = DataFormats.SpatialStart(DataFormat);
        Cropping.KeepsOne(nameof(Cropping2D), inputShape[h], Top, Bottom, "height");
        Cropping.KeepsOne(nameof(Cropping2D), inputShape[h + 1], Left, Right, "width");
    }

    /// <inheritdoc/>
    public override Tensor Call(Tensor inputs, bool training = false)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        LayerChecks.Rank(nameof(Cropping2D), inputs, 4, Layout);
        int h = 1 + DataFormats.SpatialStart(DataFormat);
        Cropping.KeepsOne(nameof(Cropping2D), inputs.shape[h], Top, Bottom, "height");
        Cropping.KeepsOne(nameof(Cropping2D), inputs.shape[h + 1], Left, Right, "width");
        return inputs.narrow(h, Top, inputs.shape[h] - Top - Bottom).narrow(h + 1, Left, inputs.shape[h + 1] - Left - Right);
    }

    /// <inheritdoc/>
    internal override bool TryDescribeKeras(JsonObject config)
    {
        config["cropping"] = new JsonArray(KerasValues.List(Top, Bottom), KerasValues.List(Left, Right));
        config["data_format"] = DataFormats.KerasName(DataFormat);
        return true;
    }

    /// <inheritdoc/>
    internal override bool HasOnnxForm => true;

    // Slice axes 1 and 2 (channels last); the ends count from the back, so any size works.
    /// <inheritdoc/>
    internal override string ExportOnnx(OnnxGraph graph, string input) =>
        graph.Node("Slice", [input, graph.Ints("starts", Top, Left),
            graph.Ints("ends", Bottom == 0 ? long.MaxValue : -Bottom, Right == 0 ? long.MaxValue : -Right), DataFormat == DataFormat.ChannelsFirst ? graph.Ints("axes", 2, 3) : graph.Ints("axes", 1, 2)]);
}
