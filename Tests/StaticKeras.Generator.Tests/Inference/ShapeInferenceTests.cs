using System.Linq;
using StaticKeras.Generator.Diagnostics;
using StaticKeras.Generator.Model;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Inference;

/// <summary>Shape inference on hand-built declarations: how far it goes, and what it reports.</summary>
public sealed class ShapeInferenceTests
{
    [Fact]
    public void InfersEveryLayerFromInputToOutput()
    {
        var model = ModelSpec.Sequential().Flatten().Dense("hidden", 128, ActivationKind.Relu).Dropout("drop", 0.2).Dense("output", 10, ActivationKind.Softmax).Infer();

        Assert.True(model.IsComplete);
        Assert.Equal(
            ["(batch, 784)", "(batch, 128)", "(batch, 128)", "(batch, 10)"],
            model.Nodes.Select(s => s.Output.ToString()));
        Assert.Equal([0L, 100_480, 0, 1_290], model.Nodes.Select(s => s.ParameterCount));
        Assert.Equal(TestShapes.Of(784), model.Nodes[1].Inputs[0]);
        Assert.Equal(TestShapes.Of(10), model.ShapeOf(model.Graph.Outputs[0].Value));
        Assert.Empty(model.Diagnostics);
    }

    [Fact]
    public void StopsAtTheFirstShapeErrorAndReportsItAtTheLayer()
    {
        var spec = ModelSpec.Sequential().Input("time", "features");
        var model = spec.Dense("first", 10).Dense("second", 5).Infer();

        var diagnostic = Assert.Single(model.Diagnostics);
        Assert.Equal("STK1001", diagnostic.Id);
        Assert.Equal(["Dense", "first", "(batch, time, features)"], diagnostic.Arguments);
        Assert.Equal(model.Declaration.Layers[0].Location, diagnostic.Location);
        Assert.Empty(model.Nodes);
        Assert.False(model.IsComplete);
        Assert.Equal("STK1001", model.ErrorSummary);
    }

    [Fact]
    public void RankErrorNamesTheRequiredRank()
    {
        var model = ModelSpec.Sequential().Input().Dense("hidden", 10).Infer();

        Assert.Equal(["Dense", "hidden", "2", "(batch)"], Assert.Single(model.Diagnostics).Arguments);
    }

    [Fact]
    public void StopsSilentlyAtAnUnresolvedLayer()
    {
        var model = ModelSpec.Sequential().Flatten().Unresolved("hidden").Dense("output", 10).Infer();

        Assert.Single(model.Nodes);
        Assert.Empty(model.Diagnostics);
        Assert.False(model.IsComplete);
        Assert.Equal("layer 'hidden' does not compile", model.ErrorSummary);
    }

    [Fact]
    public void NothingIsInferredWithoutAnInput()
    {
        var model = ModelSpec.Sequential().Input(null).Dense("output", 10).Reported(DiagnosticDescriptors.MissingInput, "Mlp").Infer();

        Assert.Empty(model.Nodes);
        Assert.Equal("STK0002", model.ErrorSummary);
    }

    [Fact]
    public void NothingIsInferredWhenTheClassCannotBeGenerated()
    {
        var model = ModelSpec.Sequential().Dense("output", 10).CannotGenerate().Infer();

        Assert.Empty(model.Nodes);
        Assert.False(model.IsComplete);
    }

    [Fact]
    public void WarningsDoNotMakeTheModelIncomplete()
    {
        var model = ModelSpec.Sequential().Flatten().Dense("output", 10, ActivationKind.Softmax)
            .Compile(OptimizerKind.Adam, LossKind.SparseCategoricalCrossentropy, fromLogits: true).Infer();

        Assert.Equal("STK2002", Assert.Single(model.Diagnostics).Id);
        Assert.True(model.IsComplete);
    }

    [Fact]
    public void LossIsCheckedOnlyWhenEveryLayerIsInferred()
    {
        var model = ModelSpec.Sequential().Flatten().Unresolved("hidden").Dense("output", 1)
            .Compile(OptimizerKind.Adam, LossKind.SparseCategoricalCrossentropy).Infer();

        Assert.Empty(model.Diagnostics);
    }

    [Fact]
    public void ReadingDiagnosticsComeFirst()
    {
        var model = ModelSpec.Sequential().Reported(DiagnosticDescriptors.NoLayers, "Mlp").Infer();

        Assert.Equal(["STK0007"], model.Diagnostics.Select(d => d.Id));
        Assert.Equal("STK0007", model.ErrorSummary);
    }
}
