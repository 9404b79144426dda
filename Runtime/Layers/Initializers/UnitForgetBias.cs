using static TorchSharp.torch;

namespace StaticKeras.Layers.Initializers;

/// <summary>
/// LSTM's bias with Keras' <c>unit_forget_bias</c>: <c>concatenate([init((units,)), ones((units,)), init((2·units,))])</c>,
/// the input gate's slice, the forget gate's ones, then the candidate's and output gate's slices. Each slice is drawn
/// on its own shape, as Keras' LSTM does, so a fan-based bias initializer (glorot, he) scales each by its own size.
/// </summary>
internal sealed class UnitForgetBias(WeightInitializer slices) : WeightInitializer
{
    /// <inheritdoc/>
    protected override Tensor Generate(long[] shape, ScalarType dtype)
    {
        long units = shape[0] / 4;
        return cat([slices.Create([units], dtype), ones(units, dtype), slices.Create([2 * units], dtype)]);
    }
}
