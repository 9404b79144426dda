using static TorchSharp.torch;

namespace StaticKeras.Layers.Initializers;

/// <summary>Keras' <c>zeros</c>: the default bias, beta and moving-mean initializer.</summary>
public sealed class Zeros : WeightInitializer
{
    /// <inheritdoc/>
    protected override Tensor Generate(long[] shape, ScalarType dtype) => zeros(shape, dtype);
}
