using StaticKeras.Optimizers;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Optimizers;

/// <summary>
/// Adam's one-pass CPU update (<see cref="FusedCpuUpdate"/>) against the six libtorch kernels it replaces,
/// on float32 buffers: the seed MLP's size (vector body and scalar tail), a size below one vector, and one
/// past the threshold where the pass is split over the thread pool.
/// </summary>
public sealed class FusedCpuUpdateTests
{
    [Theory]
    [InlineData(101_770)]
    [InlineData(5)]
    [InlineData((1 << 20) + 13)]
    public void AdamPassEqualsLibtorchKernelsToFloat32RoundOff(int length)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var generator = new Generator(seed: 11);
        var (w, m, v) = (randn(length, generator: generator), randn(length, generator: generator) * 0.1, rand(length, generator: generator) * 0.01);
        var (w2, m2, v2) = (w.clone(), m.clone(), v.clone());
        var initial = w.clone();
        const double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-7;
        for (var t = 1; t <= 4; t++)
        {
            var g = randn(length, generator: generator);
            var alpha = 1e-3 * System.Math.Sqrt(1 - System.Math.Pow(beta2, t)) / (1 - System.Math.Pow(beta1, t));

            Assert.True(FusedCpuUpdate.Applies(g, w, m, v));
            FusedCpuUpdate.Adam(g, w, m, v, 1 - beta1, beta2, epsilon, -alpha);

            using var weight = full([], 1 - beta1);
            using var b2 = beta2.ToScalar();
            using var rest = (1 - beta2).ToScalar();
            using var eps = epsilon.ToScalar();
            using var step = (-alpha).ToScalar();
            m2.lerp_(g, weight);
            v2.mul_(b2).addcmul_(g, g, rest);
            w2.addcdiv_(m2, v2.sqrt().add_(eps), step);
        }

        Assert.True(m.allclose(m2, rtol: 1e-6, atol: 1e-7), "first moment");
        Assert.True(v.allclose(v2, rtol: 1e-6, atol: 1e-9), "second moment");
        Assert.True(w.allclose(w2, rtol: 1e-6, atol: 1e-7), "weights");
        Assert.False(w.allclose(initial, rtol: 0, atol: 1e-6), "the weights moved");
    }

    [Fact]
    public void OnlyContiguousFloat32CpuBuffersOfOneLengthTakeThePass()
    {
        using var scope = NewDisposeScope();
        var a = zeros(6);
        Assert.False(FusedCpuUpdate.Applies(a, zeros(6, dtype: ScalarType.Float64)));
        Assert.False(FusedCpuUpdate.Applies(a, zeros(7)));
        Assert.False(FusedCpuUpdate.Applies(zeros(3, 2).t().reshape(-1).as_strided([6], [1]), zeros(12).as_strided([6], [2])));
        Assert.True(FusedCpuUpdate.Applies(a, zeros(6)));
    }

    [Fact]
    public void ClearZeroesAContiguousCpuBufferInPlace()
    {
        using var scope = NewDisposeScope();
        var buffer = randn(1000);
        var view = buffer.narrow(0, 10, 20);
        Assert.True(FusedCpuUpdate.Clear(view));
        Assert.Equal(0, view.count_nonzero().item<long>());
        Assert.Equal(980, buffer.count_nonzero().item<long>());
        Assert.False(FusedCpuUpdate.Clear(zeros(4, 4).t()));
    }
}
