using System;
using StaticKeras.Callbacks.Formatting;
using Xunit;

namespace StaticKeras.Runtime.Tests.Callbacks.Formatting;

/// <summary>format(value, spec) against CPython's output for the same arguments.</summary>
public class PythonFormatSpecTests
{
    [Theory]
    [InlineData(2.675, ".2f", "2.67")]          // the double is 2.67499999...
    [InlineData(0.125, ".2f", "0.12")]          // exact tie: to even
    [InlineData(0.375, ".2f", "0.38")]
    [InlineData(0.5, ".0f", "0")]
    [InlineData(1.5, ".0f", "2")]
    [InlineData(2.5, ".0f", "2")]
    [InlineData(0.35209998, ".4f", "0.3521")]
    [InlineData(1234.5, ".3e", "1.234e+03")]
    [InlineData(9.9999, ".2e", "1.00e+01")]
    [InlineData(0.0, ".2e", "0.00e+00")]
    [InlineData(5.0, "E", "5.000000E+00")]
    [InlineData(1e-7, "g", "1e-07")]
    [InlineData(0.0001, "g", "0.0001")]
    [InlineData(123456789.0, "g", "1.23457e+08")]
    [InlineData(100000.0, "g", "100000")]
    [InlineData(1000000.0, "g", "1e+06")]
    [InlineData(2.0, "g", "2")]
    [InlineData(1e-5, ".2g", "1e-05")]
    [InlineData(0.000123456, ".3g", "0.000123")]
    [InlineData(1e100, ".3G", "1E+100")]
    [InlineData(1.0, "#g", "1.00000")]
    [InlineData(0.5, ".3", "0.5")]
    [InlineData(12.0, ".3", "12.0")]
    [InlineData(123.0, ".3", "1.23e+02")]
    [InlineData(1e10, ".3", "1e+10")]
    [InlineData(0.1, "", "0.1")]
    [InlineData(-1.5, "08.2f", "-0001.50")]
    [InlineData(1.5, "+.1f", "+1.5")]
    [InlineData(1.5, " .1f", " 1.5")]
    [InlineData(1.5, "*^9.2f", "**1.50***")]
    [InlineData(1.5, "<8.2f", "1.50    ")]
    [InlineData(0.25, "%", "25.000000%")]
    [InlineData(0.25, ".1%", "25.0%")]
    [InlineData(1234567.891, ",.2f", "1,234,567.89")]
    [InlineData(double.NaN, ".2f", "nan")]
    [InlineData(double.PositiveInfinity, "e", "inf")]
    [InlineData(double.NegativeInfinity, "F", "-INF")]
    [InlineData(5e-324, ".3e", "4.941e-324")]      // subnormal: exact expansion
    [InlineData(1e-320, "g", "9.99989e-321")]
    [InlineData(1e22, ".1f", "10000000000000000000000.0")]
    [InlineData(1.7976931348623157e308, ".0e", "2e+308")]
    [InlineData(-0.0, ".2f", "-0.00")]
    [InlineData(-1e-10, ".2f", "-0.00")]
    [InlineData(0.0, "g", "0")]
    [InlineData(0.0, "", "0.0")]
    [InlineData(0.0, ".3", "0.0")]
    [InlineData(123.456, "10.4g", "     123.5")]
    [InlineData(-5.0, "=+8.1f", "-    5.0")]
    [InlineData(9.5, ".0f", "10")]
    [InlineData(0.05, ".1f", "0.1")]               // 0.05 is slightly above 1/20
    [InlineData(999999.5, "g", "1e+06")]           // rounding carries into a new digit
    public void FloatsMatchCPython(double value, string spec, string expected) =>
        Assert.Equal(expected, PythonFormatSpec.Format(value, spec));

    [Theory]
    [InlineData(3, "02d", "03")]
    [InlineData(3, "", "3")]
    [InlineData(-3, "04d", "-003")]
    [InlineData(255, "x", "ff")]
    [InlineData(255, "#X", "0XFF")]
    [InlineData(5, "#b", "0b101")]
    [InlineData(8, "o", "10")]
    [InlineData(1234567, ",", "1,234,567")]
    [InlineData(1234567, "_d", "1_234_567")]
    [InlineData(3, ".2f", "3.00")]
    [InlineData(3, "e", "3.000000e+00")]
    [InlineData(3, ">5", "    3")]
    [InlineData(3, "<5", "3    ")]
    [InlineData(3, "^5", "  3  ")]
    [InlineData(3, "+d", "+3")]
    [InlineData(3, "%", "300.000000%")]
    [InlineData(3, "x<4", "3xxx")]
    [InlineData(3, "<03", "300")]
    public void IntegersMatchCPython(long value, string spec, string expected) =>
        Assert.Equal(expected, PythonFormatSpec.Format(value, spec));

    [Fact]
    public void ErrorsUsePythonsWording()
    {
        Assert.Equal("Precision not allowed in integer format specifier",
            Assert.Throws<FormatException>(() => PythonFormatSpec.Format(3L, ".2d")).Message);
        Assert.Equal("Unknown format code 'd' for object of type 'float'",
            Assert.Throws<FormatException>(() => PythonFormatSpec.Format(1.5, "d")).Message);
        Assert.Equal("Unknown format code 'q' for object of type 'int'",
            Assert.Throws<FormatException>(() => PythonFormatSpec.Format(3L, "q")).Message);
        Assert.Equal("Invalid format specifier '5.5.5' for object of type 'int'",
            Assert.Throws<FormatException>(() => PythonFormatSpec.Format(3L, "5.5.5")).Message);
    }
}
