using StaticKeras.Generator.Common;
using Xunit;

namespace StaticKeras.Generator.Tests.Common;

public sealed class EquatableArrayTests
{
    [Fact]
    public void EqualElementsMakeEqualArrays()
    {
        var a = EquatableArray.Of("x", "y");
        var b = new[] { "x", "y" }.ToEquatableArray();

        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a.Equals((object)b));
    }

    [Fact]
    public void DifferentElementsOrLengthsDiffer()
    {
        Assert.True(EquatableArray.Of(1, 2) != EquatableArray.Of(2, 1));
        Assert.NotEqual(EquatableArray.Of(1, 2), EquatableArray.Of(1, 2, 3));
    }

    [Fact]
    public void DefaultIsEmptyAndEqualToAnEmptyArray()
    {
        var empty = EquatableArray<string>.Empty;

        Assert.True(empty.Count == 0);
        Assert.Empty(empty);
        Assert.Equal(EquatableArray.Of<string>(), empty);
    }

    [Fact]
    public void CopiesItsInput()
    {
        var items = new[] { 1, 2 };
        var array = items.ToEquatableArray();
        items[0] = 9;

        Assert.Equal(1, array[0]);
    }
}
