using StaticKeras.Generator.Common;
using StaticKeras.Generator.Emit;
using Xunit;

namespace StaticKeras.Generator.Tests.Emit;

/// <summary>Literals, numbers and memory sizes as generated code and Keras' summary write them.</summary>
public sealed class TextFormattingTests
{
    [Fact]
    public void StringLiteralsEscapeQuotesBackslashesAndControlCharacters() =>
        Assert.Equal("\"Model: \\\"M\\\"\\n\\\\ \\t\\u0001┃\"", Literals.String("Model: \"M\"\n\\ \t\u0001┃"));

    [Fact]
    public void XmlTextEscapesAmpersandAndLessThan() =>
        Assert.Equal("a &amp;&lt; b -> c", Literals.Xml("a &< b -> c"));

    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(0.2, "0.2")]
    [InlineData(-0.1, "-0.1")]
    [InlineData(1e-5, "1E-05")]
    [InlineData(0.0, "0.0")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void DoublesAlwaysLookLikeDoubles(double value, string expected) => Assert.Equal(expected, Formatting.Double(value));

    [Theory]
    [InlineData(0, "0")]
    [InlineData(1290, "1,290")]
    [InlineData(1234567, "1,234,567")]
    public void ThousandsSeparatorsAsPythonWritesThem(long value, string expected) => Assert.Equal(expected, Formatting.Thousands(value));

    // Expected values from Keras' readable_memory_size, run in Python.
    [Theory]
    [InlineData(0, "0.00 B")]
    [InlineData(4, "4.00 B")]
    [InlineData(1023, "1023.00 B")]
    [InlineData(1024, "1.00 KB")]
    [InlineData(1152, "1.12 KB")]
    [InlineData(1408, "1.38 KB")]
    [InlineData(407080, "397.54 KB")]
    [InlineData(4000000, "3.81 MB")]
    [InlineData(4194300, "4.00 MB")]
    [InlineData(5497558138880, "5.00 TB")]
    [InlineData(3377699720527872, "3.00 PB")]
    public void MemorySizesMatchKeras(long bytes, string expected) => Assert.Equal(expected, MemorySize.Readable(bytes));
}
