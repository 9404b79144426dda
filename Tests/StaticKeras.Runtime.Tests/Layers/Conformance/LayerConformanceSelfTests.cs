using System;
using StaticKeras.Layers;
using Xunit;
using Xunit.Sdk;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers.Conformance;

/// <summary>The conformance checks catch the mistakes they exist for.</summary>
public sealed class LayerConformanceSelfTests
{
    private static LayerSpec Spec(Func<Layer> create, Func<Layer, Tensor, Tensor>? reference = null) => new()
    {
        Create = create,
        BuildShape = [3],
        Shapes = [([2, 3], [2, 3])],
        Trainable = 3,
        WeightNames = ["scale"],
        Reference = reference ?? ((layer, x) => x * layer.get_parameter("scale")! + x.square()),
    };

    [Fact]
    public void AcceptsACorrectLayer() => LayerConformance.Check(Spec(() => new Scale(detachInput: false)));

    [Fact]
    public void CatchesAWrongGradient() =>
        Assert.Contains("gradient of 'input'",
            Assert.Throws<XunitException>(() => LayerConformance.Check(Spec(() => new Scale(detachInput: true)))).Message);

    [Fact]
    public void CatchesAWrongValue() =>
        Assert.Contains("inference output vs the reference",
            Assert.Throws<XunitException>(() => LayerConformance.Check(Spec(() => new Scale(false), (l, x) => 2 * x))).Message);

    [Fact]
    public void CatchesAWrongParameterCount() =>
        Assert.Throws<Xunit.Sdk.EqualException>(() => LayerConformance.Check(Spec(() => new Scale(false)) with { Trainable = 4 }));

    /// <summary>y = x * scale + x^2; with detachInput autograd misses the 2x term, which finite differences see.</summary>
    private sealed class Scale(bool detachInput) : Layer("Scale")
    {
        public override void Build(params long[] inputShape)
        {
            var scale = new TorchSharp.Modules.Parameter(randn(inputShape));
            scale.DetachFromDisposeScope();
            register_parameter("scale", scale);
        }

        public override Tensor Call(Tensor inputs, bool training = false)
        {
            if (get_parameter("scale") is null)
            {
                Build(inputs.shape[1..]);
            }

            return inputs * get_parameter("scale")! + (detachInput ? inputs.detach() : inputs).square();
        }
    }

    [Fact]
    public void CatchesWeightsLostToADisposeScope() =>
        Assert.Throws<InvalidOperationException>(() => LayerConformance.Check(Spec(() => new ScopedScale())));

    /// <summary>Creates its weight inside whatever DisposeScope is active, so a lazy build loses it.</summary>
    private sealed class ScopedScale() : Layer("ScopedScale")
    {
        public override void Build(params long[] inputShape) =>
            register_parameter("scale", new TorchSharp.Modules.Parameter(randn(inputShape)));

        public override Tensor Call(Tensor inputs, bool training = false)
        {
            if (get_parameter("scale") is null)
            {
                Build(inputs.shape[1..]);
            }

            return inputs * get_parameter("scale")! + inputs.square();
        }
    }
}
