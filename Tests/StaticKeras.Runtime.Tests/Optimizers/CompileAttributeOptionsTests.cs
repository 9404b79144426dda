using System.Linq;
using StaticKeras.Layers;
using StaticKeras.Optimizers;
using StaticKeras.Optimizers.Schedules;
using StaticKeras.Runtime.Tests.TestSupport;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Optimizers;

/// <summary>Adam with a schedule, clipping, weight decay, AMSGrad and EMA, all by attribute.</summary>
[Sequential, Input(2, 2)]
[Compile(Optimizer.Adam, Loss.SparseCategoricalCrossentropy, LearningRate = 0.05, Schedule = Schedule.ExponentialDecay, DecaySteps = 3,
    DecayRate = 0.5, ClipNorm = 0.5, WeightDecay = 0.01, ExcludeFromWeightDecay = ["bias"], Amsgrad = true, UseEma = true, EmaMomentum = 0.9)]
public partial class AttributeAdamMlp
{
    readonly Flatten flatten = new();
    readonly Dense hidden = new(8, Activation.Relu);
    readonly Dense output = new(3, Activation.Softmax);
}

/// <summary>SGD with momentum, a piecewise-constant schedule, a global clip and gradient accumulation, all by attribute.</summary>
[Sequential, Input(2, 2)]
[Compile(Optimizer.Sgd, Loss.SparseCategoricalCrossentropy, Schedule = Schedule.PiecewiseConstantDecay, Boundaries = [2, 5],
    Values = [0.2, 0.1, 0.05], GlobalClipNorm = 1.0, GradientAccumulationSteps = 2)]
public partial class AttributeSgdMlp
{
    readonly Flatten flatten = new();
    readonly Dense hidden = new(8, Activation.Relu);
    readonly Dense output = new(3, Activation.Softmax);
}

/// <summary>The same layers with the attribute's defaults only, for options given at run time.</summary>
[Sequential, Input(2, 2)]
[Compile(Optimizer.Adam, Loss.SparseCategoricalCrossentropy)]
public partial class RuntimeOptionsMlp
{
    readonly Flatten flatten = new();
    readonly Dense hidden = new(8, Activation.Relu);
    readonly Dense output = new(3, Activation.Softmax);
}

/// <summary>Optimizer options written on [Compile] train exactly as the same options given to <c>Compile(new X(...) { ... })</c>.</summary>
public class CompileAttributeOptionsTests
{
    [Fact]
    public void TheAttributeBuildsTheOptimizerItDescribes()
    {
        var adam = Assert.IsType<Adam>(new AttributeAdamMlp().CompiledOptimizer);
        Assert.True(adam.Amsgrad);
        var schedule = Assert.IsType<ExponentialDecay>(adam.Schedule);
        Assert.Equal((0.05, 3L, 0.5, false), (schedule.InitialLearningRate, schedule.DecaySteps, schedule.DecayRate, schedule.Staircase));
        Assert.Equal((0.5, (double?)null, (double?)null, 0.01), (adam.ClipNorm, adam.ClipValue, adam.GlobalClipNorm, adam.WeightDecay));
        Assert.Equal(["bias"], adam.ExcludeFromWeightDecay);
        Assert.Equal((true, 0.9, (int?)null), (adam.UseEma, adam.EmaMomentum, adam.GradientAccumulationSteps));

        var sgd = Assert.IsType<Sgd>(new AttributeSgdMlp().CompiledOptimizer);
        var piecewise = Assert.IsType<PiecewiseConstantDecay>(sgd.Schedule);
        Assert.Equal([2L, 5L], piecewise.Boundaries);
        Assert.Equal([0.2, 0.1, 0.05], piecewise.Values);
        Assert.Equal((1.0, (int?)2, false), (sgd.GlobalClipNorm, sgd.GradientAccumulationSteps, sgd.UseEma));
    }

    [Fact]
    public void AdamOptionsByAttributeTrainBitForBitAsAtRunTime()
    {
        var byAttribute = new AttributeAdamMlp();
        var atRunTime = new RuntimeOptionsMlp();
        atRunTime.Compile(new Adam(amsgrad: true)
        {
            Schedule = new ExponentialDecay(0.05, 3, 0.5),
            ClipNorm = 0.5,
            WeightDecay = 0.01,
            ExcludeFromWeightDecay = ["bias"],
            UseEma = true,
            EmaMomentum = 0.9,
        });

        AssertSameTraining(byAttribute, atRunTime);
    }

    [Fact]
    public void SgdOptionsByAttributeTrainBitForBitAsAtRunTime()
    {
        var byAttribute = new AttributeSgdMlp();
        var atRunTime = new RuntimeOptionsMlp();
        atRunTime.Compile(new Sgd
        {
            Schedule = new PiecewiseConstantDecay([2, 5], [0.2, 0.1, 0.05]),
            GlobalClipNorm = 1.0,
            GradientAccumulationSteps = 2,
        });

        AssertSameTraining(byAttribute, atRunTime);
    }

    // Same starting weights, same data and order (no shuffle): every weight must end identical,
    // and different from where it started (the options did train).
    private static void AssertSameTraining(Model byAttribute, Model atRunTime)
    {
        using (no_grad())
        {
            foreach (var (name, value) in byAttribute.state_dict())
            {
                atRunTime.state_dict()[name].copy_(value);
            }
        }

        var start = byAttribute.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());
        var (x, y) = Blobs.Make(48, seed: 150);
        var first = byAttribute.Fit(x, y, epochs: 3, batchSize: 8, shuffle: false, verbose: 0);
        var second = atRunTime.Fit(x, y, epochs: 3, batchSize: 8, shuffle: false, verbose: 0);

        Assert.Equal(first.Logs["loss"], second.Logs["loss"]);
        foreach (var (name, value) in byAttribute.state_dict())
        {
            Assert.True(value.eq(atRunTime.state_dict()[name]).all().item<bool>(), $"{name} differs");
            Assert.False(value.eq(start[name]).all().item<bool>(), $"{name} did not train");
        }
    }
}
