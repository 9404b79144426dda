using StaticKeras.Export.Onnx;
using StaticKeras.Saving.Keras;
using System.Text.Json.Nodes;
using System;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Keras' <c>UpSampling2D</c>: enlarges channels-last images by integer factors.
/// Input <c>(batch, height, width, channels)</c>; output <c>(batch, height * size.Height, width * size.Width, channels)</c>.
/// </summary>
/// <remarks>
/// <see cref="Interpolation.Nearest"/> repeats each row and column, as Keras does;
/// <see cref="Interpolation.Bilinear"/> interpolates with half-pixel centres (TensorFlow's and
/// JAX's resize, TorchSharp's <c>align_corners=false</c>). No weights.
/// </remarks>
public sealed class UpSampling2D : Layer
{

    /// <summary>Creates the layer with Keras' arguments and defaults.</summary>
    /// <param name="size">The factor (height, width); (2, 2) by default.</param>
    /// <param name="interpolation"><see cref="Interpolation.Nearest"/> (default) or <see cref="Interpolation.Bilinear"/>.</param>
    /// <param name="dataFormat">Keras' <c>data_format</c>: <see cref="DataFormat.ChannelsLast"/> (default) or <see cref="DataFormat.ChannelsFirst"/> for <c>(batch, channels, height, width)</c>.</param>
    public UpSampling2D(Size2D? size = null, Interpolation interpolation = Interpolation.Nearest, DataFormat dataFormat = DataFormat.ChannelsLast)
        : base(nameof(UpSampling2D))
    {
        DataFormats.Defined(nameof(UpSampling2D), dataFormat);
        DataFormat = dataFormat;
        Size = size ?? 2;
        LayerChecks.Positive(nameof(UpSampling2D), nameof(size), Size.Height);
        LayerChecks.Positive(nameof(UpSampling2D), nameof(size), Size.Width);
        if (!Enum.IsDefined(interpolation))
        {
            throw new ArgumentOutOfRangeException(nameof(interpolation), interpolation, "UpSampling2D: interpolation must be Nearest or Bilinear.");
        }

        Interpolation = interpolation;
    }

    /// <summary>The factor per axis.</summary>
    public Size2D Size { get; }

    /// <summary>How new cells get their values.</summary>
    public Interpolation Interpolation { get; }

    /// <summary>Where the channel axis is (Keras' <c>data_format</c>).</summary>
    public DataFormat DataFormat { get; }

    private string Layout => DataFormats.Layout(DataFormat, "height", "width");

    /// <summary>Checks an input <c>(height, width, channels)</c>; the layer has no weights.</summary>
    public override void Build(params long[] inputShape) => LayerChecks.Rank(nameof(UpSampling2D), inputShape, 3, Layout);

    /// <inheritdoc/>
    public override Tensor Call(Tensor inputs, bool training = false)
    {
        LayerChecks.Rank(nameof(UpSampling2D), inputs, 4, Layout);
        int start = 1 + DataFormats.SpatialStart(DataFormat);
        if (Interpolation == Interpolation.Nearest)
        {
            return inputs.repeat_interleave(Size.Height, dim: start).repeat_interleave(Size.Width, dim: start + 1);
        }

        LayerChecks.Floating(nameof(UpSampling2D), inputs);
        var resized = nn.functional.interpolate(
            DataFormats.ToChannelsFirst(inputs, DataFormat),
            size: [inputs.shape[start] * Size.Height, inputs.shape[start + 1] * Size.Width],
            mode: InterpolationMode.Bilinear,
            align_corners: false);
        return DataFormats.FromChannelsFirst(resized, DataFormat);
    }

    /// <summary>
    /// The backward pass of <see cref="Call"/>: returns dL/dinputs <c>(batch, height, width, channels)</c>,
    /// written into <paramref name="into"/> when given. Nearest sums each block of copies; bilinear applies
    /// the transposed interpolation matrices of both axes. No weights; builds no autograd graph.
    /// </summary>
    /// <param name="gradOutput">dL/doutput <c>(batch, height * size.Height, width * size.Width, channels)</c>.</param>
    /// <param name="input">The input <see cref="Call"/> was given.</param>
    /// <param name="output">The output <see cref="Call"/> returned.</param>
    /// <param name="into">A buffer shaped like <paramref name="input"/> for the result, or null.</param>
    public Tensor Backward(Tensor gradOutput, Tensor input, Tensor output, Tensor? into = null)
    {
        using var noGrad = no_grad();
        if (DataFormat == DataFormat.ChannelsFirst)
        {
            // Worked channels last, then back: (batch, c, h, w) <-> (batch, h, w, c).
            var last = BackwardChannelsLast(gradOutput.permute(0, 2, 3, 1), input.permute(0, 2, 3, 1));
            return into is null ? last.permute(0, 3, 1, 2).contiguous() : GradientBuffers.Into(last.permute(0, 3, 1, 2), into);
        }

        return GradientBuffers.Into(BackwardChannelsLast(gradOutput, input), into);
    }

    private Tensor BackwardChannelsLast(Tensor gradOutput, Tensor input)
    {
        long n = input.shape[0], h = input.shape[1], w = input.shape[2], c = input.shape[3];
        if (Interpolation == Interpolation.Nearest)
        {
            return gradOutput.reshape(n, h, Size.Height, w, Size.Width, c).sum([2, 4]);
        }

        // y[p, q] = sum_ij Mh[p, i] Mw[q, j] x[i, j] per image and channel, so dx = Mhᵀ g Mw.
        long height = h * Size.Height, width = w * Size.Width;
        var rows = InterpolationMatrix(h, height, gradOutput.dtype);
        var columns = InterpolationMatrix(w, width, gradOutput.dtype);
        var alongHeight = rows.matmul(gradOutput.reshape(n, height, width * c)).reshape(n * h, width, c);
        return columns.matmul(alongHeight).reshape(n, h, w, c);
    }

    // Mᵀ (length, resized) of torch's linear interpolation (align_corners false), the one bilinear
    // applies along each axis: interpolating the identity's rows gives the weight of every input cell.
    private static Tensor InterpolationMatrix(long length, long resized, ScalarType dtype) =>
        nn.functional.interpolate(
            eye(length, dtype: dtype).unsqueeze(0), size: [resized], mode: InterpolationMode.Linear, align_corners: false)[0];

    /// <inheritdoc/>
    internal override bool TryDescribeKeras(JsonObject config)
    {
        config["size"] = KerasValues.Pair(Size);
        config["data_format"] = DataFormats.KerasName(DataFormat);
        config["interpolation"] = Interpolation.ToString().ToLowerInvariant();
        return true;
    }

    /// <inheritdoc/>
    internal override bool HasOnnxForm => true;

    /// <inheritdoc/>
    internal override string ExportOnnx(OnnxGraph graph, string input)
    {
        // Resize by the factors on (height, width) of the channels-first form. Nearest: "asymmetric"
        // coordinates with floor repeat every cell size times, as repeat_interleave does; bilinear:
        // half-pixel centres, as TorchSharp's align_corners=false and Keras' resize.
        var scales = graph.Initializer("scales", tensor(new float[] { 1, 1, Size.Height, Size.Width }));
        OnnxAttribute[] attributes = Interpolation == Interpolation.Nearest
            ? [OnnxAttribute.String("mode", "nearest"), OnnxAttribute.String("coordinate_transformation_mode", "asymmetric"), OnnxAttribute.String("nearest_mode", "floor")]
            : [OnnxAttribute.String("mode", "linear"), OnnxAttribute.String("coordinate_transformation_mode", "half_pixel")];
        return graph.ChannelsFirst(input, 2, DataFormat, x => graph.Node("Resize", [x, "", scales], attributes));
    }
}
