using System.Linq;
using StaticKeras.Callbacks;
using StaticKeras.Optimizers;
using StaticKeras.Optimizers.Schedules;
using StaticKeras.Runtime.Tests.TestSupport;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.Optimizers;

/// <summary>What Fit does with the optimizer's options: logs a schedule's rate, finalizes the EMA.</summary>
public class FitOptimizerTests
{
    [Fact]
    public void AScheduledLearningRateIsLoggedAsKerasLearningRate()
    {
        // ExponentialDecay(0.1, 4, 0.5), 4 steps an epoch: the rate for the next step after epoch 1
        // is 0.1 * 0.5^(4/4) = 0.05, after epoch 2 0.025; after the first batch 0.1 * 0.5^(1/4).
        var (x, y) = Blobs.Make(40, seed: 80);
        var model = new TestMlp(TestMlp.Compiled());
        model.Compile(new Sgd { Schedule = new ExponentialDecay(0.1, 4, 0.5) });
        var batches = new System.Collections.Generic.List<double>();
        var history = model.Fit(x, y, epochs: 2, batchSize: 10, verbose: 0,
            callbacks: [new LambdaCallback(onTrainBatchEnd: (_, logs) => batches.Add(logs["learning_rate"]))]);

        Assert.Equal([(double)(float)0.05, (double)(float)0.025], history.Logs["learning_rate"]);
        Assert.Equal((double)(float)(0.1 * System.Math.Pow(0.5, 0.25)), batches[0]);
        Assert.Equal(8, batches.Count);
    }

    [Fact]
    public void AConstantLearningRateIsNotLogged()
    {
        var (x, y) = Blobs.Make(20, seed: 81);
        var history = new TestMlp(TestMlp.Compiled()).Fit(x, y, epochs: 1, batchSize: 10, verbose: 0);
        Assert.False(history.Logs.ContainsKey("learning_rate"));
    }

    [Fact]
    public void FitEndsWithTheMovingAverageInTheWeights()
    {
        var (x, y) = Blobs.Make(40, seed: 82);
        var model = new TestMlp(TestMlp.Compiled());
        model.Compile(new Sgd(0.1) { UseEma = true, EmaMomentum = 0.9 });
        model.Fit(x, y, epochs: 1, batchSize: 10, verbose: 0);
        var optimizer = model.CompiledOptimizer;
        var average = optimizer.AllSlotNames.ToList().IndexOf("average");
        var slots = optimizer.SlotValues();
        for (var i = 0; i < optimizer.Parameters.Count; i++)
        {
            Approx.Equal(slots[i][average], optimizer.Parameters[i], 0);
        }
    }

    [Fact]
    public void CompileGivesTheOptimizerTheWeightNamesForExcludeFromWeightDecay()
    {
        // Zero gradients: SGD's step is the decay alone, w - w * 0.5 * 1, except for the biases.
        var model = new TestMlp(TestMlp.Compiled());
        model.Compile(new Sgd(1) { WeightDecay = 0.5, ExcludeFromWeightDecay = ["bias"] });
        using (no_grad())
        {
            model.state_dict()["hidden.bias"].fill_(1);     // zero-initialized biases would hide a decay
        }

        var before = model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());
        model.CompiledOptimizer.ZeroGrad();
        model.CompiledOptimizer.Step();
        Approx.Equal(before["hidden.kernel"] * 0.5, model.state_dict()["hidden.kernel"], 1e-7);
        Approx.Equal(before["hidden.bias"], model.state_dict()["hidden.bias"], 0);
    }
}
