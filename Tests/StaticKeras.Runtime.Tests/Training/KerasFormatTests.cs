using StaticKeras.Training;
using Xunit;

namespace StaticKeras.Runtime.Tests.Training;

// Expected strings are what Python's % formats print for the same doubles.
public class KerasFormatTests
{
    [Theory]
    [InlineData(0.35214, "0.3521")]
    [InlineData(0.03125, "0.0312")]        // an exact tie rounds half to even, as Python
    [InlineData(0.15625, "0.1562")]
    [InlineData(-0.5, "-0.5000")]
    [InlineData(123456.789, "123456.7890")]
    [InlineData(0.001, "1.0000e-03")]       // not > 1e-3
    [InlineData(0.00012345, "1.2345e-04")]
    [InlineData(-0.0001, "-1.0000e-04")]
    [InlineData(0.0, "0.0000e+00")]
    [InlineData(double.NaN, "nan")]
    [InlineData(double.PositiveInfinity, "inf")]
    public void ValueUsesFourDecimalsOrScientificAtOrBelowOneThousandth(double value, string expected)
    {
        Assert.Equal(expected, KerasFormat.Value(value));
    }

    [Fact]
    public void ScientificHasAtLeastTwoExponentDigits()
    {
        Assert.Equal("1.2346e+120", KerasFormat.Scientific(1.23456e120, 4));
        Assert.Equal("9.9998e-05", KerasFormat.Scientific(9.99985e-05, 4));
    }

    [Fact]
    public void VerboseTwoLineComparesWithoutAbsoluteValue()
    {
        Assert.Equal("-5.0000e-01", KerasFormat.ValueLine(-0.5));
        Assert.Equal("0.5000", KerasFormat.ValueLine(0.5));
    }

    [Theory]
    [InlineData(0, " 0s/step")]
    [InlineData(2.4, " 2s/step")]
    [InlineData(1.5, " 2s/step")]
    [InlineData(0.0123, " 12ms/step")]
    [InlineData(0.00087, " 870us/step")]
    public void TimePerUnitPicksSecondsMillisecondsOrMicroseconds(double seconds, string expected)
    {
        Assert.Equal(expected, KerasFormat.TimePerUnit(seconds, "step"));
    }

    [Theory]
    [InlineData(3725.5, "1:02:05")]
    [InlineData(125.9, "2:05")]
    [InlineData(59.9, "59s")]
    [InlineData(0.4, "0s")]
    public void EtaAsKerasWritesIt(double seconds, string expected)
    {
        Assert.Equal(expected, KerasFormat.Eta(seconds));
    }
}
