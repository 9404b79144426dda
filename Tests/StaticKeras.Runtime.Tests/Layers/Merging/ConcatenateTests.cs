using System.Linq;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers.Merging;

public sealed class ConcatenateTests
{
    // Writes each input into its slice of a zero tensor: the concatenation without torch.cat.
    private static Tensor SideBySide(Tensor[] inputs, int axis)
    {
        var shape = inputs[0].shape.ToArray();
        shape[axis] = inputs.Sum(x => x.shape[axis]);
        var output = zeros(shape, inputs[0].dtype);
        long offset = 0;
        foreach (var x in inputs)
        {
            output.narrow(axis, offset, x.shape[axis]).copy_(x);
            offset += x.shape[axis];
        }

        return output;
    }

    [Fact]
    public void ConformsOnTheLastAxis() =>
        MergeConformance.Check(() => new Concatenate(), "Concatenate", [[2, 3, 4], [2, 3, 2], [2, 3, 1]], [2, 3, 7], xs => SideBySide(xs, 2));

    [Theory]
    [InlineData(1)]
    [InlineData(-2)]
    public void ConformsOnAnotherAxis(int axis) =>
        MergeConformance.Check(() => new Concatenate(axis), "Concatenate", [[2, 3, 4], [2, 1, 4]], [2, 4, 4], xs => SideBySide(xs, 1));

    [Fact]
    public void JoinsFeaturesByDefault()
    {
        var a = Numerics.Doubles([1, 2, 3, 4], 2, 2);
        var b = Numerics.Doubles([5, 6], 2, 1);
        var concat = new Concatenate();
        Assert.Equal(-1, concat.Axis);
        Numerics.AssertClose(Numerics.Doubles([1, 2, 5, 3, 4, 6], 2, 3), concat.Call(a, b), 0, "[a, b] on the last axis");
    }

    [Fact]
    public void JoinsStepsOnAxisOne()
    {
        var a = Numerics.Doubles([1, 2], 1, 1, 2);
        var b = Numerics.Doubles([3, 4, 5, 6], 1, 2, 2);
        Numerics.AssertClose(Numerics.Doubles([1, 2, 3, 4, 5, 6], 1, 3, 2), new Concatenate(axis: 1).Call(a, b), 0, "[a, b] on axis 1");
    }
}
