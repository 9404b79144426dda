using System.Linq;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Generation;

/// <summary>The whole generator on complete models: snapshots of every generated file, which must compile cleanly.</summary>
public sealed class SequentialGenerationTests
{
    [Fact]
    public void MnistMlp()
    {
        var run = GeneratorRunner.Run(ModelSource.MnistMlp().Build().Text).AssertClean();

        Assert.Equal("Samples.MnistMlp.g.cs", Assert.Single(run.Sources).HintName);
        run.VerifySources();
    }

    [Fact]
    public void SymbolicTimeDimensionWithSigmoidAndBinaryCrossentropy()
    {
        var source = ModelSource.Sequential("Tagger")
            .Input("\"time\", 16")
            .Compile("Optimizer.Sgd, Loss.BinaryCrossentropy, LearningRate = 0.05")
            .Layer("readonly Dense encode = new(8, Activation.Tanh);")
            .Layer("readonly Dense tag = new(1, Activation.Sigmoid);");

        GeneratorRunner.Run(source.Build().Text).AssertClean().VerifySources();
    }

    [Fact]
    public void PropertiesNamedArgumentsAndDefaultOptimizer()
    {
        var source = ModelSource.Sequential("Classifier")
            .Namespace(null)
            .Input("4")
            .Compile("Loss.CategoricalCrossentropy, Metrics = [Metric.Accuracy], LearningRate = 0.01")
            .Layer("Dense Hidden { get; } = new Dense(units: 16, activation: Activation.Relu);")
            .Layer("Dense Probabilities { get; } = new(3, useBias: false, activation: Activation.Softmax);");

        var run = GeneratorRunner.Run(source.Build().Text).AssertClean();

        Assert.Equal("Classifier.g.cs", Assert.Single(run.Sources).HintName);
        run.VerifySources();
    }

    [Fact]
    public void WithoutCompileTheStepsExplainWhatIsMissing()
    {
        var source = ModelSource.Sequential("Encoder")
            .Input("28, 28")
            .Layer("readonly Flatten flatten = new();")
            .Layer("readonly Dense code = new(32);");

        GeneratorRunner.Run(source.Build().Text).AssertClean().VerifySources();
    }

    [Fact]
    public void SoftmaxActivationLayerIsFusedIntoTheLoss()
    {
        var source = ModelSource.Sequential("SplitSoftmax")
            .Input("20")
            .Compile("Optimizer.RmsProp, Loss.SparseCategoricalCrossentropy")
            .Layer("readonly Dense scores = new(5);")
            .Layer("readonly ActivationLayer softmax = new(Activation.Softmax);");

        GeneratorRunner.Run(source.Build().Text).AssertClean().VerifySources();
    }

    [Fact]
    public void LinearOutputWithFromLogitsIsNotFused()
    {
        var source = ModelSource.Sequential("LogitModel")
            .Input("20")
            .Compile("Optimizer.AdamW, Loss.SparseCategoricalCrossentropy, FromLogits = true")
            .Layer("readonly Dense hidden = new(64, Activation.Relu);")
            .Layer("readonly Dense logits = new(10);");

        GeneratorRunner.Run(source.Build().Text).AssertClean().VerifySources();
    }

    [Fact]
    public void MeanSquaredErrorRegression()
    {
        var source = ModelSource.Sequential("Regressor")
            .Input("13")
            .Compile("Optimizer.Adam, Loss.MeanSquaredError")
            .Layer("readonly Dense hidden = new(64, Activation.Relu);")
            .Layer("readonly Dropout drop = new(0);")
            .Layer("readonly Dense price = new(1);");

        GeneratorRunner.Run(source.Build().Text).AssertClean().VerifySources();
    }

    [Fact]
    public void UnknownDimensionsFlowThroughLayersWithoutWeights()
    {
        var source = ModelSource.Sequential("Pointwise")
            .Input("\"height\", 8")
            .Layer("readonly Flatten flatten = new();")
            .Layer("readonly ActivationLayer relu = new(Activation.Relu);")
            .Layer("readonly Dropout drop = new(0.5);");

        GeneratorRunner.Run(source.Build().Text).AssertClean().VerifySources();
    }

    [Fact]
    public void LayerNamesThatCollideWithLocalsOrKeywords()
    {
        var source = ModelSource.Sequential("Awkward")
            .Input("6")
            .Compile("Optimizer.Adam, Loss.BinaryCrossentropy")
            .Layer("readonly Dense x1 = new(4, Activation.Relu);")
            .Layer("readonly Dense loss = new(3, Activation.Relu);")
            .Layer("readonly Dense @out = new(1, Activation.Sigmoid);");

        GeneratorRunner.Run(source.Build().Text).AssertClean().VerifySources();
    }

    [Fact]
    public void NestedModelReopensItsContainingTypes()
    {
        const string source = """
            using StaticKeras;
            using StaticKeras.Layers;

            namespace Samples.Nested;

            public static partial class Models
            {
                internal partial record Registry
                {
                    [Sequential, Input(3)]
                    public partial class Tiny
                    {
                        readonly Dense output = new(2, Activation.Softmax);
                    }
                }
            }
            """;

        var run = GeneratorRunner.Run(source).AssertClean();

        Assert.Equal("Samples.Nested.Models+Registry+Tiny.g.cs", Assert.Single(run.Sources).HintName);
        run.VerifySources();
    }

    [Fact]
    public void TwoModelsGetTwoFiles()
    {
        var first = ModelSource.Sequential("First").Input("2").Layer("readonly Dense output = new(1);");
        var second = ModelSource.Sequential("Second").Input("3").Layer("readonly Dense output = new(2);");

        var run = GeneratorRunner.Run(first.Build().Text, second.Build().Text).AssertClean();

        Assert.Equal(["Samples.First.g.cs", "Samples.Second.g.cs"], run.Sources.Select(s => s.HintName).Order());
    }

    [Fact]
    public void ExplicitModelBaseClassIsAccepted()
    {
        var source = ModelSource.Sequential("Explicit").BaseList("Model").Input("2").Layer("readonly Dense output = new(1);");

        var run = GeneratorRunner.Run(source.Build().Text).AssertClean();

        Assert.Contains("partial class Explicit : global::StaticKeras.Model", run.SingleSource);
    }
}
