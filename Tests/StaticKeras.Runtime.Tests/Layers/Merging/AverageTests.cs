using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using Xunit;

namespace StaticKeras.Runtime.Tests.Layers.Merging;

public sealed class AverageTests
{
    [Fact]
    public void Conforms() =>
        MergeConformance.Check(() => new Average(), "Average", [[2, 5], [2, 5], [2, 5]], [2, 5], xs => (xs[0] + xs[1] + xs[2]) / 3);

    [Fact]
    public void ConformsWhenBroadcasting() =>
        MergeConformance.Check(
            () => new Average(), "Average", [[2, 4, 3], [2, 3]], [2, 4, 3], xs => (xs[0] + xs[1].unsqueeze(1).expand(2, 4, 3)) * 0.5);

    [Fact]
    public void AveragesEntryByEntry()
    {
        var a = Numerics.Doubles([1, 2], 1, 2);
        var b = Numerics.Doubles([3, 6], 1, 2);
        var c = Numerics.Doubles([5, 1], 1, 2);
        Numerics.AssertClose(Numerics.Doubles([3, 3], 1, 2), new Average().Call(a, b, c), 0, "(a + b + c) / 3");
        Numerics.AssertClose(Numerics.Doubles([2, 4], 1, 2), new Average().Call(a, b), 0, "(a + b) / 2");
    }
}
