using System.Collections.Generic;
using System.IO;
using StaticKeras.Runtime.Tests.TestSupport;
using StaticKeras.Training;
using Xunit;

namespace StaticKeras.Runtime.Tests.Training;

public class ProgbarTests
{
    private static KeyValuePair<string, double>[] Logs(params (string Key, double Value)[] logs) =>
        System.Array.ConvertAll(logs, l => KeyValuePair.Create(l.Key, l.Value));

    [Fact]
    public void VerboseOneRedrawsInPlaceThrottlesAndPadsShorterLines()
    {
        var clock = new StepClock(0);
        var writer = new StringWriter();
        var bar = new Progbar(3, writer: writer, timeProvider: clock);   // starts at t = 0

        clock.Advance(0.2);
        bar.Update(1, Logs(("accuracy", 0.5), ("loss", 1e-4)));
        // 1 step in 0.2 s: 200ms/step, 0.4 s left -> "0s"; 20 * 1/3 = 6 cells done
        Assert.Equal("\r1/3 ━━━━━━               0s 200ms/step - accuracy: 0.5000 - loss: 1.0000e-04", writer.ToString());

        var firstDraw = writer.ToString();
        clock.Advance(0.01);
        bar.Update(2, Logs(("accuracy", 1.0), ("loss", 1e-4)));   // 10 ms after the last draw: not redrawn
        Assert.Equal(firstDraw, writer.ToString());

        clock.Advance(0.29);
        writer.GetStringBuilder().Clear();
        bar.Update(3, Logs(("accuracy", 1.0), ("loss", 0.5)), finalize: false);
        // values averaged over updates: accuracy (0.5 + 1 + 1) / 3, loss (1e-4 + 1e-4 + 0.5) / 3;
        // steps 2-3 took 0.3 s: 150ms/step; 4 spaces blank out the longer previous line
        Assert.Equal("\r3/3 ━━━━━━━━━━━━━━━━━━━━ 0s 150ms/step - accuracy: 0.8333 - loss: 0.1667    ", writer.ToString());

        clock.Advance(0.1);
        writer.GetStringBuilder().Clear();
        bar.Update(3, Logs(("accuracy", 0.9), ("loss", 0.25), ("val_loss", 0.3)), finalize: true);
        // final values shown as given; 0.6 s elapsed -> "1s"; (0.6 - 0.2) / 2 -> 200ms/step
        Assert.Equal("\r3/3 ━━━━━━━━━━━━━━━━━━━━ 1s 200ms/step - accuracy: 0.9000 - loss: 0.2500 - val_loss: 0.3000\n", writer.ToString());
    }

    [Fact]
    public void VerboseTwoWritesOneLineWhenFinished()
    {
        var clock = new StepClock(0);
        var writer = new StringWriter();
        var bar = new Progbar(1875, verbose: 2, writer: writer, timeProvider: clock);
        bar.Update(1000);
        Assert.Equal("", writer.ToString());
        clock.Advance(2.4);
        bar.Update(1875, Logs(("accuracy", 0.8712), ("loss", 0.3521)), finalize: true);
        Assert.Equal("1875/1875 - 2s - 1ms/step - accuracy: 0.8712 - loss: 0.3521\n", writer.ToString());
    }

    [Fact]
    public void ValuesKeepTheOrderTheyWereFirstLoggedIn()
    {
        var writer = new StringWriter();
        var bar = new Progbar(2, verbose: 2, writer: writer, timeProvider: new StepClock(0));
        bar.Update(1, Logs(("loss", 0.5)));
        bar.Update(2, Logs(("accuracy", 0.75), ("loss", 0.25)), finalize: true);
        Assert.Equal("2/2 - 0s - 0s/step - loss: 0.2500 - accuracy: 0.7500\n", writer.ToString());
    }

    [Fact]
    public void ColorMakesCountAndTimeBoldTheDonePartGreenAndTheRestDim()
    {
        var clock = new StepClock(0);
        var writer = new StringWriter();
        var bar = new Progbar(10, writer: writer, timeProvider: clock, color: true);
        clock.Advance(1.0);
        bar.Update(5, Logs(("loss", 0.5)));
        // 0.2 s/step from the start, 5 steps left -> "1s"
        Assert.Equal(
            "\r\x1b[1m 5/10\x1b[0m \x1b[32m━━━━━━━━━━\x1b[0m\x1b[37m━━━━━━━━━━\x1b[0m \x1b[1m1s\x1b[0m 200ms/step - loss: 0.5000",
            writer.ToString());
    }

    [Fact]
    public void UnknownTargetCountsSteps()
    {
        var clock = new StepClock(0);
        var writer = new StringWriter();
        var bar = new Progbar(null, writer: writer, timeProvider: clock);
        clock.Advance(0.5);
        bar.Update(5);
        Assert.Equal("\r      5/Unknown 0s 100ms/step", writer.ToString());
    }
}
