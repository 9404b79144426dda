using System;
using System.IO;
using StaticKeras.Callbacks;
using StaticKeras.Runtime.Tests.Saving;
using Xunit;
using static StaticKeras.Runtime.Tests.Callbacks.CallbackHarness<StaticKeras.Callbacks.CSVLogger>;

namespace StaticKeras.Runtime.Tests.Callbacks;

/// <summary>CSVLogger writes the bytes Keras' csv.DictWriter writes.</summary>
public sealed class CSVLoggerTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Log(CSVLogger logger, params (string, double)[][] epochs)
    {
        _ = new CallbackHarness<CSVLogger>(logger);
        logger.OnTrainBegin(Logs());
        for (var epoch = 0; epoch < epochs.Length; epoch++)
        {
            logger.OnEpochEnd(epoch, Logs(epochs[epoch]));
        }

        logger.OnTrainEnd(Logs());
        return File.ReadAllText(logger.Filename);
    }

    [Fact]
    public void EpochThenSortedKeysWithPythonFloatsAndCrLf()
    {
        var text = Log(new CSVLogger(_dir.File("log.csv")),
            [("loss", 0.3520999848842621), ("accuracy", 0.75), ("val_loss", 0.6), ("val_accuracy", 1.0)],
            [("loss", 0.1), ("accuracy", 1e-05), ("val_loss", double.NaN), ("val_accuracy", double.PositiveInfinity)]);

        Assert.Equal(
            "epoch,accuracy,loss,val_accuracy,val_loss\r\n" +
            "0,0.75,0.3520999848842621,1.0,0.6\r\n" +
            "1,1e-05,0.1,inf,nan\r\n",
            text);
    }

    [Fact]
    public void WithoutValidationKeysValColumnsAreAddedAsNA()
    {
        var text = Log(new CSVLogger(_dir.File("log.csv")), [("loss", 0.5), ("accuracy", 0.25)]);

        Assert.Equal("epoch,accuracy,loss,val_accuracy,val_loss\r\n0,0.25,0.5,NA,NA\r\n", text);
    }

    [Fact]
    public void ColumnsAreFixedByTheFirstEpoch()
    {
        var text = Log(new CSVLogger(_dir.File("log.csv")),
            [("loss", 0.5), ("val_loss", 0.5)],
            [("loss", 0.4), ("learning_rate", 0.01)]);

        Assert.Equal("epoch,loss,val_loss\r\n0,0.5,0.5\r\n1,0.4,NA\r\n", text);
    }

    [Fact]
    public void AppendAddsRowsWithoutASecondHeader()
    {
        var path = _dir.File("log.csv");
        Log(new CSVLogger(path), [("loss", 0.5), ("val_loss", 0.6)]);

        var text = Log(new CSVLogger(path, append: true), [("loss", 0.25), ("val_loss", 0.3)]);

        Assert.Equal("epoch,loss,val_loss\r\n0,0.5,0.6\r\n0,0.25,0.3\r\n", text);
    }

    [Fact]
    public void AppendToAnEmptyOrMissingFileWritesTheHeader()
    {
        var empty = _dir.File("empty.csv");
        File.WriteAllText(empty, "");

        Assert.Equal("epoch,loss,val_loss\r\n0,0.5,NA\r\n", Log(new CSVLogger(empty, append: true), [("loss", 0.5)]));
        Assert.Equal("epoch,loss,val_loss\r\n0,0.5,NA\r\n", Log(new CSVLogger(_dir.File("missing.csv"), append: true), [("loss", 0.5)]));
    }

    [Fact]
    public void WithoutAppendTheFileIsReplaced()
    {
        var path = _dir.File("log.csv");
        File.WriteAllText(path, "old content\n");

        Assert.Equal("epoch,loss,val_loss\r\n0,2.0,NA\r\n", Log(new CSVLogger(path), [("loss", 2)]));
    }

    [Fact]
    public void SeparatorAndQuotingFollowPythonsCsv()
    {
        var text = Log(new CSVLogger(_dir.File("log.csv"), separator: ';'), [("a;b", 1.5), ("val_\"x\"", 2)]);

        Assert.Equal("epoch;\"a;b\";\"val_\"\"x\"\"\"\r\n0;1.5;2.0\r\n", text);
    }
}
