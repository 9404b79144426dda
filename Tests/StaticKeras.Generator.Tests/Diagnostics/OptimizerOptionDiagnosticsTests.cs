using StaticKeras.Generator.Tests.Infrastructure;
using Xunit;

namespace StaticKeras.Generator.Tests.Diagnostics;

/// <summary>STK2005-STK2008 through the driver: [Compile]'s optimizer options, each reported at the exact argument.</summary>
public sealed class OptimizerOptionDiagnosticsTests
{
    private static ModelSource Model(string compile) =>
        ModelSource.Sequential().Input("20").Compile(compile).Layer("readonly Dense hidden = new(16, Activation.Relu);").Layer("readonly Dense output = new(1);");

    [Fact]
    public void TwoClips() => DiagnosticCheck.Single(
        Model("Optimizer.Adam, Loss.MeanSquaredError, ClipNorm = 1.0, [|ClipValue = 0.5|]"),
        "STK2005",
        "Only one of ClipNorm, ClipValue and GlobalClipNorm can be set, found ClipNorm and ClipValue");

    [Fact]
    public void EmaMomentumAboveOne() => DiagnosticCheck.Single(
        Model("Optimizer.Adam, Loss.MeanSquaredError, UseEma = true, [|EmaMomentum = 1.5|]"),
        "STK2006",
        "EmaMomentum must be in [0, 1], found 1.5");

    [Fact]
    public void ZeroClipNorm() => DiagnosticCheck.Single(
        Model("Optimizer.Sgd, Loss.MeanSquaredError, [|GlobalClipNorm = 0|]"),
        "STK2006",
        "GlobalClipNorm must be a finite number > 0, found 0.0");

    [Fact]
    public void BoundariesThatDoNotMatchTheValues() => DiagnosticCheck.Single(
        Model("Optimizer.Sgd, Loss.MeanSquaredError, Schedule = Schedule.PiecewiseConstantDecay, [|Boundaries = [100, 200]|], Values = [0.1, 0.01]"),
        "STK2006",
        "Boundaries must be one element fewer than Values (1 for 2 values), found [100, 200]");

    [Fact]
    public void ScheduleArgumentWithoutASchedule() => DiagnosticCheck.Single(
        Model("Optimizer.Adam, Loss.MeanSquaredError, LearningRate = 0.01, [|DecayRate = 0.9|]"),
        "STK2007",
        "DecayRate does not apply without a Schedule; it is an argument of ExponentialDecay and InverseTimeDecay");

    [Fact]
    public void ArgumentOfAnotherSchedule() => DiagnosticCheck.Single(
        Model("Optimizer.Adam, Loss.MeanSquaredError, Schedule = Schedule.CosineDecay, DecaySteps = 100, [|Staircase = true|]"),
        "STK2007",
        "Staircase does not apply to CosineDecay; it takes DecaySteps, Alpha, WarmupTarget and WarmupSteps");

    [Fact]
    public void AmsgradOnSgd() => DiagnosticCheck.Single(
        Model("Optimizer.Sgd, Loss.MeanSquaredError, [|Amsgrad = true|]"),
        "STK2007",
        "Amsgrad does not apply to Sgd; it is an argument of Adam and AdamW");

    [Fact]
    public void LearningRateWithPiecewiseConstantDecay() => DiagnosticCheck.Single(
        Model("Optimizer.Sgd, Loss.MeanSquaredError, [|LearningRate = 0.1|], Schedule = Schedule.PiecewiseConstantDecay, Boundaries = [100], Values = [0.1, 0.01]"),
        "STK2007",
        "LearningRate does not apply to PiecewiseConstantDecay; its Values are the learning rates");

    [Fact]
    public void ScheduleWithoutItsDecayRate() => DiagnosticCheck.Single(
        Model("Optimizer.Adam, Loss.MeanSquaredError, [|Schedule = Schedule.ExponentialDecay|], DecaySteps = 1000"),
        "STK2008",
        "ExponentialDecay needs DecaySteps and DecayRate, found no DecayRate");

    [Fact]
    public void UndefinedSchedule() => DiagnosticCheck.Single(
        Model("Optimizer.Adam, Loss.MeanSquaredError, [|Schedule = (Schedule)17|]"),
        "STK2004",
        "[Compile] schedule must be one of None, ExponentialDecay, InverseTimeDecay, PiecewiseConstantDecay, PolynomialDecay, CosineDecay, CosineDecayRestarts, found 17");

    [Fact]
    public void MultiOutputModelsCheckTheirOptionsToo() => DiagnosticCheck.Single(
        GraphSource.Model("TwoHeads")
            .Compile("Optimizer.Adam, [|ClipNorm = -1|]")
            .Attribute("Output(\"a\", Loss.MeanSquaredError)")
            .Attribute("Output(\"b\", Loss.MeanSquaredError)")
            .Layer("readonly Dense first = new(1);")
            .Layer("readonly Dense second = new(1);")
            .Graph("[Graph]", "(Tensor a, Tensor b) Call([Input(4)] Tensor x) => (first.Call(x), second.Call(x));"),
        "STK2006",
        "ClipNorm must be a finite number > 0, found -1.0");
}
