using System;
using StaticKeras.Layers;
using StaticKeras.Platform;
using Xunit;

namespace StaticKeras.Tests.Platform;

/// <summary>
/// The once-per-process check of libtorch's oneDNN convolutions: its setting, what it did in this test
/// process, and that the kernels it falls back to are right.
/// </summary>
public class OneDnnConvolutionCheckTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("check", null)]
    [InlineData(" Auto ", null)]
    [InlineData("on", true)]
    [InlineData("TRUE", true)]
    [InlineData("1", true)]
    [InlineData("off", false)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    public void STATICKERAS_ONEDNN_chooses_check_keep_or_off(string? value, bool? expected) =>
        Assert.Equal(expected, OneDnnConvolutionCheck.Override(value));

    [Fact]
    public void An_unknown_setting_names_the_variable_and_the_valid_values()
    {
        var error = Assert.Throws<ArgumentException>(() => OneDnnConvolutionCheck.Override("sometimes"));

        Assert.Contains("STATICKERAS_ONEDNN must be 'check' (the default), 'on' or 'off', found 'sometimes'", error.Message);
    }

    [LinuxFact]
    public void Libtorchs_switch_is_found() => Assert.True(LibTorchContext.Available);

    [Fact]
    public void Making_a_convolution_layer_runs_the_check_and_leaves_oneDNN_as_it_decided()
    {
        using var conv = new Conv2D(2, 3);

        var outcome = OneDnnConvolutionCheck.Outcome;
        switch (OneDnnConvolutionCheck.Override(Environment.GetEnvironmentVariable(OneDnnConvolutionCheck.Variable)))
        {
            case true:
                Assert.Equal(OneDnnCheckOutcome.TrustedByUser, outcome);
                return;
            case false:
                Assert.Equal(OneDnnCheckOutcome.OffByUser, outcome);
                Assert.False(LibTorchContext.OneDnnEnabled);
                return;
        }

        Assert.Contains(outcome, new[] { OneDnnCheckOutcome.Verified, OneDnnCheckOutcome.SwitchedOff });
        Assert.Equal(outcome == OneDnnCheckOutcome.Verified, OneDnnConvolutionCheck.LargestError <= ConvolutionProbes.Tolerance);
        if (LibTorchContext.Available)
        {
            Assert.Equal(outcome == OneDnnCheckOutcome.Verified, LibTorchContext.OneDnnEnabled);
            Assert.Equal(outcome == OneDnnCheckOutcome.Verified, LibTorchContext.NnpackEnabled);
        }
    }

    [LinuxFact]
    public void With_oneDNN_and_NNPACK_off_the_probed_convolutions_are_right()
    {
        // Switching off is safe while other tests run; it is switched back on only where the check verified oneDNN.
        using var conv = new Conv2D(2, 3);
        bool wasEnabled = LibTorchContext.OneDnnEnabled == true;
        try
        {
            Assert.True(LibTorchContext.TrySetOneDnn(false) && LibTorchContext.TrySetNnpack(false));
            Assert.False(LibTorchContext.OneDnnEnabled);
            Assert.False(LibTorchContext.NnpackEnabled);

            var (error, probe) = ConvolutionProbes.LargestError();

            Assert.True(error <= ConvolutionProbes.Tolerance, $"ATen's own kernels: float32 off from float64 by {error:G3} in '{probe}'");
        }
        finally
        {
            LibTorchContext.TrySetOneDnn(wasEnabled);
            LibTorchContext.TrySetNnpack(wasEnabled);
        }
    }
}
