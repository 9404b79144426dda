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
    private const string Layout = "(batch, height, width, channels)";

    /// <summary>Symmetric cropping, Keras' int or (height, width) form; 0 by default.</summary>
    /// <param name="cropping">Rows removed at top and bottom, columns removed at left and right.</param>
    public Cropping2D(Size2D? cropping = null)
        : this(((cropping ?? 0).Height, (cropping ?? 0).Height), ((cropping ?? 0).Width, (cropping ?? 0).Width))
    {
    }

    /// <summary>Keras' ((top, bottom), (left, right)) form.</summary>
    /// <param name="height">Rows removed at the top and at the bottom.</param>
    /// <param name="width">Columns removed at the left and at the right.</param>
    public Cropping2D((int Top, int Bottom) height, (int Left, int Right) width) : base(nameof(Cropping2D))
    {
        LayerChecks.NonNegative(nameof(Cropping2D), "top cropping", height.Top);
        LayerChecks.NonNegative(nameof(Cropping2D), "bottom cropping", height.Bottom);
        LayerChecks.NonNegative(nameof(Cropping2D), "left cropping", width.Left);
        LayerChecks.NonNegative(nameof(Cropping2D), "right cropping", width.Right);
        (Top, Bottom, Left, Right) = (height.Top, height.Bottom, width.Left, width.Right);
    }

    /// <summary>Rows removed at the top.</summary>
    public int Top { get; }

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
        Cropping.KeepsOne(nameof(Cropping2D), inputShape[0], Top, Bottom, "height");
        Cropping.KeepsOne(nameof(Cropping2D), inputShape[1], Left, Right, "width");
    }

    /// <inheritdoc/>
    public override Tensor Call(Tensor inputs, bool training = false)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        LayerChecks.Rank(nameof(Cropping2D), inputs, 4, Layout);
        Cropping.KeepsOne(nameof(Cropping2D), inputs.shape[1], Top, Bottom, "height");
        Cropping.KeepsOne(nameof(Cropping2D), inputs.shape[2], Left, Right, "width");
        return inputs.narrow(1, Top, inputs.shape[1] - Top - Bottom).narrow(2, Left, inputs.shape[2] - Left - Right);
    }

    /// <inheritdoc/>
    internal override bool TryDescribeKeras(JsonObject config)
    {
        config["cropping"] = new JsonArray(KerasValues.List(Top, Bottom), KerasValues.List(Left, Right));
        config["data_format"] = "channels_last";
        return true;
    }

    /// <inheritdoc/>
    internal override bool HasOnnxForm => true;

    // Slice axes 1 and 2 (channels last); the ends count from the back, so any size works.
    /// <inheritdoc/>
    internal override string ExportOnnx(OnnxGraph graph, string input) =>
        graph.Node("Slice", [input, graph.Ints("starts", Top, Left),
            graph.Ints("ends", Bottom == 0 ? long.MaxValue : -Bottom, Right == 0 ? long.MaxValue : -Right), graph.Ints("axes", 1, 2)]);
}
