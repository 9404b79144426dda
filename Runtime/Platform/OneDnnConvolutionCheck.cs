using System;
using System.Globalization;

namespace StaticKeras.Platform;

/// <summary>
/// Checks once per process, before the first convolution layer is made, that libtorch's oneDNN
/// convolutions compute float32 results that match float64 on this CPU, and switches oneDNN off for the
/// process (PyTorch's <c>torch.backends.mkldnn.enabled = False</c>) when they do not, with one warning on
/// standard error: a slower convolution rather than a silently wrong one. NNPACK is switched off with it,
/// so that convolutions run on ATen's own kernels, which the probes checked (NNPACK, the next choice for a
/// forward convolution, is unchecked, and where the CPU is one it does not know, libtorch warns on every
/// convolution it tries it for).
/// </summary>
/// <remarks>
/// <see cref="ConvolutionProbes"/> says which convolutions were found wrong, and where. The check costs
/// about a quarter of a second once (measured as the first convolution layer's construction with and without
/// it: mostly oneDNN and ATen building their first kernels). The environment variable <c>STATICKERAS_ONEDNN</c> overrides it: <c>on</c> keeps
/// oneDNN unchecked, <c>off</c> switches it off unchecked. When the results are wrong and libtorch's switch
/// cannot be reached, making a convolution layer throws rather than train on wrong numbers.
/// </remarks>
internal static class OneDnnConvolutionCheck
{
    /// <summary>The environment variable: unset or <c>check</c> (default), <c>on</c> or <c>off</c>.</summary>
    public const string Variable = "STATICKERAS_ONEDNN";

    private static readonly object Gate = new();

    /// <summary>What the check did in this process.</summary>
    public static OneDnnCheckOutcome Outcome { get; private set; } = OneDnnCheckOutcome.NotRun;

    /// <summary>The largest relative error the probes found, or NaN when they did not run.</summary>
    public static double LargestError { get; private set; } = double.NaN;

    /// <summary>Runs the check the first time it is called; later calls return at once.</summary>
    public static void EnsureChecked()
    {
        if (Outcome != OneDnnCheckOutcome.NotRun)
            return;
        lock (Gate)
        {
            if (Outcome != OneDnnCheckOutcome.NotRun)
                return;
            Outcome = Run(Environment.GetEnvironmentVariable(Variable));
        }
    }

    /// <summary>What to do for a value of <see cref="Variable"/>: check (null), or keep (true) or switch off (false) unchecked.</summary>
    public static bool? Override(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "check" or "auto" => null,
        "on" or "1" or "true" => true,
        "off" or "0" or "false" => false,
        _ => throw new ArgumentException(
            $"{Variable} must be 'check' (the default), 'on' or 'off', found '{value}'.", Variable),
    };

    private static OneDnnCheckOutcome Run(string? setting)
    {
        switch (Override(setting))
        {
            case true:
                return OneDnnCheckOutcome.TrustedByUser;
            case false:
                SwitchOff($"{Variable}=off");
                return OneDnnCheckOutcome.OffByUser;
        }

        // NNPACK is kept out of the probes (they check oneDNN), and back as it was if oneDNN passes.
        var nnpack = LibTorchContext.NnpackEnabled;
        LibTorchContext.TrySetNnpack(false);
        var (error, probe) = ConvolutionProbes.LargestError();
        LargestError = error;
        if (error <= ConvolutionProbes.Tolerance)
        {
            LibTorchContext.TrySetNnpack(nnpack ?? true);
            return OneDnnCheckOutcome.Verified;
        }

        var found = string.Create(CultureInfo.InvariantCulture, $"float32 off from float64 by {error:G3} of the largest value in '{probe}'");
        SwitchOff($"libtorch's oneDNN convolutions are wrong on this CPU ({found})");
        Console.Error.WriteLine(
            $"StaticKeras: libtorch's oneDNN convolutions give wrong float32 results on this CPU ({found}); " +
            $"convolutions run on ATen's own kernels instead, slower but right. Set {Variable}=on to keep oneDNN.");
        return OneDnnCheckOutcome.SwitchedOff;
    }

    private static void SwitchOff(string reason)
    {
        if (!LibTorchContext.TrySetOneDnn(false) || !LibTorchContext.TrySetNnpack(false))
        {
            throw new NotSupportedException(
                $"StaticKeras needs oneDNN switched off in libtorch ({reason}), but this libtorch does not export " +
                $"at::Context::setUserEnabledMkldnn and setUserEnabledNNPACK. Set {Variable}=on to run anyway.");
        }
    }
}
