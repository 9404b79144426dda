using System.Collections.Generic;
using StaticKeras.Optimizers;
using StaticKeras.Runtime.Tests.TestSupport;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Optimizers;

/// <summary>
/// Runs an optimizer for three steps on one float64 parameter w0 = [1, -2, 3] with fixed gradients
/// and compares each step with Keras' rule computed by hand in double precision (the formulas are
/// in each test; the numbers were produced once with python3 in float64).
/// </summary>
internal static class OptimizerHarness
{
    public static readonly double[] InitialWeights = [1.0, -2.0, 3.0];

    public static readonly double[][] Gradients =
    [
        [0.5, -1.0, 2.0],
        [0.1, 0.2, -0.3],
        [-0.4, 0.0, 1.5],
    ];

    public static void AssertSteps(KerasOptimizer optimizer, IReadOnlyList<double[]> expected, double tolerance = 1e-12)
    {
        var w = new Parameter(tensor(InitialWeights, dtype: ScalarType.Float64));
        optimizer.Build([w]);
        for (var step = 0; step < expected.Count; step++)
        {
            w.grad = tensor(Gradients[step], dtype: ScalarType.Float64);
            optimizer.Step();
            Approx.Equal(expected[step], w, tolerance);
            Xunit.Assert.Equal(step + 1, optimizer.Iterations);
        }
    }
}
