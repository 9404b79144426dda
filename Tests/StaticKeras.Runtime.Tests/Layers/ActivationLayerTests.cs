using System;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.TestSupport;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers;

public class ActivationLayerTests
{
    [Fact]
    public void AppliesKerasDefinitions()
    {
        using var x = tensor(new double[] { -2, -0.5, 0, 1, 3, 0.25 }).reshape(2, 3);
        Approx.Equal([-2, -0.5, 0, 1, 3, 0.25], Apply(Activation.Linear, x), 0);
        Approx.Equal([0, 0, 0, 1, 3, 0.25], Apply(Activation.Relu, x), 0);
        Approx.Equal([Math.Tanh(-2), Math.Tanh(-0.5), 0, Math.Tanh(1), Math.Tanh(3), Math.Tanh(0.25)], Apply(Activation.Tanh, x), 1e-15);
        Approx.Equal([Sigmoid(-2), Sigmoid(-0.5), 0.5, Sigmoid(1), Sigmoid(3), Sigmoid(0.25)], Apply(Activation.Sigmoid, x), 1e-15);
        // softmax over the last axis: row 0 of exp(-2), exp(-0.5), exp(0)
        var row0 = Math.Exp(-2) + Math.Exp(-0.5) + 1;
        var row1 = Math.E + Math.Exp(3) + Math.Exp(0.25);
        Approx.Equal([Math.Exp(-2) / row0, Math.Exp(-0.5) / row0, 1 / row0, Math.E / row1, Math.Exp(3) / row1, Math.Exp(0.25) / row1],
            Apply(Activation.Softmax, x), 1e-15);
    }

    [Theory]
    [InlineData(Activation.Relu)]
    [InlineData(Activation.Sigmoid)]
    [InlineData(Activation.Tanh)]
    [InlineData(Activation.Softmax)]
    public void GradientMatchesClosedFormInDoublePrecision(Activation activation)
    {
        manual_seed(6);
        var x = randn(4, 5, dtype: ScalarType.Float64).requires_grad_();
        var upstream = randn(4, 5, dtype: ScalarType.Float64);
        var layer = new ActivationLayer(activation);
        (layer.Call(x) * upstream).sum().backward();

        using var _ = no_grad();
        var y = layer.Call(x);
        var expected = activation switch
        {
            Activation.Relu => upstream * x.gt(0).to_type(ScalarType.Float64),
            Activation.Sigmoid => upstream * y * (1 - y),
            Activation.Tanh => upstream * (1 - y * y),
            // softmax Jacobian-vector product: y * (u - sum(u * y))
            _ => y * (upstream - (upstream * y).sum(-1, keepdim: true)),
        };
        Approx.Equal(expected, x.grad!, 1e-12);
    }

    [Fact]
    public void RejectsUndefinedActivation()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ActivationLayer((Activation)99));
        Assert.Equal("activation", e.ParamName);
    }

    private static Tensor Apply(Activation activation, Tensor x) => new ActivationLayer(activation).Call(x);

    private static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));
}
