using System.Linq;
using StaticKeras.Generator.Shapes.Signatures;
using Xunit;

namespace StaticKeras.Generator.Tests.Shapes.Signatures;

public sealed class SignatureParserTests
{
    [Fact]
    public void EllipsisAndNames()
    {
        var signature = Parse("..., d");

        Assert.Equal([new DimEllipsis(0, 3), new DimName("d", 5, 1)], signature.Dims);
        Assert.Equal(0, signature.EllipsisIndex);
        Assert.Equal(1, signature.FixedRank);
        Assert.Equal("(batch, ..., d)", signature.ToString());
    }

    [Fact]
    public void ArithmeticFollowsPrecedenceAndKeepsSpans()
    {
        var signature = Parse("t, 2 * d + units, (d + units) / 2");

        var sum = Assert.IsType<DimBinary>(signature.Dims[1]);
        Assert.Equal('+', sum.Operator);
        Assert.Equal(new DimBinary('*', new DimLiteral(2, 3, 1), new DimName("d", 7, 1), 3, 5), sum.Left);
        Assert.Equal((3, 13), (sum.Start, sum.Length));
        var quotient = Assert.IsType<DimBinary>(signature.Dims[2]);
        Assert.Equal('/', quotient.Operator);
        Assert.Equal((18, 15), (quotient.Start, quotient.Length));
        Assert.Equal("(batch, t, 2 * d + units, (d + units) / 2)", signature.ToString());
    }

    [Fact]
    public void SubtractionIsLeftAssociative()
    {
        Assert.Equal("(batch, a - b - c, a - (b - c))", Parse("a - b - c, a - (b - c)").ToString());
    }

    [Fact]
    public void EmptySignatureHasNoDimensions()
    {
        Assert.Empty(Parse("  ").Dims);
        Assert.Equal("(batch)", Parse(string.Empty).ToString());
    }

    [Fact]
    public void WeightShapesWriteAsTuples()
    {
        Assert.Equal("(units,)", Parse("units").ToTupleString());
        Assert.Equal("(d, units)", Parse("d,units").ToTupleString());
    }

    [Theory]
    [InlineData("..., d +", 8, 0, "expected a name, a positive integer, '...' or '(', found the end")]
    [InlineData("d, , e", 3, 1, "expected a name, a positive integer, '...' or '(', found ','")]
    [InlineData("..., d, ...", 8, 3, "'...' may appear only once")]
    [InlineData("d, 0", 3, 1, "a size must be a positive integer, found 0")]
    [InlineData("d units", 2, 1, "expected ',' or the end, found 'u'")]
    [InlineData("(d + 1", 6, 0, "expected ')', found the end")]
    [InlineData("d; e", 1, 1, "expected ',' or the end, found ';'")]
    [InlineData("99999999999999999999", 0, 20, "a size must be a positive integer, found 99999999999999999999")]
    public void MalformedSignaturesPointAtTheCulprit(string text, int start, int length, string message)
    {
        var (signature, error) = SignatureParser.Parse(text);

        Assert.Null(signature);
        Assert.Equal(new SignatureError(start, length, message), error);
    }

    [Fact]
    public void ParsedSignaturesAreEquatable()
    {
        Assert.Equal(Parse("..., 2 * d"), Parse("..., 2 * d"));
        Assert.NotEqual(Parse("..., 2 * d"), Parse("..., 2 * e"));
    }

    [Fact]
    public void InputSignaturesHaveNoArithmetic()
    {
        Assert.Equal(
            new SignatureError(3, 5, "the Input signature binds sizes with names, positive integers and '...', found the expression 'd + 1'"),
            SignatureRules.CheckInput(Parse("t, d + 1")));
        Assert.Null(SignatureRules.CheckInput(Parse("..., t, 3")));
    }

    [Fact]
    public void OutputEllipsisNeedsAnInputEllipsis()
    {
        Assert.Equal(
            new SignatureError(0, 3, "'...' in the Output signature needs a '...' in the Input signature to take its dimensions from"),
            SignatureRules.CheckOutput(Parse("..., units"), Parse("t, d")));
        Assert.Null(SignatureRules.CheckOutput(Parse("..., units"), Parse("..., d")));
    }

    [Fact]
    public void WeightsListEveryDimension()
    {
        Assert.Equal(new SignatureError(3, 3, "a weight's shape must list every dimension, found '...'"), SignatureRules.CheckWeight(Parse("d, ...")));
    }

    [Fact]
    public void UnboundNamesAreThoseNeitherTheInputNorTheConstructorBinds()
    {
        var unbound = SignatureRules.Unbound(Parse("d, units * k + d"), Parse("..., d"), ["units"]).ToList();

        Assert.Equal([new DimName("k", 11, 1)], unbound);
    }

    private static ShapeSignature Parse(string text)
    {
        var (signature, error) = SignatureParser.Parse(text);
        Assert.Null(error);
        return signature!;
    }
}
