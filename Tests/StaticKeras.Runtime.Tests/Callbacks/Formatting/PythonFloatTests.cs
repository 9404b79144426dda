using StaticKeras.Callbacks.Formatting;
using Xunit;

namespace StaticKeras.Runtime.Tests.Callbacks.Formatting;

/// <summary>repr(x) as CPython 3 prints it (expected strings taken from CPython).</summary>
public class PythonFloatTests
{
    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(1.0, "1.0")]
    [InlineData(100.0, "100.0")]
    [InlineData(1e-05, "1e-05")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1.5e16, "1.5e+16")]
    [InlineData(1e22, "1e+22")]
    [InlineData(1234567890123456.0, "1234567890123456.0")]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(0.0010000000474974513, "0.0010000000474974513")]
    [InlineData(0.00010000000474974513, "0.00010000000474974513")]
    [InlineData(0.3520999848842621, "0.3520999848842621")]
    [InlineData(double.NaN, "nan")]
    [InlineData(double.NegativeInfinity, "-inf")]
    [InlineData(double.PositiveInfinity, "inf")]
    public void ReprMatchesCPython(double value, string expected) => Assert.Equal(expected, PythonFloat.Repr(value));
}
