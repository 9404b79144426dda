using System;
using System.Linq;
using StaticKeras.Layers;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers.Conformance;

/// <summary>
/// The checks every built-in layer passes: output shapes, Keras parameter counts and weight names,
/// values against an independent reference, gradients against finite differences in double
/// precision, training versus inference, and a state_dict round trip.
/// </summary>
public static class LayerConformance
{
    /// <summary>Runs every check on <paramref name="spec"/>.</summary>
    public static void Check(LayerSpec spec)
    {
        using var scope = NewDisposeScope();
        random.manual_seed(1234);
        OutputShapes(spec);
        ParameterCounts(spec);
        Values(spec);
        GradientCheck.Run(spec, Double(spec));
        TrainingVersusInference(spec);
        StateDictRoundTrip(spec);
    }

    /// <summary>A built, perturbed layer converted to float64.</summary>
    public static Layer Double(LayerSpec spec)
    {
        var layer = Built(spec);
        layer.to(ScalarType.Float64);
        return layer;
    }

    /// <summary>A built layer (float32) with the spec's perturbation applied.</summary>
    public static Layer Built(LayerSpec spec)
    {
        var layer = spec.Create();
        layer.Build(spec.BuildShape);
        if (spec.Perturb is not null)
        {
            using var noGrad = no_grad();
            spec.Perturb(layer);
        }

        return layer;
    }

    /// <summary>The first configured input shape, the one value checks use.</summary>
    public static Tensor FirstInput(LayerSpec spec, ScalarType dtype) => spec.MakeInput(spec.Shapes[0].Input, dtype);

    private static void OutputShapes(LayerSpec spec)
    {
        var layer = Built(spec);
        foreach (var (input, output) in spec.Shapes)
        {
            var y = spec.Invoke(layer, spec.MakeInput(input, ScalarType.Float32));
            Assert.Equal(output, y.shape);
            Assert.Equal(ScalarType.Float32, y.dtype);
        }

        // A layer built lazily by its first call, inside a step's DisposeScope, has the same
        // weights' shapes, and they outlive the scope.
        var lazy = spec.Create();
        using (NewDisposeScope())
        {
            spec.Invoke(lazy, spec.MakeInput(spec.Shapes[0].Input, ScalarType.Float32), training: true);
        }

        spec.Invoke(lazy, spec.MakeInput(spec.Shapes[0].Input, ScalarType.Float32));
        Assert.Equal(
            layer.state_dict().Select(p => (p.Key, string.Join(",", p.Value.shape))),
            lazy.state_dict().Select(p => (p.Key, string.Join(",", p.Value.shape))));
    }

    private static void ParameterCounts(LayerSpec spec)
    {
        var layer = Built(spec);
        long trainable = layer.parameters().Where(p => p.requires_grad).Sum(p => p.numel());
        long frozen = layer.parameters().Where(p => !p.requires_grad).Sum(p => p.numel())
            + layer.buffers().Sum(b => b.numel());
        Assert.Equal(spec.Trainable, trainable);
        Assert.Equal(spec.NonTrainable, frozen);
        Assert.Equal(spec.WeightNames, layer.state_dict().Keys.ToArray());
    }

    private static void Values(LayerSpec spec)
    {
        var layer = Double(spec);
        var x = FirstInput(spec, ScalarType.Float64);
        var expected = spec.Reference(layer, x);
        var actual = spec.Invoke(layer, x);
        Numerics.AssertClose(expected, actual, 1e-10, "inference output vs the reference");

        // float32 agrees with float64 to single precision.
        var single = Built(spec);
        single.load_state_dict(layer.state_dict().ToDictionary(p => p.Key, p => p.Value.to_type(ScalarType.Float32)));
        var x32 = x.is_floating_point() ? x.to_type(ScalarType.Float32) : x;
        Numerics.AssertClose(expected, spec.Invoke(single, x32).to_type(ScalarType.Float64), 1e-4, "float32 output vs the reference");
    }

    private static void TrainingVersusInference(LayerSpec spec)
    {
        var layer = Double(spec);
        var x = FirstInput(spec, ScalarType.Float64);
        if (spec.TrainingBehaviour is not null)
        {
            spec.TrainingBehaviour(layer, x);
            return;
        }

        var before = layer.state_dict().ToDictionary(p => p.Key, p => p.Value.clone());
        Numerics.AssertClose(spec.Invoke(layer, x, training: false), spec.Invoke(layer, x, training: true), 0, "training=true vs false");
        foreach (var (name, value) in layer.state_dict())
        {
            Numerics.AssertClose(before[name], value, 0, $"state '{name}' after a training call");
        }
    }

    private static void StateDictRoundTrip(LayerSpec spec)
    {
        var source = Built(spec);
        var target = spec.Create();
        target.Build(spec.BuildShape);
        var (missing, unexpected) = target.load_state_dict(source.state_dict());
        Assert.Empty(missing);
        Assert.Empty(unexpected);

        var x = FirstInput(spec, ScalarType.Float32);
        Numerics.AssertClose(spec.Invoke(source, x), spec.Invoke(target, x), 0, "output after a state_dict round trip");
        Numerics.AssertClose(spec.Invoke(source, x, training: true), spec.Invoke(target, x, training: true), 0, "training output after a round trip");
        var sourceState = source.state_dict();
        foreach (var (name, value) in target.state_dict())
        {
            Numerics.AssertClose(sourceState[name], value, 0, $"state '{name}' after a training call on both");
        }
    }
}
