using System.Collections.Generic;
using StaticKeras.Callbacks;
using Xunit;

namespace StaticKeras.Runtime.Tests.Training;

public class HistoryTests
{
    [Fact]
    public void RecordsEveryEpochsLogsInLoggedOrder()
    {
        var history = new History();
        history.OnTrainBegin(new Dictionary<string, double>());
        history.OnEpochEnd(3, new OrderedDictionary<string, double> { ["accuracy"] = 0.5, ["loss"] = 0.9, ["val_loss"] = 1.0 });
        history.OnEpochEnd(4, new OrderedDictionary<string, double> { ["accuracy"] = 0.75, ["loss"] = 0.6, ["val_loss"] = 0.7 });

        Assert.Equal([3, 4], history.Epoch);
        Assert.Equal(["accuracy", "loss", "val_loss"], history.Logs.Keys);
        Assert.Equal([0.9, 0.6], history.Logs["loss"]);
        Assert.Equal([1.0, 0.7], history.Logs["val_loss"]);
    }

    [Fact]
    public void ANewFitRestartsEpochsButKeepsAppendingLogs()
    {
        // Keras: on_train_begin resets history.epoch only.
        var history = new History();
        history.OnTrainBegin(new Dictionary<string, double>());
        history.OnEpochEnd(0, new Dictionary<string, double> { ["loss"] = 1 });
        history.OnTrainBegin(new Dictionary<string, double>());
        history.OnEpochEnd(0, new Dictionary<string, double> { ["loss"] = 0.5 });
        Assert.Equal([0], history.Epoch);
        Assert.Equal([1, 0.5], history.Logs["loss"]);
    }
}
