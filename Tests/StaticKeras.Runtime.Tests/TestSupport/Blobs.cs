using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.TestSupport;

/// <summary>
/// Three Gaussian blobs in four dimensions, shaped (samples, 2, 2) for <see cref="BlobMlp"/>:
/// class c is centred at 4 e_c with unit variance, so about 99.5% are separable.
/// </summary>
internal static class Blobs
{
    public static (Tensor X, Tensor Y) Make(int samples, int seed)
    {
        using var generator = new TorchSharp.torch.Generator((ulong)seed);
        var y = randint(0, 3, [samples], dtype: ScalarType.Int64, generator: generator);
        var centres = nn.functional.one_hot(y, 4).to_type(ScalarType.Float32) * 4;
        var x = (centres + randn([samples, 4], generator: generator)).reshape(samples, 2, 2);
        return (x.DetachFromDisposeScope(), y.DetachFromDisposeScope());
    }

    /// <summary>Inputs whose first element is the sample's index, to see which samples a step received.</summary>
    public static (Tensor X, Tensor Y) Numbered(int samples, int classes = 3)
    {
        var x = zeros(samples, 2, 2);
        x[.., 0, 0] = arange(samples, dtype: ScalarType.Float32);
        return (x, arange(samples, dtype: ScalarType.Int64) % classes);
    }

    /// <summary>The sample indices of a batch made by <see cref="Numbered"/>.</summary>
    public static long[] Ids(Tensor x) => x[.., 0, 0].to_type(ScalarType.Int64).data<long>().ToArray();
}
