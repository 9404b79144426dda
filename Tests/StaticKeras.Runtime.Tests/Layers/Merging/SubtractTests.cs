using System;
using StaticKeras.Layers;
using StaticKeras.Runtime.Tests.Layers.Conformance;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Layers.Merging;

public sealed class SubtractTests
{
    [Fact]
    public void Conforms() =>
        MergeConformance.Check(() => new Subtract(), "Subtract", [[2, 3], [2, 3]], [2, 3], xs => xs[0] - xs[1]);

    [Fact]
    public void ConformsWhenBroadcasting() =>
        MergeConformance.Check(() => new Subtract(), "Subtract", [[2, 3], [2, 4, 3]], [2, 4, 3], xs => xs[0].unsqueeze(1) - xs[1]);

    [Fact]
    public void SubtractsTheSecondFromTheFirst()
    {
        var a = Numerics.Doubles([5, 7], 1, 2);
        var b = Numerics.Doubles([1, 10], 1, 2);
        Numerics.AssertClose(Numerics.Doubles([4, -3], 1, 2), new Subtract().Call(a, b), 0, "a - b");
        Numerics.AssertClose(Numerics.Doubles([-4, 3], 1, 2), new Subtract().Call(b, a), 0, "b - a");
    }

    [Fact]
    public void TakesExactlyTwoInputs()
    {
        var x = zeros(2, 3);
        Assert.Equal("Subtract needs exactly 2 inputs, found 3. (Parameter 'inputs')",
            Assert.Throws<ArgumentException>(() => new Subtract().Call(x, x, x)).Message);
        Assert.Equal("Subtract needs exactly 2 inputs, found 1. (Parameter 'inputs')",
            Assert.Throws<ArgumentException>(() => new Subtract().Call(x)).Message);
    }
}
