using System;
using StaticKeras.Callbacks;
using Xunit;
using static StaticKeras.Runtime.Tests.Callbacks.CallbackHarness<StaticKeras.Callbacks.TerminateOnNaN>;

namespace StaticKeras.Runtime.Tests.Callbacks;

/// <summary>TerminateOnNaN watches each training batch's loss.</summary>
public class TerminateOnNaNTests
{
    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void InvalidLossStopsTrainingWithKerasMessage(double loss)
    {
        var h = new CallbackHarness<TerminateOnNaN>(new TerminateOnNaN());

        h.Callback.OnTrainBatchEnd(3, Logs(("loss", loss)));

        Assert.True(h.Model.StopTraining);
        Assert.Equal("Batch 3: Invalid loss, terminating training\n", h.Output.ToString());
    }

    [Fact]
    public void FiniteOrMissingLossIsLeftAlone()
    {
        var h = new CallbackHarness<TerminateOnNaN>(new TerminateOnNaN());

        h.Callback.OnTrainBatchEnd(0, Logs(("loss", 1e308)));
        h.Callback.OnTrainBatchEnd(1, Logs(("accuracy", double.NaN)));

        Assert.False(h.Model.StopTraining);
        Assert.Equal("", h.Output.ToString());
    }

    [Fact]
    public void RaiseErrorThrowsInstead()
    {
        var h = new CallbackHarness<TerminateOnNaN>(new TerminateOnNaN(raiseError: true));

        var error = Assert.Throws<InvalidOperationException>(() => h.Callback.OnTrainBatchEnd(2, Logs(("loss", double.PositiveInfinity))));

        Assert.Equal("NaN or Inf loss encountered at batch 2. Loss value: inf. Terminating training immediately.", error.Message);
        Assert.False(h.Model.StopTraining);
        Assert.Equal("", h.Output.ToString());
    }
}
