using static TorchSharp.torch;

namespace StaticKeras.Layers.Initializers;

/// <summary>Keras' <c>ones</c>: the default gamma and moving-variance initializer.</summary>
public sealed class Ones : WeightInitializer
{
    /// <inheritdoc/>
    protected override Tensor Generate(long[] shape, ScalarType dtype) => ones(shape, dtype);
}
