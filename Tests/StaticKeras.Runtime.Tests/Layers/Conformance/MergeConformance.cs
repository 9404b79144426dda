using System;
using System.Linq;
using StaticKeras.Layers;
using Xunit;
using Xunit.Sdk;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers.Conformance;

/// <summary>
/// The checks every merge layer passes on one configuration: its Keras type name, no weights or
/// state, the output shape, values against an independent reference in double precision (and
/// float32 close to them), the module's forward equal to Call, and every input's gradient from
/// autograd against finite differences.
/// </summary>
public static class MergeConformance
{
    /// <summary>Runs every check for <paramref name="create"/> on inputs of <paramref name="inputShapes"/> (batch included).</summary>
    public static void Check(
        Func<MergeLayer> create, string typeName, long[][] inputShapes, long[] outputShape, Func<Tensor[], Tensor> reference)
    {
        using var scope = NewDisposeScope();
        random.manual_seed(1234);
        var layer = create();
        Assert.Equal(typeName, layer.GetName());
        Assert.Empty(layer.parameters());
        Assert.Empty(layer.buffers());
        Assert.Empty(layer.state_dict());

        var singles = inputShapes.Select(s => randn(s)).ToArray();
        var single = layer.Call(singles);
        Assert.Equal(outputShape, single.shape);
        Assert.Equal(ScalarType.Float32, single.dtype);

        var doubles = singles.Select(x => x.to_type(ScalarType.Float64)).ToArray();
        var expected = reference(doubles);
        Numerics.AssertClose(expected, layer.Call(doubles), 1e-12, "float64 output vs the reference");
        Numerics.AssertClose(expected, single.to_type(ScalarType.Float64), 1e-5, "float32 output vs the reference");
        Numerics.AssertClose(layer.Call(doubles), layer.forward(doubles), 0, "forward vs Call");
        Gradients(layer, doubles);
    }

    private static void Gradients(MergeLayer layer, Tensor[] inputs)
    {
        var xs = inputs.Select(x => x.clone().requires_grad_(true)).ToArray();
        var projection = randn_like(layer.Call(xs).detach());
        double Loss() => (layer.Call(xs) * projection).sum().item<double>();
        (layer.Call(xs) * projection).sum().backward();
        for (var i = 0; i < xs.Length; i++)
        {
            var grad = xs[i].grad ?? throw new XunitException($"autograd gave no gradient for input {i}");
            GradientCheck.CheckEntries($"input {i}", xs[i], grad.detach().clone(), Loss);
        }
    }
}
