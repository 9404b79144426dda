using StaticKeras.Export.Onnx;
using StaticKeras.Saving.Keras;
using System.Linq;
using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// The base of the global pooling layers: reduces every spatial axis of a channels-last (or, with
/// <see cref="DataFormat.ChannelsFirst"/>, channels-first) input,
/// keeping batch and channels (Keras' BaseGlobalPooling). No weights.
/// </summary>
public abstract class GlobalPooling : Layer
{
    private readonly string layer;
    private readonly int rank;
    private readonly string layout;

    /// <summary>Sets the rank (batch excluded) and layout the derived layer accepts.</summary>
    /// <param name="layer">The derived layer's type name, for messages.</param>
    /// <param name="rank">The input rank without batch: 2 for 1-D, 3 for 2-D.</param>
    /// <param name="keepdims">Whether the reduced axes stay, with size 1.</param>
    /// <param name="dataFormat">Where the channel axis is (Keras' <c>data_format</c>).</param>
    private protected GlobalPooling(string layer, int rank, bool keepdims, DataFormat dataFormat)
        : base(layer)
    {
        DataFormats.Defined(layer, dataFormat);
        this.layer = layer;
        this.rank = rank;
        DataFormat = dataFormat;
        layout = rank == 2 ? DataFormats.Layout(dataFormat, "steps") : DataFormats.Layout(dataFormat, "height", "width");
        Keepdims = keepdims;
    }

    /// <summary>Where the channel axis is (Keras' <c>data_format</c>, channels last by default).</summary>
    public DataFormat DataFormat { get; }

    /// <summary>The spatial axes of an input with its batch axis.</summary>
    private protected long[] SpatialAxes => (rank, DataFormat) switch
    {
        (2, DataFormat.ChannelsFirst) => [2],
        (2, _) => [1],
        (_, DataFormat.ChannelsFirst) => [2, 3],
        _ => [1, 2],
    };

    /// <summary>Whether the reduced axes are kept with size 1 (Keras' <c>keepdims</c>, false by default).</summary>
    public bool Keepdims { get; }

    /// <summary>Checks the input rank; global pooling has no weights.</summary>
    public override void Build(params long[] inputShape) => LayerChecks.Rank(layer, inputShape, rank, layout);

    /// <inheritdoc/>
    public override Tensor Call(Tensor inputs, bool training = false)
    {
        LayerChecks.Rank(layer, inputs, rank + 1, layout);
        LayerChecks.Floating(layer, inputs);
        return Reduce(inputs, SpatialAxes);
    }

    /// <summary>
    /// The backward pass of <see cref="Call"/>: returns dL/dinputs shaped like <paramref name="input"/>,
    /// written into <paramref name="into"/> when given. No weights; builds no autograd graph.
    /// </summary>
    /// <param name="gradOutput">dL/doutput <c>(batch, channels)</c>, or with the reduced axes kept as 1.</param>
    /// <param name="input">The input <see cref="Call"/> was given.</param>
    /// <param name="output">The output <see cref="Call"/> returned.</param>
    /// <param name="into">A buffer shaped like <paramref name="input"/> for the result, or null.</param>
    public Tensor Backward(Tensor gradOutput, Tensor input, Tensor output, Tensor? into = null)
    {
        using var noGrad = no_grad();
        // Channels first is worked channels last: the kernels see (batch, *spatial, channels).
        if (DataFormat == DataFormat.ChannelsFirst)
        {
            input = DataFormats.FromChannelsFirst(input, DataFormat.ChannelsLast);
        }

        // Both as (batch, 1, [1,] channels), broadcasting over the reduced axes.
        long[] kept = [input.shape[0], .. Enumerable.Repeat(1L, rank - 1), input.shape[^1]];
        var gradient = ReduceBackward(input, output.reshape(kept), gradOutput.reshape(kept), rank == 2 ? [1] : [1, 2]);
        if (DataFormat == DataFormat.ChannelsFirst)
        {
            gradient = DataFormats.ToChannelsFirst(gradient, DataFormat.ChannelsLast);
        }

        return into is null ? gradient.contiguous() : GradientBuffers.Into(gradient, into);
    }

    /// <summary>dL/dx of <see cref="Reduce"/>, given output and gradient with the reduced axes kept; may be a broadcast view.</summary>
    private protected abstract Tensor ReduceBackward(Tensor inputs, Tensor output, Tensor gradOutput, long[] axes);

    /// <summary>Reduces <paramref name="inputs"/> over <paramref name="axes"/>, honouring <see cref="Keepdims"/>.</summary>
    private protected abstract Tensor Reduce(Tensor inputs, long[] axes);

    /// <inheritdoc/>
    internal override bool TryDescribeKeras(JsonObject config)
    {
        config["data_format"] = DataFormats.KerasName(DataFormat);
        config["keepdims"] = Keepdims;
        return true;
    }

    /// <inheritdoc/>
    internal override bool HasOnnxForm => true;

    /// <inheritdoc/>
    internal override string ExportOnnx(OnnxGraph graph, string input)
    {
        return graph.Node(OnnxReduce, [input], OnnxAttribute.Ints("axes", SpatialAxes), OnnxAttribute.Int("keepdims", Keepdims ? 1 : 0));
    }

    /// <summary>The ONNX reduction: <c>ReduceMean</c> or <c>ReduceMax</c>.</summary>
    private protected abstract string OnnxReduce { get; }
}
