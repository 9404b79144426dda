using StaticKeras.Export.Onnx;
using StaticKeras.Saving.Keras;
using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Keras' <c>ZeroPadding2D</c>: adds rows and columns of zeros around channels-last images.
/// Input <c>(batch, height, width, channels)</c>; output
/// <c>(batch, height + top + bottom, width + left + right, channels)</c>. No weights.
/// </summary>
public sealed class ZeroPadding2D : Layer
{

    /// <summary>Symmetric padding, Keras' int or (height, width) form; (1, 1) by default.</summary>
    /// <param name="padding">Rows added at top and bottom, columns added at left and right.</param>
    /// <param name="dataFormat">Keras' <c>data_format</c>: <see cref="DataFormat.ChannelsLast"/> (default) or <see cref="DataFormat.ChannelsFirst"/> for <c>(batch, channels, height, width)</c>.</param>
    public ZeroPadding2D(Size2D? padding = null, DataFormat dataFormat = DataFormat.ChannelsLast)
        : this(((padding ?? 1).Height, (padding ?? 1).Height), ((padding ?? 1).Width, (padding ?? 1).Width), dataFormat)
    {
    }

    /// <summary>Keras' ((top, bottom), (left, right)) form.</summary>
    /// <param name="height">Rows added at the top and at the bottom.</param>
    /// <param name="width">Columns added at the left and at the right.</param>
    /// <param name="dataFormat">Keras' <c>data_format</c>: channels last (default) or channels first.</param>
    public ZeroPadding2D((int Top, int Bottom) height, (int Left, int Right) width, DataFormat dataFormat = DataFormat.ChannelsLast)
        : base(nameof(ZeroPadding2D))
    {
        DataFormats.Defined(nameof(ZeroPadding2D), dataFormat);
        DataFormat = dataFormat;
        LayerChecks.NonNegative(nameof(ZeroPadding2D), "top padding", height.Top);
        LayerChecks.NonNegative(nameof(ZeroPadding2D), "bottom padding", height.Bottom);
        LayerChecks.NonNegative(nameof(ZeroPadding2D), "left padding", width.Left);
        LayerChecks.NonNegative(nameof(ZeroPadding2D), "right padding", width.Right);
        (Top, Bottom, Left, Right) = (height.Top, height.Bottom, width.Left, width.Right);
    }

    /// <summary>Where the channel axis is (Keras' <c>data_format</c>).</summary>
    public DataFormat DataFormat { get; }

    private string Layout => DataFormats.Layout(DataFormat, "height", "width");

    private int HeightAxis => 1 + DataFormats.SpatialStart(DataFormat);

    /// <summary>Rows added at the top.</summary>
    public int Top { get; }

    /// <summary>Rows added at the bottom.</summary>
    public int Bottom { get; }

    /// <summary>Columns added at the left.</summary>
    public int Left { get; }

    /// <summary>Columns added at the right.</summary>
    public int Right { get; }

    /// <summary>Checks an input <c>(height, width, channels)</c>; the layer has no weights.</summary>
    public override void Build(params long[] inputShape) => LayerChecks.Rank(nameof(ZeroPadding2D), inputShape, 3, Layout);

    /// <inheritdoc/>
    public override Tensor Call(Tensor inputs, bool training = false)
    {
        LayerChecks.Rank(nameof(ZeroPadding2D), inputs, 4, Layout);
        // TorchSharp's pad lists (before, after) from the last axis: channels, width, height (width, height channels first).
        return DataFormat == DataFormat.ChannelsFirst
            ? nn.functional.pad(inputs, [Left, Right, Top, Bottom])
            : nn.functional.pad(inputs, [0, 0, Left, Right, Top, Bottom]);
    }

    /// <summary>
    /// The backward pass of <see cref="Call"/>: dL/dinputs is the gradient without its padded rows and
    /// columns, written into <paramref name="into"/> when given. No weights; builds no autograd graph.
    /// </summary>
    /// <param name="gradOutput">dL/doutput <c>(batch, padded_height, padded_width, channels)</c>.</param>
    /// <param name="input">The input <see cref="Call"/> was given.</param>
    /// <param name="output">The output <see cref="Call"/> returned.</param>
    /// <param name="into">A buffer shaped like <paramref name="input"/> for the result, or null.</param>
    public Tensor Backward(Tensor gradOutput, Tensor input, Tensor output, Tensor? into = null)
    {
        using var noGrad = no_grad();
        int h = HeightAxis;
        var inner = gradOutput.narrow(h, Top, input.shape[h]).narrow(h + 1, Left, input.shape[h + 1]);
        return into is null ? inner.contiguous() : GradientBuffers.Into(inner, into);
    }

    /// <inheritdoc/>
    internal override bool TryDescribeKeras(JsonObject config)
    {
        config["padding"] = new JsonArray(KerasValues.List(Top, Bottom), KerasValues.List(Left, Right));
        config["data_format"] = DataFormats.KerasName(DataFormat);
        return true;
    }

    /// <inheritdoc/>
    internal override bool HasOnnxForm => true;

    /// <inheritdoc/>
    internal override string ExportOnnx(OnnxGraph graph, string input)
    {
        return graph.Node("Pad", [input, DataFormat == DataFormat.ChannelsFirst
            ? graph.Ints("pads", 0, 0, Top, Left, 0, 0, Bottom, Right)
            : graph.Ints("pads", 0, Top, Left, 0, 0, Bottom, Right, 0)]);
    }
}
