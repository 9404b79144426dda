using StaticKeras.Export.Onnx;
using System;
using System.Linq;
using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// The base of Keras' <c>SpatialDropout1D</c> and <c>SpatialDropout2D</c>: in training, drops whole
/// channels (feature maps) with probability <see cref="Rate"/> and scales the rest by
/// <c>1 / (1 − rate)</c>, one draw per sample and channel; the identity in inference. Output shape
/// equals input shape. No weights.
/// </summary>
/// <remarks>As Keras (and <see cref="Dropout"/>), a rate of 1 is accepted: in training the output is all zeros.</remarks>
public abstract class SpatialDropout : Layer
{
    private readonly int spatialRank;
    private readonly string layout;
    private readonly DataFormat dataFormat;

    /// <summary>Creates the layer.</summary>
    /// <param name="name">The Keras class name.</param>
    /// <param name="rate">The fraction of channels to drop, in [0, 1].</param>
    /// <param name="spatialRank">1 for sequences, 2 for images.</param>
    /// <param name="layout">The input layout, for messages.</param>
    /// <param name="dataFormat">Where the channel axis is (SpatialDropout2D's Keras <c>data_format</c>; channels last for 1D).</param>
    private protected SpatialDropout(string name, double rate, int spatialRank, string layout, DataFormat dataFormat = DataFormat.ChannelsLast) : base(name)
    {
        Rate = rate is >= 0 and <= 1
            ? rate
            : throw new ArgumentOutOfRangeException(nameof(rate), rate, $"{name} needs a rate in [0, 1]; got {rate}.");
        DataFormats.Defined(name, dataFormat);
        (this.spatialRank, this.layout, this.dataFormat) = (spatialRank, layout, dataFormat);
    }

    /// <summary>The fraction of channels dropped in training.</summary>
    public double Rate { get; }

    /// <summary>Checks the input's rank; the layer has no weights.</summary>
    public override void Build(params long[] inputShape) => LayerChecks.Rank(GetName(), inputShape, spatialRank + 1, layout);

    /// <inheritdoc/>
    public override Tensor Call(Tensor inputs, bool training = false)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        LayerChecks.Rank(GetName(), inputs, spatialRank + 2, layout);
        if (!training || Rate == 0)
        {
            return inputs;
        }

        if (Rate == 1)
        {
            return zeros_like(inputs);
        }

        // Keras' noise_shape (batch, 1, ..., 1, channels), or (batch, channels, 1, 1) channels first: one keep-or-drop per sample and channel.
        long[] noise = dataFormat == DataFormat.ChannelsFirst
            ? [inputs.shape[0], inputs.shape[1], .. Enumerable.Repeat(1L, spatialRank)]
            : [inputs.shape[0], .. Enumerable.Repeat(1L, spatialRank), inputs.shape[^1]];
        var keep = bernoulli(full(noise, 1 - Rate, dtype: inputs.dtype, device: inputs.device));
        return inputs * keep / (1 - Rate);
    }

    /// <inheritdoc/>
    internal override bool TryDescribeKeras(JsonObject config)
    {
        // Keras' BaseSpatialDropout.get_config: rate, seed (and data_format in 2D), no trainable.
        config["rate"] = Rate;
        config["seed"] = null;
        if (spatialRank == 2)
        {
            config["data_format"] = DataFormats.KerasName(dataFormat);
        }

        return true;
    }

    /// <inheritdoc/>
    internal override bool KerasConfigHasTrainable => false;

    /// <inheritdoc/>
    internal override bool HasOnnxForm => true;

    /// <inheritdoc/>
    internal override string ExportOnnx(OnnxGraph graph, string input) => input;   // inference: identity
}
