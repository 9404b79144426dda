using System.Linq;
using StaticKeras.Generator.Tests.Graph;
using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Generation;

/// <summary>[Compile]'s optimizer options reach the generated <c>CompileInfo</c>: those written, and only those.</summary>
public sealed class OptimizerOptionsGenerationTests
{
    [Fact]
    public void ScheduleClippingWeightDecayAndEmaAreEmittedAsWritten()
    {
        var source = ModelSource.Sequential("Scheduled")
            .Input("8")
            .Compile(
                "Optimizer.AdamW, Loss.MeanSquaredError, LearningRate = 0.01, Schedule = Schedule.CosineDecay, DecaySteps = 1000, "
                + "WarmupTarget = 0.02, WarmupSteps = 100, GlobalClipNorm = 1.0, WeightDecay = 0.01, ExcludeFromWeightDecay = [\"bias\"], "
                + "Amsgrad = true, UseEma = true, EmaMomentum = 0.9, GradientAccumulationSteps = 2")
            .Layer("readonly Dense hidden = new(4, Activation.Relu);")
            .Layer("readonly Dense output = new(1);");

        GeneratorRunner.Run(source.Build().Text).AssertClean().VerifySources();
    }

    [Fact]
    public void PiecewiseConstantDecayCarriesItsArrays()
    {
        var source = ModelSource.Sequential("Stepped")
            .Input("8")
            .Compile("Optimizer.Sgd, Loss.MeanSquaredError, Schedule = Schedule.PiecewiseConstantDecay, Boundaries = [100, 200], Values = [0.1, 0.01, 0.001], ClipValue = 0.5")
            .Layer("readonly Dense output = new(1);");

        var text = Assert.Single(GeneratorRunner.Run(source.Build().Text).AssertClean().Sources).SourceText.ToString();

        Assert.Contains(
            """
                    }, Options: new global::StaticKeras.OptimizerOptions
                    {
                        Schedule = global::StaticKeras.Schedule.PiecewiseConstantDecay,
                        Boundaries = new long[] { 100, 200 },
                        Values = new double[] { 0.1, 0.01, 0.001 },
                        ClipValue = 0.5,
                    }),
            """.Replace("\r\n", "\n"),
            text.Replace("\r\n", "\n"));
    }

    [Fact]
    public void ModelsTrainedPerOutputCarryTheirOptionsToo()
    {
        var source = MultiIoGraphTests.TwoHead().ToString().Replace("[Compile(Optimizer.Adam)]", "[Compile(Optimizer.Adam, ClipNorm = 2.0)]");
        var text = Assert.Single(GeneratorRunner.Run(Markup.Parse(source).Text).AssertClean().Sources).SourceText.ToString();

        Assert.Contains("}, Options: new global::StaticKeras.OptimizerOptions", text);
        Assert.Contains("            ClipNorm = 2.0,", text);
    }

    [Fact]
    public void WithoutOptionsNothingIsEmitted()
    {
        var text = Assert.Single(GeneratorRunner.Run(ModelSource.MnistMlp().Build().Text).AssertClean().Sources).SourceText.ToString();

        Assert.DoesNotContain("Options", text);
    }
}
