using StaticKeras.Export.Onnx;
using TorchSharp;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// Keras' <c>GlobalAveragePooling1D</c>: the mean over every spatial position, per channel.
/// Input <c>(batch, steps, channels)</c>; output <c>(batch, channels)</c>, or <c>(batch, 1, channels)</c> with <c>keepdims</c>.
/// With a mask (from <see cref="Embedding"/> with <c>maskZero</c> or <see cref="Masking"/>), the mean
/// of the unmasked steps only, as Keras.
/// </summary>
/// <param name="keepdims">Whether the reduced axes stay with size 1; false by default.</param>
/// <param name="dataFormat">Keras' <c>data_format</c>: <see cref="DataFormat.ChannelsLast"/> (default) or <see cref="DataFormat.ChannelsFirst"/>.</param>
public sealed class GlobalAveragePooling1D(bool keepdims = false, DataFormat dataFormat = DataFormat.ChannelsLast)
    : GlobalPooling(nameof(GlobalAveragePooling1D), 2, keepdims, dataFormat), IMaskedLayer
{
    /// <summary>
    /// The mean over the steps <paramref name="mask"/> keeps, as Keras' masked call:
    /// <c>sum(where(mask, inputs, 0), steps) / sum(mask, steps)</c> (NaN for a sample with every step masked, as in Keras).
    /// </summary>
    /// <param name="inputs">The sequence, <c>(batch, steps, channels)</c>.</param>
    /// <param name="training">Unused.</param>
    /// <param name="mask">True for the steps to average, <c>(batch, steps)</c>; <see langword="null"/> averages every step.</param>
    public Tensor Call(Tensor inputs, bool training = false, Tensor? mask = null)
    {
        if (mask is null)
        {
            return base.Call(inputs, training);
        }

        LayerChecks.Rank(nameof(GlobalAveragePooling1D), inputs, 3, DataFormats.Layout(DataFormat, "steps"));
        LayerChecks.Floating(nameof(GlobalAveragePooling1D), inputs);
        bool first = DataFormat == DataFormat.ChannelsFirst;
        var steps = first ? inputs.transpose(1, 2) : inputs;
        var keep = Masks.Check(nameof(GlobalAveragePooling1D), steps, mask).unsqueeze(first ? 1 : -1);
        long axis = first ? 2 : 1;
        var sum = inputs.where(keep, zeros_like(inputs)).sum(axis, keepdim: Keepdims);
        return sum / keep.to_type(inputs.dtype).sum(axis, keepdim: Keepdims);
    }

    /// <summary>
    /// The masked mean as <see cref="Call(Tensor, bool, Tensor?)"/> computes it:
    /// <c>ReduceSum(Where(mask, x, 0)) / ReduceSum(Cast(mask))</c> over the steps.
    /// </summary>
    internal override string ExportOnnx(OnnxGraph graph, string input, string mask)
    {
        long axis = DataFormat == DataFormat.ChannelsFirst ? 2 : 1;
        var keep = graph.Node("Unsqueeze", [mask, graph.Ints("channel_axis", DataFormat == DataFormat.ChannelsFirst ? 1 : -1)]);
        var axes = graph.Ints("steps_axis", axis);
        var keepdims = OnnxAttribute.Int("keepdims", Keepdims ? 1 : 0);
        var sum = graph.Node("ReduceSum", [graph.Node("Where", [keep, input, graph.Scalar("zero", 0f)]), axes], keepdims);
        var count = graph.Node("ReduceSum", [graph.Node("Cast", [keep], OnnxAttribute.Int("to", OnnxTypes.Float)), axes], keepdims);
        return graph.Node("Div", [sum, count]);
    }

    /// <inheritdoc/>
    private protected override Tensor Reduce(Tensor inputs, long[] axes) => inputs.mean(axes, keepdim: Keepdims);

    /// <inheritdoc/>
    private protected override string OnnxReduce => "ReduceMean";

    /// <inheritdoc/>
    private protected override Tensor ReduceBackward(Tensor inputs, Tensor output, Tensor gradOutput, long[] axes)
    {
        using var count = inputs.shape[1].ToScalar();   // held: an implicit Scalar could be finalized mid-call
        return gradOutput.div(count).expand(inputs.shape);
    }
}
