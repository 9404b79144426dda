using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers.Merging;

public sealed class AddTests
{
    [Fact]
    public void Conforms() =>
        MergeConformance.Check(() => new Add(), "Add", [[3, 4, 5], [3, 4, 5], [3, 4, 5]], [3, 4, 5], xs => xs[0] + xs[1] + xs[2]);

    [Fact]
    public void ConformsWhenBroadcasting() =>
        MergeConformance.Check(
            () => new Add(), "Add", [[3, 4, 1], [3, 1, 5], [3, 5]], [3, 4, 5],
            xs => xs[0].expand(3, 4, 5) + xs[1].expand(3, 4, 5) + xs[2].reshape(3, 1, 5).expand(3, 4, 5));

    [Fact]
    public void SumsEntryByEntry()
    {
        var a = Numerics.Doubles([1, 2, 3, 4, 5, 6], 2, 3);
        var b = Numerics.Doubles([10, 20, 30, 40, 50, 60], 2, 3);
        Numerics.AssertClose(Numerics.Doubles([11, 22, 33, 44, 55, 66], 2, 3), new Add().Call(a, b), 0, "a + b");
    }

    [Fact]
    public void ALowerRankInputGainsAxesAfterTheBatchAsInKeras()
    {
        // (2, 2, 3) + (2, 3): Keras expands the second to (2, 1, 3), so each sample adds its own row to
        // both of its rows. Plain right-aligned broadcasting would add row i to row i of every sample.
        var a = arange(12, ScalarType.Float64).reshape(2, 2, 3);
        var b = Numerics.Doubles([100, 200, 300, 1000, 2000, 3000], 2, 3);
        var expected = Numerics.Doubles([100, 201, 302, 103, 204, 305, 1006, 2007, 3008, 1009, 2010, 3011], 2, 2, 3);
        Numerics.AssertClose(expected, new Add().Call(a, b), 0, "a + b expanded at axis 1");
        Numerics.AssertClose(expected, new Add().Call(b, a), 0, "b + a expanded at axis 1");
    }
}
