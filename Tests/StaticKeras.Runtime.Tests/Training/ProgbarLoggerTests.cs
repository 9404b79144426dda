using System.Collections.Generic;
using System.IO;
using StaticKeras.Callbacks;
using StaticKeras.Runtime.Tests.TestSupport;
using StaticKeras.Training;
using Xunit;

namespace StaticKeras.Runtime.Tests.Training;

// The hooks are called in the order Fit and Evaluate call them; the clock advances 10 ms per reading.
public class ProgbarLoggerTests
{
    private static OrderedDictionary<string, double> Logs(params (string Key, double Value)[] logs)
    {
        var result = new OrderedDictionary<string, double>();
        foreach (var (key, value) in logs)
        {
            result.Add(key, value);
        }

        return result;
    }

    private static (ProgbarLogger Logger, StringWriter Writer) Create(int verbose, int epochs, int steps)
    {
        var writer = new StringWriter();
        var logger = new ProgbarLogger(writer, new StepClock(0.01))
        {
            Params = CallbackList.RunParams(verbose, epochs, steps),
        };
        return (logger, writer);
    }

    [Fact]
    public void FitWithABarPerEpochAndSilentValidation()
    {
        var (logger, writer) = Create(verbose: 1, epochs: 2, steps: 2);
        logger.OnTrainBegin(Logs());
        logger.OnEpochBegin(0, Logs());                                            // bar starts at 0.00
        logger.OnTrainBatchEnd(0, Logs(("accuracy", 0.5), ("loss", 0.8)));        // 0.01
        logger.OnTrainBatchEnd(1, Logs(("accuracy", 0.75), ("loss", 0.6)));       // 0.02: within 50 ms, not drawn
        logger.OnTestBegin(Logs());
        logger.OnTestBatchEnd(0, Logs(("accuracy", 0.7), ("loss", 0.65)));
        logger.OnTestEnd(Logs(("accuracy", 0.7), ("loss", 0.65)));
        logger.OnEpochEnd(0, Logs(("accuracy", 0.75), ("loss", 0.6), ("val_accuracy", 0.7), ("val_loss", 0.65)));   // 0.03
        logger.OnEpochBegin(1, Logs());                                            // 0.04
        logger.OnTrainBatchEnd(0, Logs(("accuracy", 1.0), ("loss", 0.1)));        // 0.05
        logger.OnEpochEnd(1, Logs(("accuracy", 1.0), ("loss", 0.05)));             // 0.06
        logger.OnTrainEnd(Logs());

        Assert.Equal(
            "Epoch 1/2\n" +
            "\r1/2 ━━━━━━━━━━           0s 10ms/step - accuracy: 0.5000 - loss: 0.8000" +
            "\r2/2 ━━━━━━━━━━━━━━━━━━━━ 0s 20ms/step - accuracy: 0.7500 - loss: 0.6000 - val_accuracy: 0.7000 - val_loss: 0.6500\n" +
            "Epoch 2/2\n" +
            "\r1/2 ━━━━━━━━━━           0s 10ms/step - accuracy: 1.0000 - loss: 0.1000" +
            "\r2/2 ━━━━━━━━━━━━━━━━━━━━ 0s 10ms/step - accuracy: 1.0000 - loss: 0.0500\n",
            writer.ToString());
    }

    [Fact]
    public void VerboseTwoPrintsOneLinePerEpoch()
    {
        var (logger, writer) = Create(verbose: 2, epochs: 3, steps: 1875);
        logger.OnTrainBegin(Logs());
        logger.OnEpochBegin(2, Logs());                                            // 0.00
        for (var batch = 0; batch < 1875; batch++)
        {
            logger.OnTrainBatchEnd(batch, Logs(("loss", 0.4)));                   // the clock is not read
        }

        logger.OnEpochEnd(2, Logs(("accuracy", 0.8712), ("loss", 0.3521)));       // 0.01 / 1875 steps = 5us
        Assert.Equal("Epoch 3/3\n1875/1875 - 0s - 5us/step - accuracy: 0.8712 - loss: 0.3521\n", writer.ToString());
    }

    [Fact]
    public void OneEpochHasNoEpochHeader()
    {
        var (logger, writer) = Create(verbose: 2, epochs: 1, steps: 1);
        logger.OnTrainBegin(Logs());
        logger.OnEpochBegin(0, Logs());
        logger.OnEpochEnd(0, Logs(("loss", 2.5)));
        Assert.Equal("1/1 - 0s - 10ms/step - loss: 2.5000\n", writer.ToString());
    }

    [Fact]
    public void EvaluateDrawsItsOwnBar()
    {
        var (logger, writer) = Create(verbose: 1, epochs: 1, steps: 1);
        logger.OnTestBegin(Logs());                                                // 0.00
        logger.OnTestBatchEnd(0, Logs(("accuracy", 0.9), ("loss", 0.3)));         // 0.01
        logger.OnTestEnd(Logs(("accuracy", 0.9), ("loss", 0.3)));                 // 0.02: final, drawn again
        Assert.Equal(
            "\r1/1 ━━━━━━━━━━━━━━━━━━━━ 0s 10ms/step - accuracy: 0.9000 - loss: 0.3000" +
            "\r1/1 ━━━━━━━━━━━━━━━━━━━━ 0s 20ms/step - accuracy: 0.9000 - loss: 0.3000\n",
            writer.ToString());
    }

    [Fact]
    public void SilentWhenVerboseIsZero()
    {
        var (logger, writer) = Create(verbose: 0, epochs: 2, steps: 1);
        logger.OnTrainBegin(Logs());
        logger.OnEpochBegin(0, Logs());
        logger.OnTrainBatchEnd(0, Logs(("loss", 1)));
        logger.OnEpochEnd(0, Logs(("loss", 1)));
        Assert.Equal("", writer.ToString());
    }
}
