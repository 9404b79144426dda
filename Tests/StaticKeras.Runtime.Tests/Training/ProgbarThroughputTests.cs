using System.Collections.Generic;
using System.IO;
using StaticKeras.Callbacks;
using StaticKeras.Runtime.Tests.TestSupport;
using StaticKeras.Training;
using Xunit;

namespace StaticKeras.Runtime.Tests.Training;

public class ProgbarThroughputTests
{
    [Fact]
    public void TheFinalLineShowsSamplesPerSecondAfterTheTimePerStep()
    {
        var clock = new StepClock(0);
        var writer = new StringWriter();
        var bar = new Progbar(3, writer: writer, timeProvider: clock) { Samples = 96 };
        clock.Advance(0.2);
        bar.Update(1, [KeyValuePair.Create("loss", 1.0)]);
        Assert.DoesNotContain("samples/s", writer.ToString());   // only on the final line

        clock.Advance(0.4);
        writer.GetStringBuilder().Clear();
        bar.Update(3, [KeyValuePair.Create("loss", 0.5)], finalize: true);
        // 96 samples in 0.6 s
        Assert.Equal("\r3/3 ━━━━━━━━━━━━━━━━━━━━ 1s 200ms/step - 160 samples/s - loss: 0.5000\n", writer.ToString());
    }

    [Fact]
    public void VerboseTwoShowsItOnItsOneLine()
    {
        var clock = new StepClock(0);
        var writer = new StringWriter();
        var bar = new Progbar(4, verbose: 2, writer: writer, timeProvider: clock) { Samples = 50 };
        clock.Advance(0.5);
        bar.Update(2, [KeyValuePair.Create("loss", 0.5)], finalize: true);   // stopped after 2 of 4 steps, which held 50 samples
        Assert.Equal("2/4 - 0s - 250ms/step - 100 samples/s - loss: 0.5000\n", writer.ToString());
    }

    [Fact]
    public void TheLoggerTakesTheSamplesFromFitsParametersForTrainingOnly()
    {
        var writer = new StringWriter();
        var clock = new StepClock(0.25);
        var logger = new ProgbarLogger(writer, clock)
        {
            Params = new Dictionary<string, object> { ["verbose"] = 2, ["epochs"] = 1, ["steps"] = 2, ["samples"] = 64 },
        };
        logger.OnTrainBegin(new Dictionary<string, double>());
        logger.OnEpochBegin(0, new Dictionary<string, double>());
        logger.OnTrainBatchEnd(0, new Dictionary<string, double> { ["loss"] = 1 });
        logger.OnTrainBatchEnd(1, new Dictionary<string, double> { ["loss"] = 1 });
        logger.OnEpochEnd(0, new Dictionary<string, double> { ["loss"] = 1 });
        Assert.Matches(@"^2/2 - \d+s - \d+ms/step - \d+ samples/s - loss: 1\.0000\n$", writer.ToString());

        writer.GetStringBuilder().Clear();
        logger.OnTrainEnd(new Dictionary<string, double>());
        logger.OnTestBegin(new Dictionary<string, double>());
        logger.OnTestBatchEnd(1, new Dictionary<string, double> { ["loss"] = 1 });
        logger.OnTestEnd(new Dictionary<string, double> { ["loss"] = 1 });
        Assert.DoesNotContain("samples/s", writer.ToString());
    }
}
