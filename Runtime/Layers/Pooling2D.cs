using StaticKeras.Export.Onnx;
using StaticKeras.Saving.Keras;
using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// The base of <see cref="MaxPooling2D"/> and <see cref="AveragePooling2D"/> (Keras' BasePooling):
/// a window slides over channels-last images, each channel on its own.
/// Input <c>(batch, height, width, channels)</c>; output <c>(batch, new_height, new_width, channels)</c>
/// with <c>floor((n - k) / s) + 1</c> for "valid" and <c>ceil(n / s)</c> for "same". No weights.
/// </summary>
public abstract class Pooling2D : Layer
{
    private readonly string layer;

    /// <summary>Validates Keras' pooling arguments; <paramref name="strides"/> defaults to <paramref name="poolSize"/>.</summary>
    /// <param name="layer">The derived layer's type name, for messages.</param>
    /// <param name="poolSize">The window (height, width); (2, 2) by default.</param>
    /// <param name="strides">The step; the pool size by default.</param>
    /// <param name="dataFormat">Keras' <c>data_format</c>: channels last (default) or channels first.</param>
    /// <param name="padding"><see cref="Padding.Valid"/> (default) or <see cref="Padding.Same"/>.</param>
    private protected Pooling2D(string layer, Size2D? poolSize, Size2D? strides, Padding padding, DataFormat dataFormat)
        : base(layer)
    {
        DataFormats.Defined(layer, dataFormat);
        DataFormat = dataFormat;
        this.layer = layer;
        PoolSize = poolSize ?? 2;
        Strides = strides ?? PoolSize;
        Window = WindowSpec.Create(
            layer, nameof(poolSize), [PoolSize.Height, PoolSize.Width], [Strides.Height, Strides.Width], [1, 1], padding, allowCausal: false);
    }

    /// <summary>The window size.</summary>
    public Size2D PoolSize { get; }

    /// <summary>The step size.</summary>
    public Size2D Strides { get; }

    /// <summary>The padding mode.</summary>
    public Padding Padding => Window.Padding;

    /// <summary>Where the channel axis is (Keras' <c>data_format</c>).</summary>
    public DataFormat DataFormat { get; }

    private protected WindowSpec Window { get; }

    private string Layout => DataFormats.Layout(DataFormat, "height", "width");

    /// <summary>Checks an input <c>(height, width, channels)</c> against the window; pooling has no weights.</summary>
    public override void Build(params long[] inputShape)
    {
        LayerChecks.Rank(layer, inputShape, 3, Layout);
        Window.CheckSpatial(inputShape, DataFormat);
    }

    /// <inheritdoc/>
    public override Tensor Call(Tensor inputs, bool training = false)
    {
        LayerChecks.Rank(layer, inputs, 4, Layout);
        LayerChecks.Floating(layer, inputs);
        Window.CheckSpatial(LayerChecks.WithoutBatch(inputs), DataFormat);
        return DataFormats.FromChannelsFirst(Pool(DataFormats.ToChannelsFirst(inputs, DataFormat)), DataFormat);
    }

    /// <summary>
    /// The backward pass of <see cref="Call"/>: returns dL/dinputs <c>(batch, height, width, channels)</c>, written into
    /// <paramref name="into"/> when given. Pooling has no weights; builds no autograd graph.
    /// </summary>
    /// <param name="gradOutput">dL/doutput <c>(batch, new_height, new_width, channels)</c>.</param>
    /// <param name="input">The input <see cref="Call"/> was given.</param>
    /// <param name="output">The output <see cref="Call"/> returned.</param>
    /// <param name="into">A buffer shaped like <paramref name="input"/> for the result, or null.</param>
    public Tensor Backward(Tensor gradOutput, Tensor input, Tensor output, Tensor? into = null)
    {
        using var noGrad = no_grad();
        return GradientBuffers.Into(DataFormats.FromChannelsFirst(PoolBackward(DataFormats.ToChannelsFirst(input, DataFormat), DataFormats.ToChannelsFirst(gradOutput, DataFormat)), DataFormat), into);
    }

    /// <summary>dL/dx of <see cref="Pool"/>, channels first.</summary>
    private protected abstract Tensor PoolBackward(Tensor channelsFirst, Tensor gradOutput);

    /// <summary>Pools a channels-first tensor <c>(batch, channels, height, width)</c>.</summary>
    private protected abstract Tensor Pool(Tensor channelsFirst);

    /// <inheritdoc/>
    internal override bool TryDescribeKeras(JsonObject config)
    {
        KerasValues.Pooling(config, Window, DataFormat);
        return true;
    }

    /// <inheritdoc/>
    internal override bool HasOnnxForm => true;

    /// <inheritdoc/>
    internal override string ExportOnnx(OnnxGraph graph, string input)
    {
        return graph.ChannelsFirst(input, 2, DataFormat, x => graph.Node(this is MaxPooling2D ? "MaxPool" : "AveragePool", [x],
            OnnxWindows.Attributes(Window.Kernel, Window.Strides, null, Padding)));
    }
}
