using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using StaticKeras.Callbacks;
using StaticKeras.Saving;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Runtime.Tests.EndToEnd;

public class FitWithCallbacksEarlyStoppingTests
{
    [Fact]
    public void StopsWhereKerasRuleSaysAndRestoresTheBestEpochsWeights()
    {
        manual_seed(7);
        var model = new OverfittingMlp();
        var (x, y) = NoisyData.Make(60, 8, 3, seed: 11);
        var snapshots = new List<WeightSnapshot>();
        var output = new StringWriter();
        var earlyStopping = new EarlyStopping(monitor: "val_loss", patience: 3, verbose: 1, restoreBestWeights: true) { Output = output };
        var capture = new LambdaCallback(onEpochEnd: (_, _) => snapshots.Add(model.GetWeights()));
        const int epochs = 40;

        var history = model.Fit(x, y, epochs: epochs, batchSize: 16, verbose: 0, validationSplit: 0.2,
            callbacks: [earlyStopping, capture]);

        var valLoss = history.Logs["val_loss"];
        var (expectedStop, expectedBest) = KerasEarlyStoppingRule.StopAndBest(valLoss, patience: 3);
        Assert.NotNull(expectedStop);   // the premise: the task overfits before the last epoch
        Assert.Equal(expectedStop!.Value + 1, history.Epoch.Count);
        Assert.Equal(Enumerable.Range(0, expectedStop.Value + 1), history.Epoch);
        Assert.Equal(expectedStop.Value, earlyStopping.StoppedEpoch);
        Assert.Equal(expectedBest, earlyStopping.BestEpoch);
        Assert.Equal(
            $"Epoch {expectedStop.Value + 1}: early stopping\n" +
            $"Restoring model weights from the end of the best epoch: {expectedBest + 1}.\n",
            output.ToString());

        using var final = model.GetWeights();
        Assert.Equal(snapshots[expectedBest].Keys, final.Keys);
        foreach (var (name, tensor) in final)
        {
            Assert.True(tensor.equal(snapshots[expectedBest][name]).all().item<bool>(), $"{name} differs from the best epoch's");
        }

        Assert.False(final["output.kernel"].equal(snapshots[^1]["output.kernel"]).all().item<bool>(), "the last epoch was the best: nothing to restore");
        snapshots.ForEach(s => s.Dispose());
    }
}
