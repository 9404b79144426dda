using System;
using System.Linq;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.CustomLayers;

/// <summary>A [Layer] with a hand-written Backward: it runs through a TorchSharp autograd function, checked against autograd.</summary>
public sealed class CustomBackwardTests
{
    [Fact]
    public void HandWrittenBackwardMatchesAutogradInFloat64()
    {
        manual_seed(5);
        var layer = new HandBackwardDense(4);
        layer.Build(3, 6);
        using (no_grad())
        {
            layer.named_parameters().Single(p => p.name == "B").parameter.uniform_(-1, 1);
        }

        CustomLayerGradientCheck.AgainstReference(layer, randn(5, 3, 6), (x, w) => x.matmul(w["W"]) + w["B"]);

        Assert.Equal(1, layer.BackwardCalls);
    }

    [Fact]
    public void WeightsGetGradientsWhenTheInputNeedsNone()
    {
        manual_seed(6);
        var layer = new HandBackwardDense(2);
        layer.Build(3);

        layer.Call(ones(4, 3), training: true).sum().backward();

        var (w, b) = (layer.named_parameters().Single(p => p.name == "W").parameter, layer.named_parameters().Single(p => p.name == "B").parameter);
        Assert.True(w.grad!.allclose(full(3, 2, 4f)));
        Assert.True(b.grad!.allclose(full(2, 4f)));
        Assert.Equal(1, layer.BackwardCalls);
    }

    // An exception cannot cross TorchSharp's native backward: it gives zero gradients and the next call throws it.
    [Fact]
    public void AFailingBackwardIsReportedByTheNextCall()
    {
        var layer = new WrongBackward();
        layer.Build(3);

        layer.Call(ones(2, 3), training: true).sum().backward();
        var exception = Assert.Throws<InvalidOperationException>(() => layer.Call(ones(2, 3), training: true));

        Assert.Equal(
            "WrongBackward.Backward failed during the last backward pass (its gradients were zeros): WrongBackward.Backward: the gradient of a weight of shape (3,) must have its shape, found (). (Parameter 'gradient')",
            exception.Message);
        Assert.Equal(0f, layer.named_parameters().Single().parameter.grad!.abs().sum().item<float>());
        Assert.Equal([2L, 3L], layer.Call(ones(2, 3), training: true).shape);
    }
}
