using System;
using StaticKeras.Layers.Initializers;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.CustomLayers;

/// <summary>Every <see cref="Initializer"/> a [Weight] can name, against Keras' formulas (sample statistics of 60,000 values).</summary>
public sealed class WeightInitializersTests
{
    private static readonly long[] Shape = [200, 300];

    [Theory]
    [InlineData(Initializer.RandomNormal, 0.05)]
    [InlineData(Initializer.GlorotNormal, 0.0632455532)]   // sqrt(2 / (200 + 300))
    [InlineData(Initializer.HeNormal, 0.1)]                // sqrt(2 / 200)
    [InlineData(Initializer.RandomUniform, 0.0288675135)]  // 0.05 / sqrt(3)
    [InlineData(Initializer.GlorotUniform, 0.0632455532)]  // sqrt(6 / 500) / sqrt(3)
    [InlineData(Initializer.HeUniform, 0.1)]               // sqrt(6 / 200) / sqrt(3)
    public void StandardDeviationIsKeras(Initializer kind, double expected)
    {
        manual_seed(7);

        var values = WeightInitializers.For(kind).Create(Shape).to_type(ScalarType.Float64);

        Assert.InRange(values.std().item<double>(), expected * 0.98, expected * 1.02);
        Assert.InRange(values.mean().item<double>(), -expected * 0.02, expected * 0.02);
    }

    [Theory]
    [InlineData(Initializer.GlorotNormal, 0.0632455532)]
    [InlineData(Initializer.HeNormal, 0.1)]
    public void TruncatedNormalsStayWithinTwoUncorrectedDeviations(Initializer kind, double std)
    {
        manual_seed(8);

        var values = WeightInitializers.For(kind).Create(Shape);

        Assert.True(values.abs().max().item<float>() <= 2 * std / 0.87962566103423978 + 1e-6);
    }

    [Theory]
    [InlineData(Initializer.RandomUniform, 0.05)]
    [InlineData(Initializer.HeUniform, 0.17320508)]  // sqrt(6 / 200)
    public void UniformsStayWithinTheirLimit(Initializer kind, double limit)
    {
        manual_seed(9);

        var values = WeightInitializers.For(kind).Create(Shape);

        Assert.True(values.abs().max().item<float>() <= limit + 1e-6);
        Assert.True(values.abs().max().item<float>() > limit * 0.99);
    }

    [Fact]
    public void ConstantsAndOrthogonal()
    {
        Assert.Equal(0f, WeightInitializers.For(Initializer.Zeros).Create(Shape).abs().sum().item<float>());
        Assert.Equal(60_000f, WeightInitializers.For(Initializer.Ones).Create(Shape).sum().item<float>());
        var q = WeightInitializers.For(Initializer.Orthogonal).Create([30, 20]).to_type(ScalarType.Float64);
        Assert.True(q.t().matmul(q).allclose(eye(20, dtype: ScalarType.Float64), atol: 1e-5));
    }

    [Fact]
    public void UnknownKindNamesTheMembers()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => WeightInitializers.For((Initializer)42));

        Assert.StartsWith("unknown initializer 42; expected one of Zeros, Ones, RandomNormal, RandomUniform, GlorotUniform, GlorotNormal, HeNormal, HeUniform, Orthogonal.", exception.Message);
    }

    [Fact]
    public void VarianceScalingRejectsBadScale() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new VarianceScaling(0, FanMode.FanIn, uniform: true));
}
