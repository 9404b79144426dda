using System;
using System.Linq;
using StaticKeras.Generator.Model;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Inference;

/// <summary>Every branch of the loss-against-output checks (STK2001, STK2002).</summary>
public sealed class LossChecksTests
{
    private static string[] Ids(ModelSpec spec) => spec.Infer().Diagnostics.Select(d => d.Id).ToArray();

    private static ModelSpec Model(int units, ActivationKind activation) =>
        ModelSpec.Sequential().Input(20).Dense("output", units, activation);

    [Theory]
    [InlineData("SparseCategoricalCrossentropy")]
    [InlineData("CategoricalCrossentropy")]
    public void CategoricalLossesNeedTwoClasses(string lossName)
    {
        var loss = Enum.Parse<LossKind>(lossName);
        Assert.Equal(["STK2001"], Ids(Model(1, ActivationKind.Sigmoid).Compile(OptimizerKind.Adam, loss)));
        Assert.Empty(Ids(Model(2, ActivationKind.Softmax).Compile(OptimizerKind.Adam, loss)));
    }

    [Fact]
    public void BinaryLossRejectsASoftmaxOverSeveralUnits()
    {
        var model = Model(10, ActivationKind.Softmax).Compile(OptimizerKind.Adam, LossKind.BinaryCrossentropy).Infer();

        var diagnostic = Assert.Single(model.Diagnostics);
        Assert.Equal("STK2001", diagnostic.Id);
        Assert.Equal(model.Declaration.Compile!.LossLocation, diagnostic.Location);
    }

    [Theory]
    [InlineData(10, "Sigmoid")]
    [InlineData(10, "Linear")]
    [InlineData(1, "Softmax")]
    public void BinaryLossAcceptsIndependentUnits(int units, string activation) =>
        Assert.DoesNotContain("STK2001", Ids(Model(units, Enum.Parse<ActivationKind>(activation)).Compile(OptimizerKind.Adam, LossKind.BinaryCrossentropy)));

    [Theory]
    [InlineData("Softmax", "CategoricalCrossentropy")]
    [InlineData("Sigmoid", "BinaryCrossentropy")]
    public void FromLogitsOnProbabilitiesWarnsAtTheFromLogitsArgument(string activationName, string loss)
    {
        var activation = Enum.Parse<ActivationKind>(activationName);
        var model = Model(2, activation).Compile(OptimizerKind.Adam, Enum.Parse<LossKind>(loss), fromLogits: true).Infer();

        var diagnostic = Assert.Single(model.Diagnostics);
        Assert.Equal("STK2002", diagnostic.Id);
        Assert.Equal(model.Declaration.Compile!.FromLogitsLocation, diagnostic.Location);
        Assert.Equal([activation.ToString().ToLowerInvariant(), "Dense", "output"], diagnostic.Arguments);
    }

    [Theory]
    [InlineData("Linear", "SparseCategoricalCrossentropy")]
    [InlineData("Relu", "CategoricalCrossentropy")]
    [InlineData("Softmax", "MeanSquaredError")]
    public void FromLogitsIsFineOnLogitsAndIgnoredByMeanSquaredError(string activation, string loss) =>
        Assert.Empty(Ids(Model(2, Enum.Parse<ActivationKind>(activation)).Compile(OptimizerKind.Adam, Enum.Parse<LossKind>(loss), fromLogits: true)));

    [Fact]
    public void OutputActivationComesFromAnActivationLayer() =>
        Assert.Equal(["STK2002"], Ids(Model(4, ActivationKind.Linear).Activation("probabilities", ActivationKind.Softmax)
            .Compile(OptimizerKind.Adam, LossKind.CategoricalCrossentropy, fromLogits: true)));

    [Fact]
    public void UnknownClassCountIsNotChecked() =>
        Assert.Empty(Ids(ModelSpec.Sequential().Input("h", 4).Flatten().Compile(OptimizerKind.Adam, LossKind.SparseCategoricalCrossentropy)));
}
