using System;
using System.Linq;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers;

public sealed class ActivationFunctionsTests
{
    private static readonly double[] Inputs = [-25, -3, -1.5, -0.2, 0, 0.3, 1, 2.5, 25];

    public static TheoryData<Activation> All => new(Enum.GetValues<Activation>());

    [Theory]
    [MemberData(nameof(All))]
    public void MatchesKerasDefinition(Activation activation)
    {
        // Keras' formulas written out element by element in double precision.
        Func<double, double> f = activation switch
        {
            Activation.Linear => x => x,
            Activation.Relu => x => Math.Max(x, 0),
            Activation.Sigmoid => x => 1 / (1 + Math.Exp(-x)),
            Activation.Tanh => Math.Tanh,
            Activation.Gelu => x => 0.5 * x * (1 + Erf(x / Math.Sqrt(2))),
            Activation.Elu => x => x > 0 ? x : Math.Exp(x) - 1,
            Activation.Selu => x => 1.0507009873554805 * (x > 0 ? x : 1.6732632423543772 * (Math.Exp(x) - 1)),
            Activation.Silu => x => x / (1 + Math.Exp(-x)),
            Activation.LeakyRelu => x => x >= 0 ? x : 0.2 * x,
            Activation.Softplus => x => Math.Log(1 + Math.Exp(x)),
            Activation.Softmax => x => Math.Exp(x) / Inputs.Sum(Math.Exp),
            _ => throw new ArgumentOutOfRangeException(nameof(activation)),
        };

        var actual = ActivationFunctions.Apply(tensor(Inputs, ScalarType.Float64), activation);
        Numerics.AssertClose(tensor(Inputs.Select(f).ToArray(), ScalarType.Float64), actual, 1e-12, activation.ToString());
    }

    [Fact]
    public void EnumKeepsTheOriginalMembersFirst()
    {
        Assert.Equal(
            ["Linear", "Relu", "Sigmoid", "Tanh", "Softmax", "Gelu", "Elu", "Selu", "Silu", "LeakyRelu", "Softplus"],
            Enum.GetNames<Activation>());
    }

    [Fact]
    public void SoftmaxActsOnTheLastAxis()
    {
        var y = ActivationFunctions.Apply(tensor(new double[] { 0, 0, 1, 1, 5, -5 }).reshape(3, 2), Activation.Softmax);
        Numerics.AssertClose(ones(3, ScalarType.Float64), y.sum(1), 1e-15, "row sums");
    }

    [Fact]
    public void RejectsUnknownActivation() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ActivationFunctions.Apply(zeros(2), (Activation)42));

    // .NET has no erf; its Maclaurin series is exact to double precision for the inputs used here.
    private static double Erf(double x)
    {
        // erf(x) = 2/sqrt(pi) * sum_{n>=0} (-1)^n x^(2n+1) / (n! (2n+1)); past |x| = 6 erf is +-1 in double.
        if (Math.Abs(x) > 6)
        {
            return Math.Sign(x);
        }

        double sum = 0, term = x;
        for (int n = 0; n < 200; n++)
        {
            sum += term / (2 * n + 1);
            term *= -x * x / (n + 1);
        }

        return 2 / Math.Sqrt(Math.PI) * sum;
    }
}
