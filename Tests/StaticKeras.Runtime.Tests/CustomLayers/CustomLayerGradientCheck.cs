using System;
using System.Collections.Generic;
using System.Linq;
using StaticKeras.Layers;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.CustomLayers;

/// <summary>
/// Conformance for custom layers: in float64, the gradients a built layer's checked
/// <c>Call(inputs, training)</c> gives its input and every weight equal TorchSharp autograd of a
/// hand-written reference computation on detached copies of the same weights. The loss is
/// <c>sum(tanh(y))</c>, so every output element gets a different upstream gradient.
/// </summary>
internal static class CustomLayerGradientCheck
{
    /// <summary>Checks <paramref name="layer"/> (built, any dtype) on <paramref name="inputs"/> against <paramref name="reference"/>(inputs, weights by name).</summary>
    public static void AgainstReference(CustomLayer layer, Tensor inputs, Func<Tensor, IReadOnlyDictionary<string, Tensor>, Tensor> reference)
    {
        layer.to(ScalarType.Float64);
        var x = inputs.to_type(ScalarType.Float64).detach().requires_grad_(true);
        var xRef = x.detach().clone().requires_grad_(true);
        var weights = layer.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().clone().requires_grad_(true));

        layer.Call(x, training: true).tanh().sum().backward();
        reference(xRef, weights).tanh().sum().backward();

        AssertClose("the input", xRef.grad!, x.grad!);
        foreach (var (name, parameter) in layer.named_parameters())
        {
            Assert.Equal(ScalarType.Float64, parameter.dtype);
            AssertClose("weight '" + name + "'", weights[name].grad!, parameter.grad!);
        }
    }

    private static void AssertClose(string what, Tensor expected, Tensor actual)
    {
        Assert.Equal(expected.shape, actual.shape);
        var difference = (expected - actual).abs().max().item<double>();
        Assert.True(difference <= 1e-12, $"gradient of {what} differs from autograd of the reference by {difference}");
        Assert.True(expected.abs().sum().item<double>() > 0, $"gradient of {what} is zero: the check would prove nothing");
    }
}
