using System;
using StaticKeras.Layers;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Backward;

public sealed class MergeBackwardTests
{
    public static TheoryData<string, long[][]> Shapes => new()
    {
        { "equal shapes", [[3, 4, 5], [3, 4, 5], [3, 4, 5]] },
        { "size-1 axes broadcast", [[3, 4, 5], [3, 1, 5], [3, 4, 1]] },
        { "ranks align from the right", [[3, 4, 5], [3, 5], [3, 1, 1]] },
        { "two inputs", [[2, 6], [2, 6]] },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void ElementwiseMergesMatchAutograd(string name, long[][] shapes)
    {
        random.manual_seed(61);
        var inputs = Array.ConvertAll(shapes, s => randn(s, ScalarType.Float64));
        ElementwiseMerge[] layers = [new Add(), new Average(), new Multiply(), new Maximum(), new Minimum()];
        foreach (var layer in layers)
        {
            try
            {
                BackwardCheck.Merge(layer, inputs, layer.Backward);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"{layer.GetName()} on {name}: {e.Message}");
            }
        }

        if (shapes.Length == 2)
        {
            var subtract = new Subtract();
            BackwardCheck.Merge(subtract, inputs, subtract.Backward);
        }
    }

    [Fact]
    public void SubtractBroadcasts()
    {
        random.manual_seed(62);
        var subtract = new Subtract();
        BackwardCheck.Merge(subtract, [randn(2, 3, 4, ScalarType.Float64), randn(2, 4, ScalarType.Float64)], subtract.Backward);
    }

    [Fact]
    public void MaximumAndMinimumSplitTiesAsAutogradDoes()
    {
        var a = tensor(new double[] { 1, 2, 3, 4 }).reshape(1, 4);
        var b = tensor(new double[] { 1, 5, 3, 0 }).reshape(1, 4);
        var c = tensor(new double[] { 1, 5, 2, 4 }).reshape(1, 4);
        BackwardCheck.Merge(new Maximum(), [a, b, c], new Maximum().Backward);
        BackwardCheck.Merge(new Minimum(), [a, b, c], new Minimum().Backward);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    [InlineData(2)]
    public void ConcatenateMatchesAutograd(int axis)
    {
        random.manual_seed(63);
        long[] Shape(long size) => axis switch { 1 => [2, size, 4, 3], 2 => [2, 5, size, 3], _ => [2, 5, 4, size] };
        var concatenate = new Concatenate(axis);
        BackwardCheck.Merge(concatenate, [randn(Shape(1), ScalarType.Float64), randn(Shape(3), ScalarType.Float64), randn(Shape(2), ScalarType.Float64)], concatenate.Backward);
    }
}
