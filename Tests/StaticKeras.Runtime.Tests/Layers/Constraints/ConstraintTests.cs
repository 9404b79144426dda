using System;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers.Constraints;

/// <summary>
/// Keras' constraints against Keras 3.16 (numpy backend): /tmp/layers14a/c.py applies keras.constraints to
/// <c>sin(0.37 i + j) · 2.5</c> (<see cref="Fill"/>) and prints the result to 7 significant digits.
/// </summary>
public sealed class ConstraintTests
{
    [Theory]
    [InlineData("MaxNorm()")]
    [InlineData("MaxNorm(1.5, axis=1)")]
    [InlineData("NonNeg()")]
    [InlineData("UnitNorm()")]
    [InlineData("MinMaxNorm(0.5, 1.0, rate=0.5)")]
    public void MatchesKerasOnADenseKernel(string keras)
    {
        var (constraint, expected) = keras switch
        {
            "MaxNorm()" => (Constraint.MaxNorm(), MaxNormDefault),
            "MaxNorm(1.5, axis=1)" => (Constraint.MaxNorm(1.5, axis: [1]), MaxNormAxisOne),
            "NonNeg()" => (Constraint.NonNeg(), NonNeg),
            "UnitNorm()" => (Constraint.UnitNorm(), UnitNorm),
            _ => (Constraint.MinMaxNorm(0.5, 1.0, rate: 0.5), MinMaxHalfRate),
        };
        Numerics.AssertClose(Numerics.Doubles(expected, 3, 4), constraint.Apply(Fill([3, 4], 0)), 2e-6, keras);
    }

    [Fact]
    public void MatchesKerasOnAConvolutionKernelOverSeveralAxes()
    {
        Numerics.AssertClose(
            Numerics.Doubles(MaxNormConv, 2, 2, 3, 2), Constraint.MaxNorm(2, axis: [0, 1, 2]).Apply(Fill([2, 2, 3, 2], 1)), 2e-6, "MaxNorm(2, axis=[0, 1, 2])");
        Numerics.AssertClose(
            Numerics.Doubles(MinMaxConvLastAxis, 2, 2, 3, 2), Constraint.MinMaxNorm(3.0, 4.0, axis: [-1]).Apply(Fill([2, 2, 3, 2], 1)), 2e-6,
            "MinMaxNorm(3.0, 4.0, axis=-1)");
    }

    [Fact]
    public void AxesMustFitTheWeightWhenTheLayerIsBuilt()
    {
        Assert.Contains("MaxNorm: axis [2] must name distinct axes of Dense kernel (3, 4), which has rank 2",
            Assert.Throws<ArgumentException>(() => new Dense(4, kernelConstraint: Constraint.MaxNorm(axis: [2])).Build(3)).Message);
        Assert.Contains("UnitNorm: axis [0, -2] must name distinct axes",
            Assert.Throws<ArgumentException>(() => new Dense(4, kernelConstraint: Constraint.UnitNorm([0, -2])).Build(3)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Constraint.MaxNorm(double.NaN));
        Assert.Equal("MaxNorm(3, axis: [0, 1, 2])", Constraint.MaxNorm(3, [0, 1, 2]).ToString());
    }

    [Fact]
    public void EveryLayerFamilyProjectsItsConstrainedWeightsInPlace()
    {
        manual_seed(8);
        var lstm = new LSTM(3, kernelConstraint: Constraint.NonNeg(), recurrentConstraint: Constraint.UnitNorm(), biasConstraint: Constraint.MaxNorm(0.1));
        lstm.Build(5, 4);
        var recurrent = lstm.state_dict()["recurrent_kernel"];
        lstm.ApplyConstraints();
        Assert.True(lstm.state_dict()["kernel"].ge(0).all().item<bool>());
        Numerics.AssertClose(ones(12, ScalarType.Float64), recurrent.square().sum([0L]).sqrt(), 1e-5, "unit columns (norm / (norm + 1e-7)), in the same tensor");
        Assert.True(lstm.state_dict()["bias"].norm().item<float>() <= 0.1 + 1e-6);

        var embedding = new Embedding(10, 4, embeddingsConstraint: Constraint.MaxNorm(0.01, axis: [1]));
        embedding.Build(7);
        embedding.ApplyConstraints();
        Assert.True(embedding.Embeddings.square().sum([1L]).sqrt().le(0.01 + 1e-6).all().item<bool>());

        var separable = new SeparableConv2D(2, 3, pointwiseConstraint: Constraint.NonNeg());
        separable.Build(5, 5, 2);
        separable.ApplyConstraints();
        Assert.True(separable.PointwiseKernel.ge(0).all().item<bool>());
        Assert.False(separable.DepthwiseKernel.ge(0).all().item<bool>(), "only the constrained weight changes");
        Assert.Equal(ConstraintKind.NonNeg, separable.ConstraintOf("pointwise_kernel")!.Kind);
        Assert.Null(new Dense(2).ConstraintOf("kernel"));
    }

    private static Tensor Fill(long[] shape, int j) =>
        ((arange(shape[0] * shape[1] * (shape.Length > 2 ? shape[2] * shape[3] : 1), ScalarType.Float64) * 0.37 + j).sin() * 2.5)
            .to_type(ScalarType.Float32).reshape(shape);

    private static readonly double[] MaxNormDefault =
    [
        0, 0.692763, 1.152205, 1.366736, 1.967904, 1.841558, 1.36115, 0.7996331,
        0.3568661, -0.3588088, -0.9053698, -1.221728,
    ];

    private static readonly double[] MaxNormAxisOne =
    [
        0, 0.4604575, 0.8585941, 1.140524, 0.8887752, 0.8578913, 0.7108959, 0.467684,
        0.2723295, -0.2824304, -0.7989646, -1.207363,
    ];

    private static readonly double[] NonNeg =
    [
        0, 0.9040386, 1.68572, 2.239247, 2.489702, 2.403188, 1.991414, 1.310111,
        0.4514907, 0, 0, 0,
    ];

    private static readonly double[] UnitNorm =
    [
        0, 0.3463815, 0.5761026, 0.683368, 0.983952, 0.920779, 0.6805749, 0.3998165,
        0.1784331, -0.1794044, -0.4526849, -0.610864,
    ];

    private static readonly double[] MinMaxHalfRate =
    [
        0, 0.62521, 1.130911, 1.461307, 1.736827, 1.661984, 1.335994, 0.8549637,
        0.3149619, -0.3238205, -0.8886376, -1.306266,
    ];

    private static readonly double[] MaxNormConv =
    [
        0.6710271, 0.7971532, 0.7860571, 0.6980771, 0.4899298, 0.2338628, -0.06246152, -0.3526765,
        -0.5821816, -0.7547438, -0.797384, -0.7620326, -0.5955045, -0.3707305, -0.08213869, 0.214487,
        0.4741908, 0.6875143, 0.7824888, 0.8009284, 0.6814958, 0.4954065, 0.2240378, -0.06924407,
    ];

    private static readonly double[] MinMaxConvLastAxis =
    [
        2.103678, 2.44977, 2.464298, 2.145295, 2.717243, 1.271452, -0.5333814, -2.952203,
        -1.855179, -2.357607, -2.499808, -2.341839, -2.560811, -1.56277, -1.091644, 2.794336,
        1.726313, 2.453537, 2.453111, 2.461372, 2.443152, 1.740979, 2.871117, -0.8698747,
    ];
}
