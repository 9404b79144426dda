using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using Xunit;

namespace StaticKeras.Runtime.Tests.Layers.Merging;

public sealed class MultiplyTests
{
    [Fact]
    public void Conforms() =>
        MergeConformance.Check(() => new Multiply(), "Multiply", [[2, 3, 4], [2, 3, 4], [2, 3, 4]], [2, 3, 4], xs => xs[0] * xs[1] * xs[2]);

    [Fact]
    public void ConformsWhenBroadcasting() =>
        MergeConformance.Check(
            () => new Multiply(), "Multiply", [[2, 3, 1], [2, 1, 4]], [2, 3, 4], xs => xs[0].expand(2, 3, 4) * xs[1].expand(2, 3, 4));

    [Fact]
    public void MultipliesEntryByEntry()
    {
        var a = Numerics.Doubles([1, 2, 3], 1, 3);
        var b = Numerics.Doubles([2, 2, 2], 1, 3);
        var c = Numerics.Doubles([0.5, 1, -1], 1, 3);
        Numerics.AssertClose(Numerics.Doubles([1, 4, -6], 1, 3), new Multiply().Call(a, b, c), 0, "a * b * c");
    }

    [Fact]
    public void ASizeOfOneScalesAWholeAxis()
    {
        // A per-sample gate of shape (batch, 1) scales every feature of its sample.
        var features = Numerics.Doubles([1, 2, 3, 4, 5, 6], 2, 3);
        var gate = Numerics.Doubles([10, -1], 2, 1);
        Numerics.AssertClose(Numerics.Doubles([10, 20, 30, -4, -5, -6], 2, 3), new Multiply().Call(features, gate), 0, "gated");
    }
}
