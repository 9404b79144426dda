using System;
using System.Collections.Generic;
using System.Linq;
using StaticKeras.Generator.Shapes;
using StaticKeras.Layers;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Generator.Tests.Shapes;

/// <summary>
/// The generator (netstandard2.0, which the runtime cannot reference) and the runtime each compute
/// Keras' window arithmetic. These tests run both over a grid of sizes, kernels, strides, dilations
/// and paddings and require the same answer: the formulas side by side (WindowArithmetic and
/// ConvTransposeRule against ConvArithmetic and Conv2DTranspose.OutputLength), and the shape rules
/// against the runtime layers actually run on a tensor (Conv1D, Conv2D, pooling, ZeroPadding2D).
/// </summary>
public sealed class WindowArithmeticAgreementTests
{
    private static readonly (PaddingKind Generator, Padding Runtime)[] Paddings =
        [(PaddingKind.Valid, Padding.Valid), (PaddingKind.Same, Padding.Same), (PaddingKind.Causal, Padding.Causal)];

    [Fact]
    public void OutputLengthFormulasAgree()
    {
        var mismatches = new List<string>();
        foreach (var (length, kernel, stride, dilation) in Grid(lengths: 12, kernels: 5, strides: 4, dilations: 3))
        {
            foreach (var (generator, runtime) in Paddings)
            {
                var rule = WindowArithmetic.Output(Dim.Known(length), kernel, stride, dilation, generator);
                var expected = ConvArithmetic.OutputLength(length, kernel, stride, dilation, runtime);
                // The runtime's length may be 0 or negative where the generator reports a window too large.
                var agree = rule is { } dim ? dim.IsKnown && dim.Size == expected : expected < 1;
                if (!agree || WindowArithmetic.Span(kernel, dilation) != ConvArithmetic.EffectiveSize(kernel, dilation))
                {
                    mismatches.Add($"n={length} k={kernel} s={stride} d={dilation} {runtime}: generator {rule?.ToString() ?? "too large"}, runtime {expected}");
                }
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void TransposedOutputLengthFormulasAgree()
    {
        var mismatches = new List<string>();
        foreach (var (length, kernel, stride, dilation) in Grid(lengths: 8, kernels: 4, strides: 3, dilations: 2))
        {
            foreach (var (generator, runtime) in Paddings.Take(2))
            {
                // Output padding must be below the stride; null lets Keras infer the size.
                foreach (var outputPadding in new int?[] { null }.Concat(Enumerable.Range(0, stride).Select(p => (int?)p)))
                {
                    if (stride > 1 && dilation > 1)
                    {
                        continue;   // Keras rejects the layer before any arithmetic
                    }

                    var rule = ConvTransposeRule.Output(Dim.Known(length), kernel, stride, dilation, generator, outputPadding);
                    var layer = new Conv2DTranspose(1, kernel, strides: stride, padding: runtime, outputPadding: outputPadding is { } p ? p : null, dilationRate: dilation);
                    var expected = layer.OutputLength(length, axis: 0);
                    // The generator reports an empty output (STK1011) where the runtime's length is below 1.
                    if (rule is { } dim ? !dim.IsKnown || dim.Size != expected : expected >= 1)
                    {
                        mismatches.Add($"n={length} k={kernel} s={stride} d={dilation} {runtime} outputPadding={outputPadding}: generator {rule}, runtime {expected}");
                    }
                }
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void ConvolutionRulesAgreeWithTheLayersOutputs()
    {
        using var scope = NewDisposeScope();
        var mismatches = new List<string>();
        foreach (var (length, kernel, stride, dilation) in Grid(lengths: 7, kernels: 3, strides: 2, dilations: 2).Where(c => c.Stride == 1 || c.Dilation == 1))
        {
            foreach (var (generator, runtime) in Paddings)
            {
                var spec = new ConvSpec(2, [kernel], [stride], [dilation], generator, 1, true);
                Compare(mismatches, $"Conv1D n={length} k={kernel} s={stride} d={dilation} {runtime}",
                    ConvRule.Apply(Shape.Of(length, 3), spec), () => new Conv1D(2, kernel, strides: stride, padding: runtime, dilationRate: dilation), [length, 3]);
                if (generator == PaddingKind.Causal)
                {
                    continue;   // causal padding is for one spatial axis only
                }

                var spec2D = new ConvSpec(2, [kernel, kernel], [stride, stride], [dilation, dilation], generator, 1, true);
                Compare(mismatches, $"Conv2D n={length}x{length + 2} k={kernel} s={stride} d={dilation} {runtime}",
                    ConvRule.Apply(Shape.Of(length, length + 2, 3), spec2D),
                    () => new Conv2D(2, kernel, strides: stride, padding: runtime, dilationRate: dilation), [length, length + 2, 3]);
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void PoolingAndPaddingRulesAgreeWithTheLayersOutputs()
    {
        using var scope = NewDisposeScope();
        var mismatches = new List<string>();
        foreach (var (length, pool, stride, _) in Grid(lengths: 7, kernels: 3, strides: 3, dilations: 1))
        {
            foreach (var (generator, runtime) in Paddings.Take(2))
            {
                Compare(mismatches, $"MaxPooling2D n={length} pool={pool} s={stride} {runtime}",
                    PoolingRule.Apply(Shape.Of(length, length + 1, 2), [pool, pool], [stride, stride], generator),
                    () => new MaxPooling2D(pool, stride, runtime), [length, length + 1, 2]);
                Compare(mismatches, $"AveragePooling1D n={length} pool={pool} s={stride} {runtime}",
                    PoolingRule.Apply(Shape.Of(length, 2), [pool], [stride], generator),
                    () => new AveragePooling1D(pool, stride, runtime), [length, 2]);
            }

            Compare(mismatches, $"ZeroPadding2D n={length} ({pool}, {stride})",
                ZeroPadding2DRule.Apply(Shape.Of(length, length, 1), pool, stride, stride, pool),
                () => new ZeroPadding2D((pool, stride), (stride, pool)), [length, length, 1]);
        }

        Assert.Empty(mismatches);
    }

    // The rule's output shape, or its error, against what the layer gives for a batch of 2.
    private static void Compare(List<string> mismatches, string what, ShapeResult rule, Func<Layer> create, long[] input)
    {
        long[]? actual;
        try
        {
            actual = create().Call(randn([2, .. input])).shape;
        }
        catch (ArgumentException)
        {
            actual = null;
        }

        long[]? expected = rule.Output is { } shape ? [2, .. shape.Dims.Select(d => d.Size)] : null;
        if (!(expected is null ? actual is null : actual is not null && expected.SequenceEqual(actual)))
        {
            mismatches.Add($"{what}: generator {(expected is null ? "error" : string.Join("x", expected))}, runtime {(actual is null ? "error" : string.Join("x", actual))}");
        }
    }

    private static IEnumerable<(int Length, int Kernel, int Stride, int Dilation)> Grid(int lengths, int kernels, int strides, int dilations) =>
        from length in Enumerable.Range(1, lengths)
        from kernel in Enumerable.Range(1, kernels)
        from stride in Enumerable.Range(1, strides)
        from dilation in Enumerable.Range(1, dilations)
        select (length, kernel, stride, dilation);
}
