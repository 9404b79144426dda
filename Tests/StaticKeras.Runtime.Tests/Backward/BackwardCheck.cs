using System;
using System.Collections.Generic;
using System.Linq;
using StaticKeras.Layers;
using Xunit;
using Xunit.Sdk;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Backward;

/// <summary>A layer's explicit backward: <c>layer.Backward(gradOutput, input, output, into)</c>.</summary>
public delegate Tensor? LayerBackward(Tensor gradOutput, Tensor input, Tensor output, Tensor? into);

/// <summary>
/// Checks a layer's hand-written <c>Backward</c> against TorchSharp autograd in float64: dL/dinput and
/// every trainable weight's gradient to a relative error of 1e-10, weight gradients accumulated in
/// place (a second call doubles them, the <c>.grad</c> tensor object stays the same), the
/// <c>into</c> buffer honoured, and no autograd graph built. <see cref="Matches"/> is the lighter
/// form the Dense, activation and reshaping kernels use.
/// </summary>
public static class BackwardCheck
{
    /// <summary>The largest relative error accepted: max |explicit − autograd| / max |autograd|.</summary>
    public const double Tolerance = 1e-10;

    /// <summary>
    /// Runs every check on <paramref name="layer"/> (built, converted to float64) at <paramref name="input"/>.
    /// </summary>
    /// <param name="layer">The layer, float64.</param>
    /// <param name="input">A float64 input (or integer indices for Embedding).</param>
    /// <param name="backward">Calls the layer's Backward.</param>
    /// <param name="training">The training flag of the forward call both paths start from.</param>
    public static void Layer(Layer layer, Tensor input, LayerBackward backward, bool training = true)
    {
        using var scope = NewDisposeScope();
        bool inputGradient = input.is_floating_point();
        var weights = layer.parameters().Where(p => p.requires_grad).ToArray();

        // Autograd's reference, with a random projection so every output entry weighs differently.
        var x = input.detach().clone().requires_grad_(inputGradient);
        var y = layer.Call(x, training);
        var gradOutput = randn_like(y.detach());
        var sources = (inputGradient ? new Tensor[] { x } : []).Concat(weights).ToList();
        var expected = autograd.grad([y], sources, [gradOutput]);
        var expectedInput = inputGradient ? expected[0] : null;
        var expectedWeights = expected.Skip(inputGradient ? 1 : 0).ToArray();

        foreach (var w in weights)
        {
            w.grad = null;
        }

        var detachedInput = input.detach();
        var output = y.detach();
        var actualInput = backward(gradOutput, detachedInput, output, null);
        if (inputGradient)
        {
            Assert.NotNull(actualInput);
            Assert.False(actualInput!.requires_grad, "Backward returned a tensor that records an autograd graph");
            AssertRelative(expectedInput!, actualInput, "dL/dinput");
        }

        var buffers = weights.Select(w => w.grad ?? throw new XunitException($"Backward left no gradient in weight '{Name(layer, w)}'")).ToArray();
        for (int i = 0; i < weights.Length; i++)
        {
            AssertRelative(expectedWeights[i], buffers[i], $"dL/d{Name(layer, weights[i])}");
        }

        // A second call adds into the same buffers; `into` receives dL/dinput.
        var into = inputGradient ? full_like(input, double.NaN) : null;
        var second = backward(gradOutput, detachedInput, output, into);
        for (int i = 0; i < weights.Length; i++)
        {
            // The buffer read after the first call sees the sum: Backward added into it in place.
            AssertRelative(2 * expectedWeights[i], buffers[i], $"the first call's dL/d{Name(layer, weights[i])} buffer after two calls");
            AssertRelative(2 * expectedWeights[i], weights[i].grad!, $"dL/d{Name(layer, weights[i])} after two calls");
        }

        if (inputGradient)
        {
            // `into` started as NaN everywhere: it must now hold dL/dinput, and so must what Backward returned.
            AssertRelative(expectedInput!, into!, "dL/dinput written into 'into'");
            AssertRelative(expectedInput!, second!, "dL/dinput returned with 'into'");
        }
    }

    /// <summary>Checks a merge layer's Backward against autograd for every input.</summary>
    public static void Merge(MergeLayer layer, Tensor[] inputs, Func<Tensor, Tensor[], Tensor, Tensor[]> backward)
    {
        using var scope = NewDisposeScope();
        var xs = inputs.Select(x => x.detach().clone().requires_grad_(true)).ToArray();
        var y = layer.Call(xs);
        var gradOutput = randn_like(y.detach());
        var expected = autograd.grad([y], xs, [gradOutput]);
        var actual = backward(gradOutput, inputs.Select(x => x.detach()).ToArray(), y.detach());
        Assert.Equal(inputs.Length, actual.Length);
        for (int i = 0; i < inputs.Length; i++)
        {
            Assert.False(actual[i].requires_grad, "Backward returned a tensor that records an autograd graph");
            AssertRelative(expected[i], actual[i], $"dL/dinput {i}");
        }
    }

    /// <summary>
    /// Asserts equal shapes and max |actual − expected| ≤ <see cref="Tolerance"/> · max |expected|
    /// (an all-zero expectation must be matched exactly).
    /// </summary>
    public static void AssertRelative(Tensor expected, Tensor actual, string what)
    {
        Assert.True(expected.shape.SequenceEqual(actual.shape),
            $"{what}: shape ({string.Join(", ", actual.shape)}), expected ({string.Join(", ", expected.shape)})");
        using var scope = NewDisposeScope();
        var e = expected.detach().to_type(ScalarType.Float64);
        var a = actual.detach().to_type(ScalarType.Float64);
        double scale = e.numel() == 0 ? 0 : e.abs().max().item<double>();
        double worst = e.numel() == 0 ? 0 : (a - e).abs().max().item<double>();
        if (!(worst <= Tolerance * scale))
        {
            throw new XunitException($"{what}: differs from autograd by up to {worst:G6}, relative {worst / scale:G3} (tolerance {Tolerance:G3}).");
        }
    }

    /// <summary>
    /// Runs <paramref name="forward"/> under autograd from a random output gradient, then the
    /// explicit <paramref name="backward"/> (gradOutput, input, output) -> dL/dinput with zeroed
    /// weight gradients and no autograd, and compares.
    /// </summary>
    public static void Matches(nn.Module module, Tensor input, Func<Tensor, Tensor> forward, Func<Tensor, Tensor, Tensor, Tensor?> backward, string what)
    {
        foreach (var (_, weight) in module.named_parameters())
        {
            weight.grad?.zero_();
        }

        var x = input.to_type(ScalarType.Float64).detach().requires_grad_(true);
        var output = forward(x);
        var gradOutput = randn_like(output);
        output.backward([gradOutput]);
        var expectedInput = x.grad!.detach().clone();
        var weights = module.named_parameters().ToList();
        var expectedWeights = weights.Select(w => w.parameter.grad!.detach().clone()).ToList();

        foreach (var (_, weight) in weights)
        {
            weight.grad = zeros_like(weight);
        }

        using (no_grad())
        {
            var plain = x.detach();
            var actualInput = backward(gradOutput, plain, forward(plain));
            if (actualInput is not null)
            {
                AssertClose(expectedInput, actualInput, $"{what}: input gradient");
            }
        }

        for (var i = 0; i < weights.Count; i++)
        {
            AssertClose(expectedWeights[i], weights[i].parameter.grad!, $"{what}: gradient of {weights[i].name}");
        }
    }

    public static void AssertClose(Tensor expected, Tensor actual, string what)
    {
        Assert.Equal(expected.shape, actual.shape);
        var scale = Math.Max(expected.abs().max().item<double>(), 1e-300);
        var error = (actual.to_type(ScalarType.Float64) - expected).abs().max().item<double>() / scale;
        Assert.True(error <= Tolerance, $"{what} differs from autograd's by {error:G3} (relative)");
    }

    private static string Name(Layer layer, Tensor weight) =>
        layer.named_parameters().FirstOrDefault(p => p.parameter.Handle == weight.Handle).name ?? "weight";
}
