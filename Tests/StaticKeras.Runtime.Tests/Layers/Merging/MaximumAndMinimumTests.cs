using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers.Merging;

public sealed class MaximumAndMinimumTests
{
    private static Tensor Larger(Tensor a, Tensor b) => where(a > b, a, b);

    private static Tensor Smaller(Tensor a, Tensor b) => where(a < b, a, b);

    [Fact]
    public void MaximumConforms() =>
        MergeConformance.Check(() => new Maximum(), "Maximum", [[3, 4], [3, 4], [3, 4]], [3, 4], xs => Larger(Larger(xs[0], xs[1]), xs[2]));

    [Fact]
    public void MinimumConforms() =>
        MergeConformance.Check(() => new Minimum(), "Minimum", [[3, 4], [3, 4], [3, 4]], [3, 4], xs => Smaller(Smaller(xs[0], xs[1]), xs[2]));

    [Fact]
    public void BothConformWhenBroadcasting()
    {
        MergeConformance.Check(() => new Maximum(), "Maximum", [[2, 3, 4], [2, 4]], [2, 3, 4], xs => Larger(xs[0], xs[1].unsqueeze(1)));
        MergeConformance.Check(() => new Minimum(), "Minimum", [[2, 3, 1], [2, 3, 4]], [2, 3, 4], xs => Smaller(xs[0], xs[1]));
    }

    [Fact]
    public void PickTheLargestAndTheSmallestEntry()
    {
        var a = Numerics.Doubles([1, 5, -2], 1, 3);
        var b = Numerics.Doubles([3, 0, -1], 1, 3);
        var c = Numerics.Doubles([2, 2, -3], 1, 3);
        Numerics.AssertClose(Numerics.Doubles([3, 5, -1], 1, 3), new Maximum().Call(a, b, c), 0, "maximum");
        Numerics.AssertClose(Numerics.Doubles([1, 0, -3], 1, 3), new Minimum().Call(a, b, c), 0, "minimum");
    }
}
