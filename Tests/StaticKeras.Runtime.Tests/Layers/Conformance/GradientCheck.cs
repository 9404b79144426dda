using System;
using System.Collections.Generic;
using System.Linq;
using StaticKeras.Layers;
using Xunit.Sdk;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers.Conformance;

/// <summary>
/// Compares TorchSharp autograd's gradients of a layer (in training mode, double precision)
/// against central finite differences, for the input and every weight, at a few sampled entries.
/// </summary>
public static class GradientCheck
{
    private const double Step = 1e-6;
    private const double Tolerance = 1e-6;
    private const int EntriesPerTensor = 4;

    /// <summary>Checks <paramref name="layer"/> (built, float64) on the spec's first input.</summary>
    public static void Run(LayerSpec spec, Layer layer)
    {
        var x = LayerConformance.FirstInput(spec, ScalarType.Float64);
        if (spec.InputHasGradient)
        {
            x.requires_grad_(true);
        }

        // A random projection makes the scalar loss depend on every output entry differently.
        var projection = randn_like(spec.Invoke(layer, x, training: true).detach());
        double Loss() => (spec.Invoke(layer, x, training: true) * projection).sum().item<double>();

        var loss = (spec.Invoke(layer, x, training: true) * projection).sum();
        loss.backward();

        var targets = new List<(string Name, Tensor Value)>(layer.named_parameters().Select(p => (p.name, (Tensor)p.parameter)));
        if (spec.InputHasGradient)
        {
            targets.Add(("input", x));
        }

        foreach (var (name, value) in targets)
        {
            var grad = value.grad ?? throw new XunitException($"autograd gave no gradient for '{name}'");
            CheckEntries(name, value, grad.detach().clone(), Loss);
        }
    }

    /// <summary>
    /// Checks autograd's gradient <paramref name="grad"/> of <paramref name="value"/> against central
    /// finite differences of <paramref name="loss"/> at a few sampled entries.
    /// </summary>
    public static void CheckEntries(string name, Tensor value, Tensor grad, Func<double> loss)
    {
        using var noGrad = no_grad();
        var flat = value.view(-1);
        var gradFlat = grad.reshape(-1);
        var picks = randperm(flat.numel()).narrow(0, 0, Math.Min(EntriesPerTensor, flat.numel())).data<long>().ToArray();
        foreach (long i in picks)
        {
            double original = flat[i].item<double>();
            flat[i].fill_(original + Step);
            double up = loss();
            flat[i].fill_(original - Step);
            double down = loss();
            flat[i].fill_(original);

            double numeric = (up - down) / (2 * Step);
            double analytic = gradFlat[i].item<double>();
            if (Math.Abs(numeric - analytic) > Tolerance * Math.Max(1.0, Math.Abs(analytic)))
            {
                throw new XunitException(
                    $"gradient of '{name}' at flat index {i}: autograd {analytic:G10}, finite differences {numeric:G10}.");
            }
        }
    }
}
