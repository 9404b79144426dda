using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Backward;

/// <summary>
/// Checks an explicit backward kernel against autograd in float64: the input's gradient and every
/// weight's accumulated gradient within a relative error of 1e-10 (the largest difference over the
/// largest reference value).
/// </summary>
internal static class BackwardCheck
{
    public const double Tolerance = 1e-10;

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
}
