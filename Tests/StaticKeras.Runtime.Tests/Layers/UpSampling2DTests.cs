using System;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers;

public sealed class UpSampling2DTests
{
    [Fact]
    public void NearestConforms() => LayerConformance.Check(new LayerSpec
    {
        Create = () => new UpSampling2D((2, 3)),
        BuildShape = [3, 4, 2],
        Shapes = [([2, 3, 4, 2], [2, 6, 12, 2]), ([1, 5, 1, 2], [1, 10, 3, 2])],
        Trainable = 0,
        WeightNames = [],
        Reference = (_, x) => Resample(x, Nearest(x.shape[1], 2), Nearest(x.shape[2], 3)),
    });

    [Fact]
    public void BilinearConforms() => LayerConformance.Check(new LayerSpec
    {
        Create = () => new UpSampling2D(3, Interpolation.Bilinear),
        BuildShape = [3, 4, 2],
        Shapes = [([2, 3, 4, 2], [2, 9, 12, 2]), ([1, 2, 2, 2], [1, 6, 6, 2])],
        Trainable = 0,
        WeightNames = [],
        Reference = (_, x) => Resample(x, Bilinear(x.shape[1], 3), Bilinear(x.shape[2], 3)),
    });

    [Fact]
    public void BilinearUsesHalfPixelCentres()
    {
        // Output cell t samples input coordinate (t + 0.5) / 2 - 0.5, clamped: -0.25, 0.25, 0.75, 1.25.
        var y = new UpSampling2D((1, 2), Interpolation.Bilinear).Call(tensor(new float[] { 0, 1 }).reshape(1, 1, 2, 1));
        Numerics.AssertClose(Numerics.Doubles([0, 0.25, 0.75, 1], 1, 1, 4, 1), y, 0, "bilinear row");
        Assert.Equal((new Size2D(2, 2), Interpolation.Nearest), (new UpSampling2D().Size, new UpSampling2D().Interpolation));
    }

    [Fact]
    public void RejectsInvalidArguments()
    {
        Assert.Contains("size must be a positive integer, found 0", Assert.Throws<ArgumentOutOfRangeException>(() => new UpSampling2D((0, 2))).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new UpSampling2D(2, (Interpolation)7));
        Assert.Contains("expects inputs of rank 4", Assert.Throws<ArgumentException>(() => new UpSampling2D().Call(zeros(2, 3))).Message);
    }

    // y[b, i, j, c] = sum_{p, q} rows[i, p] x[b, p, q, c] cols[j, q]
    private static Tensor Resample(Tensor x, Tensor rows, Tensor cols) =>
        einsum("ip,bpqc,jq->bijc", rows.to_type(x.dtype), x, cols.to_type(x.dtype));

    private static Tensor Nearest(long n, int factor)
    {
        var m = zeros(n * factor, n, ScalarType.Float64);
        for (long t = 0; t < n * factor; t++)
        {
            m[t, t / factor] = 1;
        }

        return m;
    }

    private static Tensor Bilinear(long n, int factor)
    {
        var m = zeros(n * factor, n, ScalarType.Float64);
        for (long t = 0; t < n * factor; t++)
        {
            double source = Math.Clamp((t + 0.5) / factor - 0.5, 0, n - 1);
            long low = (long)Math.Floor(source);
            long high = Math.Min(low + 1, n - 1);
            double w = source - low;
            m[t, low] += 1 - w;
            m[t, high] += w;
        }

        return m;
    }
}
