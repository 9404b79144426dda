using System.Collections.Generic;
using System.Linq;
using StaticKeras.Generator.Common;
using StaticKeras.Generator.Inference;
using StaticKeras.Generator.Model;
using Xunit;

namespace StaticKeras.Generator.Tests.Inference;

/// <summary>The rules for [Compile]'s optimizer options (STK2005-STK2008), as plain values: Keras' own checks and the runtime's.</summary>
public sealed class OptimizerOptionChecksTests
{
    // The options written, in the order given: the names are the declaration's properties.
    private static IReadOnlyList<OptimizerOptionChecks.Problem> Check(
        OptimizerOptionsDeclaration options, OptimizerKind optimizer = OptimizerKind.Adam, bool learningRate = false)
    {
        var written = typeof(OptimizerOptionsDeclaration).GetProperties()
            .Where(p => p.GetValue(options) is not null)
            .Select(p => p.Name)
            .ToList();
        return OptimizerOptionChecks.Check(optimizer, learningRate, options, written);
    }

    private static string Single(OptimizerOptionsDeclaration options, OptimizerKind optimizer = OptimizerKind.Adam, bool learningRate = false)
    {
        var problem = Assert.Single(Check(options, optimizer, learningRate));
        return $"{problem.Id} at {problem.Argument}: {string.Join(" | ", problem.Arguments)}";
    }

    private static readonly OptimizerOptionsDeclaration[] Valid =
    [
        new() { ClipNorm = 1.0 },
        new() { GlobalClipNorm = 0.5, WeightDecay = 0.0 },
        new() { Schedule = ScheduleKind.ExponentialDecay, DecaySteps = 100, DecayRate = 0.9, Staircase = true },
        new() { Schedule = ScheduleKind.InverseTimeDecay, DecaySteps = 1, DecayRate = 0.5 },
        new() { Schedule = ScheduleKind.PiecewiseConstantDecay, Boundaries = EquatableArray.Of(10L, 20L), Values = EquatableArray.Of(0.1, 0.01, 0.001) },
        new() { Schedule = ScheduleKind.PolynomialDecay, DecaySteps = 50, EndLearningRate = 0.0, Power = 2.0, Cycle = true },
        new() { Schedule = ScheduleKind.CosineDecay, DecaySteps = 50, Alpha = 0.1, WarmupTarget = 0.01, WarmupSteps = 5 },
        new() { Schedule = ScheduleKind.CosineDecayRestarts, FirstDecaySteps = 10, TMul = 1.0, MMul = 0.5, Alpha = 0.0 },
        new() { Schedule = ScheduleKind.None },
        new() { Amsgrad = true, UseEma = true, EmaMomentum = 1.0, EmaOverwriteFrequency = 1, GradientAccumulationSteps = 2 },
        new() { WeightDecay = 0.01, ExcludeFromWeightDecay = EquatableArray.Of("bias", "^norm\\.") },
    ];

    [Fact]
    public void KerasAcceptsTheseAndSoDoTheChecks() => Assert.All(Valid, options => Assert.Empty(Check(options)));

    [Fact]
    public void AnyTwoClipsConflictAtTheSecond()
    {
        Assert.Equal("STK2005 at ClipValue: ClipNorm | ClipValue", Single(new() { ClipNorm = 1.0, ClipValue = 0.5 }));
        Assert.Equal("STK2005 at GlobalClipNorm: ClipValue | GlobalClipNorm", Single(new() { ClipValue = 1.0, GlobalClipNorm = 0.5 }));
        Assert.Equal(["ClipValue", "GlobalClipNorm"], Check(new() { ClipNorm = 1.0, ClipValue = 1.0, GlobalClipNorm = 1.0 }).Select(p => p.Argument));
    }

    [Theory]
    [InlineData("ClipNorm", 0.0, "a finite number > 0", "0.0")]
    [InlineData("ClipValue", -1.0, "a finite number > 0", "-1.0")]
    [InlineData("GlobalClipNorm", double.PositiveInfinity, "a finite number > 0", "Infinity")]
    [InlineData("WeightDecay", -0.1, "a finite number >= 0", "-0.1")]
    [InlineData("WeightDecay", double.NaN, "a finite number >= 0", "NaN")]
    public void ClipsAndWeightDecayMustBeInRange(string name, double value, string requirement, string found)
    {
        var options = name switch
        {
            "ClipNorm" => new OptimizerOptionsDeclaration { ClipNorm = value },
            "ClipValue" => new OptimizerOptionsDeclaration { ClipValue = value },
            "GlobalClipNorm" => new OptimizerOptionsDeclaration { GlobalClipNorm = value },
            _ => new OptimizerOptionsDeclaration { WeightDecay = value },
        };
        Assert.Equal($"STK2006 at {name}: {name} | {requirement} | {found}", Single(options));
    }

    [Fact]
    public void EmaAndAccumulationFollowKeras()
    {
        Assert.Equal("STK2006 at EmaMomentum: EmaMomentum | in [0, 1] | 1.5", Single(new() { UseEma = true, EmaMomentum = 1.5 }));
        Assert.Equal("STK2006 at EmaMomentum: EmaMomentum | in [0, 1] | -0.1", Single(new() { UseEma = true, EmaMomentum = -0.1 }));
        Assert.Equal("STK2006 at EmaOverwriteFrequency: EmaOverwriteFrequency | an integer >= 1 | 0", Single(new() { UseEma = true, EmaOverwriteFrequency = 0 }));
        Assert.Equal("STK2006 at GradientAccumulationSteps: GradientAccumulationSteps | an integer >= 2 | 1", Single(new() { GradientAccumulationSteps = 1 }));
        Assert.Equal("STK2007 at EmaMomentum: EmaMomentum | without UseEma = true | set UseEma = true or remove it", Single(new() { EmaMomentum = 0.9 }));
        Assert.Equal("STK2007 at EmaOverwriteFrequency: EmaOverwriteFrequency | without UseEma = true | set UseEma = true or remove it", Single(new() { UseEma = false, EmaOverwriteFrequency = 3 }));
    }

    [Fact]
    public void AmsgradIsAdamsAndAdamWs()
    {
        Assert.Empty(Check(new() { Amsgrad = true }, OptimizerKind.AdamW));
        Assert.Equal("STK2007 at Amsgrad: Amsgrad | to Sgd | it is an argument of Adam and AdamW", Single(new() { Amsgrad = true }, OptimizerKind.Sgd));
        Assert.Equal("STK2007 at Amsgrad: Amsgrad | to RmsProp | it is an argument of Adam and AdamW", Single(new() { Amsgrad = false }, OptimizerKind.RmsProp));
    }

    [Fact]
    public void ExcludeFromWeightDecayNeedsWeightDecayAndValidPatterns()
    {
        Assert.Empty(Check(new() { ExcludeFromWeightDecay = EquatableArray.Of("bias") }, OptimizerKind.AdamW));
        Assert.Equal(
            "STK2007 at ExcludeFromWeightDecay: ExcludeFromWeightDecay | without weight decay | set WeightDecay, or use Optimizer.AdamW",
            Single(new() { ExcludeFromWeightDecay = EquatableArray.Of("bias") }, OptimizerKind.Adam));
        Assert.Equal(
            "STK2006 at ExcludeFromWeightDecay: ExcludeFromWeightDecay | regular expressions | \"bias(\"",
            Single(new() { WeightDecay = 0.1, ExcludeFromWeightDecay = EquatableArray.Of("kernel", "bias(") }));
    }

    [Fact]
    public void ScheduleArgumentsNeedTheirSchedule()
    {
        Assert.Equal(
            "STK2007 at DecayRate: DecayRate | without a Schedule | it is an argument of ExponentialDecay and InverseTimeDecay",
            Single(new() { DecayRate = 0.9 }));
        Assert.Equal(
            "STK2007 at Alpha: Alpha | without a Schedule | it is an argument of CosineDecay and CosineDecayRestarts",
            Single(new() { Schedule = ScheduleKind.None, Alpha = 0.1 }));
        Assert.Equal(
            "STK2007 at DecayRate: DecayRate | to CosineDecay | it takes DecaySteps, Alpha, WarmupTarget and WarmupSteps",
            Single(new() { Schedule = ScheduleKind.CosineDecay, DecaySteps = 10, DecayRate = 0.9 }));
        Assert.Equal(
            "STK2007 at DecaySteps: DecaySteps | to CosineDecayRestarts | it takes FirstDecaySteps, TMul, MMul and Alpha",
            Single(new() { Schedule = ScheduleKind.CosineDecayRestarts, FirstDecaySteps = 10, DecaySteps = 10 }));
        Assert.Equal(
            "STK2007 at WarmupSteps: WarmupSteps | without WarmupTarget | the warmup rises to WarmupTarget over WarmupSteps",
            Single(new() { Schedule = ScheduleKind.CosineDecay, DecaySteps = 10, WarmupSteps = 5 }));
    }

    [Fact]
    public void PiecewiseConstantDecayTakesItsRatesFromValues()
    {
        var piecewise = new OptimizerOptionsDeclaration
        {
            Schedule = ScheduleKind.PiecewiseConstantDecay, Boundaries = EquatableArray.Of(10L), Values = EquatableArray.Of(0.1, 0.01),
        };
        Assert.Empty(Check(piecewise));
        Assert.Equal("STK2007 at LearningRate: LearningRate | to PiecewiseConstantDecay | its Values are the learning rates", Single(piecewise, learningRate: true));
        Assert.Equal(
            "STK2006 at Boundaries: Boundaries | one element fewer than Values (1 for 2 values) | [10, 20]",
            Single(piecewise with { Boundaries = EquatableArray.Of(10L, 20L) }));
        Assert.Equal(
            "STK2006 at Boundaries: Boundaries | increasing | [20, 10]",
            Single(piecewise with { Boundaries = EquatableArray.Of(20L, 10L), Values = EquatableArray.Of(0.1, 0.01, 0.001) }));
        Assert.Equal("STK2006 at Values: Values | at least 2 learning rates | [0.1]", Single(new() { Schedule = ScheduleKind.PiecewiseConstantDecay, Boundaries = EquatableArray<long>.Empty, Values = EquatableArray.Of(0.1) }));
        Assert.Equal("STK2006 at Values: Values | finite numbers >= 0 | [0.1, -0.01]", Single(piecewise with { Values = EquatableArray.Of(0.1, -0.01) }));
    }

    [Fact]
    public void ScheduleValuesFollowKeras()
    {
        Assert.Equal("STK2006 at DecaySteps: DecaySteps | an integer > 0 | 0", Single(new() { Schedule = ScheduleKind.ExponentialDecay, DecaySteps = 0, DecayRate = 0.9 }));
        Assert.Equal("STK2006 at FirstDecaySteps: FirstDecaySteps | an integer > 0 | -5", Single(new() { Schedule = ScheduleKind.CosineDecayRestarts, FirstDecaySteps = -5 }));
        Assert.Equal("STK2006 at WarmupSteps: WarmupSteps | an integer >= 0 | -1", Single(new() { Schedule = ScheduleKind.CosineDecay, DecaySteps = 5, WarmupTarget = 0.1, WarmupSteps = -1 }));
        Assert.Equal("STK2006 at DecayRate: DecayRate | a finite number >= 0 | -0.5", Single(new() { Schedule = ScheduleKind.InverseTimeDecay, DecaySteps = 5, DecayRate = -0.5 }));
        Assert.Equal("STK2006 at TMul: TMul | a finite number > 0 | 0.0", Single(new() { Schedule = ScheduleKind.CosineDecayRestarts, FirstDecaySteps = 5, TMul = 0.0 }));
        Assert.Equal("STK2006 at Power: Power | a finite number | NaN", Single(new() { Schedule = ScheduleKind.PolynomialDecay, DecaySteps = 5, Power = double.NaN }));
    }

    [Fact]
    public void EverySchedulesRequiredArgumentsAreNamedAtSchedule()
    {
        Assert.Equal(
            "STK2008 at Schedule: ExponentialDecay | DecaySteps and DecayRate | DecayRate",
            Single(new() { Schedule = ScheduleKind.ExponentialDecay, DecaySteps = 10 }));
        Assert.Equal(
            "STK2008 at Schedule: InverseTimeDecay | DecaySteps and DecayRate | DecaySteps and DecayRate",
            Single(new() { Schedule = ScheduleKind.InverseTimeDecay }));
        Assert.Equal("STK2008 at Schedule: PiecewiseConstantDecay | Boundaries and Values | Values", Single(new() { Schedule = ScheduleKind.PiecewiseConstantDecay, Boundaries = EquatableArray.Of(5L) }));
        Assert.Equal("STK2008 at Schedule: PolynomialDecay | DecaySteps | DecaySteps", Single(new() { Schedule = ScheduleKind.PolynomialDecay, Power = 2.0 }));
        Assert.Equal("STK2008 at Schedule: CosineDecay | DecaySteps | DecaySteps", Single(new() { Schedule = ScheduleKind.CosineDecay }));
        Assert.Equal("STK2008 at Schedule: CosineDecayRestarts | FirstDecaySteps | FirstDecaySteps", Single(new() { Schedule = ScheduleKind.CosineDecayRestarts }));
    }
}
