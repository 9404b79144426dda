using System.Collections.Generic;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Shapes;
using StaticKeras.Generator.Shapes.Signatures;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Shapes.Signatures;

public sealed class SignatureBinderTests
{
    private static readonly Dictionary<string, long> NoParameters = [];

    [Fact]
    public void EllipsisTakesTheLeadingDimensions()
    {
        var binding = Bind("..., d", TestShapes.Of("time", 28, 16));

        Assert.Equal([Dim.Named("time"), Dim.Known(28)], binding.Ellipsis);
        Assert.Equal(Dim.Known(16), binding["d"]);
        Assert.Equal("16 (axis 3)", binding.Source("d"));
    }

    [Fact]
    public void EllipsisInTheMiddle()
    {
        var binding = Bind("b, ..., d", TestShapes.Of(2, 3, 4, 5));

        Assert.Equal(Dim.Known(2), binding["b"]);
        Assert.Equal([Dim.Known(3), Dim.Known(4)], binding.Ellipsis);
        Assert.Equal(Dim.Known(5), binding["d"]);
    }

    [Fact]
    public void EllipsisMayMatchNothing()
    {
        var binding = Bind("..., d", TestShapes.Of(784));

        Assert.Empty(binding.Ellipsis);
        Assert.Equal(Dim.Known(784), binding["d"]);
    }

    [Fact]
    public void RankMustMatchWithoutEllipsis()
    {
        Assert.Equal(
            ContractViolation.Of(ContractViolationKind.Rank, "(batch, t, d)", "(batch, 784)", "3", "2"),
            Violation("t, d", TestShapes.Of(784)));
    }

    [Fact]
    public void RankMustReachTheFixedDimensionsWithEllipsis()
    {
        Assert.Equal(
            ContractViolation.Of(ContractViolationKind.Rank, "(batch, ..., t, d)", "(batch, 784)", "3 or more", "2"),
            Violation("..., t, d", TestShapes.Of(784)));
    }

    [Fact]
    public void RepeatedNameMustBindOneSize()
    {
        Assert.Equal(
            ContractViolation.Of(ContractViolationKind.Conflict, "(batch, d, d)", "(batch, 28, 30)", "d", "28 (axis 1)", "30 (axis 2)"),
            Violation("d, d", TestShapes.Of(28, 30)));
    }

    [Fact]
    public void ConstructorParameterMustEqualTheInputSize()
    {
        var (_, violation) = SignatureBinder.Bind(Parse("..., units"), TestShapes.Of(28), new Dictionary<string, long> { ["units"] = 64 });

        Assert.Equal(
            ContractViolation.Of(ContractViolationKind.Conflict, "(batch, ..., units)", "(batch, 28)", "units", "64 (constructor argument)", "28 (axis 1)"),
            violation);
    }

    [Fact]
    public void LiteralMustMatchAKnownSize()
    {
        Assert.Equal(
            ContractViolation.Of(ContractViolationKind.Size, "(batch, t, 3)", "(batch, 10, 4)", "2", "3", "4"),
            Violation("t, 3", TestShapes.Of(10, 4)));
    }

    [Fact]
    public void SymbolicAndUnknownSizesCannotConflict()
    {
        var binding = Bind("d, d, 3", TestShapes.Of("time", 28, null));

        Assert.Equal(Dim.Named("time"), binding["d"]);
    }

    [Fact]
    public void EvaluatesArithmeticOnKnownSizes()
    {
        var binding = Bind("..., d", TestShapes.Of(784));
        binding.Bind("units", Dim.Known(64), "64 (constructor argument)");

        Assert.Equal(Dim.Known(848), Evaluate("d + units", binding));
        Assert.Equal(Dim.Known(392), Evaluate("d / 2", binding));
        Assert.Equal(Dim.Known(1568), Evaluate("2 * d", binding));
        Assert.Equal(Dim.Known(360), Evaluate("(d - units) / 2", binding));
    }

    [Fact]
    public void InexactDivisionIsInvalid()
    {
        var binding = Bind("..., d", TestShapes.Of(784));

        Assert.Equal((null, "784 / 3"), SignatureEvaluator.Evaluate(Expression("d / 3"), binding));
    }

    [Fact]
    public void NonPositiveResultIsInvalid()
    {
        var binding = Bind("a, b", TestShapes.Of(4, 10));

        Assert.Equal((null, "4 - 10 = -6"), SignatureEvaluator.Evaluate(Expression("a - b"), binding));
    }

    [Fact]
    public void ANameKeepsItsSymbolAndArithmeticOnItIsUnknown()
    {
        var binding = Bind("t, d", TestShapes.Of("time", 16));

        Assert.Equal(Dim.Named("time"), Evaluate("t", binding));
        Assert.Equal(Dim.Unknown, Evaluate("2 * t", binding));
    }

    [Fact]
    public void CustomLayerRuleComputesOutputAndWeights()
    {
        var contract = new LayerContract(
            Parse("..., d"),
            Parse("..., units"),
            EquatableArray.Of(new WeightContract("W", Parse("d, units"), "RandomNormal"), new WeightContract("B", Parse("units"), "Zeros")));

        var result = CustomLayerRule.Apply(TestShapes.Of(784), contract, EquatableArray.Of(new ConstructorValue("units", 64)));

        Assert.Equal(TestShapes.Of(64), result.Output);
        Assert.Equal([WeightSpec.Of("W", 784, 64), WeightSpec.Of("B", 64)], result.Weights);
        Assert.Equal(50_240, result.ParameterCount);
    }

    [Fact]
    public void CustomLayerRuleNeedsKnownWeightSizes()
    {
        var contract = new LayerContract(Parse("t, d"), Parse("t, d"), EquatableArray.Of(new WeightContract("W", Parse("t, d"), "Zeros")));

        var result = CustomLayerRule.Apply(TestShapes.Of("time", 16), contract, EquatableArray<ConstructorValue>.Empty);

        Assert.Equal(ShapeErrorKind.ContractViolated, result.Error!.Kind);
        Assert.Equal(
            ContractViolation.Of(ContractViolationKind.UnknownSize, "W", "(t, d)", "t", "time", "(batch, time, 16)"),
            result.Error.Contract);
    }

    [Fact]
    public void CustomLayerRuleReportsInvalidOutputDimensions()
    {
        var contract = new LayerContract(Parse("..., d"), Parse("..., d / 3"), EquatableArray<WeightContract>.Empty);

        var result = CustomLayerRule.Apply(TestShapes.Of(784), contract, EquatableArray<ConstructorValue>.Empty);

        Assert.Equal(
            ContractViolation.Of(ContractViolationKind.InvalidSize, "output dimension 'd / 3'", "784 / 3"),
            result.Error!.Contract);
    }

    private static SignatureBinding Bind(string signature, Shape shape)
    {
        var (binding, violation) = SignatureBinder.Bind(Parse(signature), shape, NoParameters);
        Assert.Null(violation);
        return binding!;
    }

    private static ContractViolation? Violation(string signature, Shape shape) => SignatureBinder.Bind(Parse(signature), shape, NoParameters).Violation;

    private static Dim? Evaluate(string expression, SignatureBinding binding)
    {
        var (dim, invalid) = SignatureEvaluator.Evaluate(Expression(expression), binding);
        Assert.Null(invalid);
        return dim;
    }

    private static DimExpr Expression(string text) => Parse(text).Dims[0];

    private static ShapeSignature Parse(string text) => SignatureParser.Parse(text).Signature!;
}
