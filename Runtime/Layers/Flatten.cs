using StaticKeras.Export.Onnx;
using StaticKeras.Saving.Keras;
using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Flattens the input, keeping the batch axis (Keras <c>Flatten</c>). Channels last (the default)
/// flattens in the input's own order, Keras' (H, W, C); channels first moves the channel axis last
/// before flattening, as Keras does, so both give the same order of features.
/// </summary>
/// <remarks>
/// Input shape: N-D tensor of shape <c>(batch, ...)</c>.<br/>
/// Output shape: 2-D tensor of shape <c>(batch, product of the other axes)</c>; an input of shape
/// <c>(batch,)</c> becomes <c>(batch, 1)</c>.
/// </remarks>
public sealed class Flatten : Layer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="dataFormat">
    /// Keras' <c>data_format</c>: <see cref="DataFormat.ChannelsLast"/> (default) or <see cref="DataFormat.ChannelsFirst"/>
    /// for <c>(batch, channels, ...)</c>, whose channel axis is moved last before flattening (Keras' order of features).
    /// </param>
    public Flatten(DataFormat dataFormat = DataFormat.ChannelsLast) : base(nameof(Flatten))
    {
        DataFormats.Defined(nameof(Flatten), dataFormat);
        DataFormat = dataFormat;
    }

    /// <summary>Where the channel axis is (Keras' <c>data_format</c>).</summary>
    public DataFormat DataFormat { get; }

    /// <inheritdoc/>
    public override Tensor Call(Tensor inputs, bool training = false)
    {
        // The element count is written out rather than -1 so that an empty batch reshapes too. Sizes
        // are read one by one: reading the whole shape costs more than the reshape at batch 1.
        var rank = inputs.dim();
        var features = 1L;
        for (var i = 1; i < rank; i++)
        {
            features *= inputs.size(i);
        }

        return (ChannelsMoved(rank) ? inputs.permute(ToChannelsLast(rank)) : inputs).reshape(inputs.size(0), features);
    }

    /// <summary>
    /// The explicit backward: dL/dinputs is dL/doutput in the input's shape (a view when it can be);
    /// for channels first, in the channels-last order the forward flattened, moved back.
    /// </summary>
    /// <param name="gradOutput">dL/doutput.</param>
    /// <param name="input">The input the forward call received.</param>
    /// <param name="output">What the forward call returned (unused).</param>
    /// <param name="into">Unused: the result is a view of <paramref name="gradOutput"/>, which allocates nothing.</param>
    public Tensor Backward(Tensor gradOutput, Tensor input, Tensor output, Tensor? into = null)
    {
        var rank = input.dim();
        if (!ChannelsMoved(rank))
        {
            return gradOutput.reshape(input.shape);
        }

        // (batch, c, d1, ..., dk) was flattened as (batch, d1, ..., dk, c).
        var order = ToChannelsLast(rank);
        var moved = new long[rank];
        for (var i = 0; i < rank; i++)
        {
            moved[i] = input.size((int)order[i]);
        }

        return gradOutput.reshape(moved).permute(ToChannelsFirst(rank));
    }

    // Keras transposes channels first to channels last for any input of rank > 1 (counting the batch);
    // rank 2 is the identity, so only rank 3 and up move anything.
    private bool ChannelsMoved(long rank) => DataFormat == DataFormat.ChannelsFirst && rank > 2;

    // (0, 2, ..., rank - 1, 1): channels first to channels last.
    private static long[] ToChannelsLast(long rank)
    {
        var order = new long[rank];
        for (var i = 1; i < rank - 1; i++)
        {
            order[i] = i + 1;
        }

        order[rank - 1] = 1;
        return order;
    }

    // (0, rank - 1, 1, ..., rank - 2): the inverse of ToChannelsLast.
    private static long[] ToChannelsFirst(long rank)
    {
        var order = new long[rank];
        order[1] = rank - 1;
        for (var i = 2; i < rank; i++)
        {
            order[i] = i - 1;
        }

        return order;
    }

    /// <inheritdoc/>
    internal override bool TryDescribeKeras(JsonObject config)
    {
        config["data_format"] = DataFormats.KerasName(DataFormat);
        return true;
    }

    /// <inheritdoc/>
    internal override bool HasOnnxForm => true;

    /// <inheritdoc/>
    internal override string ExportOnnx(OnnxGraph graph, string input)
    {
        // Channels first needs the input's rank for its Transpose: the export knows every value's (OnnxGraph.Rank).
        var rank = DataFormat == DataFormat.ChannelsFirst ? graph.Rank(input) : 2;
        var flat = ChannelsMoved(rank) ? graph.Node("Transpose", [input], OnnxAttribute.Ints("perm", ToChannelsLast(rank))) : input;
        return graph.Node("Flatten", [flat], OnnxAttribute.Int("axis", 1));
    }
}
