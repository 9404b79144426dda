using System;
using System.Runtime.InteropServices;

namespace StaticKeras.Platform;

/// <summary>
/// Keeps libtorch's large tensor buffers inside glibc's heap instead of mapping and unmapping them
/// on every step. By default glibc serves blocks of 128 KiB and more with mmap, raises that
/// threshold only as mapped blocks are freed, and trims the heap top above 128 KiB: a training step
/// then returns its activations to the system and faults them back in (5,000 to 9,000 page faults
/// a step for a Fashion-MNIST-sized CNN at batch 128, for the first 100 to 400 steps or more, and
/// about 35% more time a step; 2 faults a step with these settings). Runs once per process
/// (<see cref="ModuleStartup"/>), on Linux with glibc only, and never over the user's own settings.
/// </summary>
/// <remarks>
/// The two settings only work together: either one alone switches off glibc's dynamic threshold,
/// which makes things worse. 128 MiB keeps the activations of usual CPU training in the heap (a
/// batch of 128 CIFAR-sized maps with 64 channels is 32 MiB, glibc's own dynamic ceiling); the
/// trim threshold is twice that, glibc's own ratio, so at most 256 MiB of freed memory stays mapped
/// per arena. Opt out with the environment variable STATICKERAS_NO_MALLOPT=1, or in the program's
/// project with <c>&lt;StaticKerasMallocTuning&gt;false&lt;/StaticKerasMallocTuning&gt;</c> (the package's
/// build sets the AppContext switch <c>StaticKeras.DisableMallocTuning</c> in its runtimeconfig.json);
/// MALLOC_MMAP_THRESHOLD_, MALLOC_TRIM_THRESHOLD_ or glibc.malloc tunables in GLIBC_TUNABLES leave glibc
/// as the user configured it.
/// </remarks>
internal static class GlibcMallocTuning
{
    /// <summary>M_MMAP_THRESHOLD: blocks this large or larger are mapped on their own.</summary>
    public const int MmapThreshold = 128 * 1024 * 1024;

    /// <summary>M_TRIM_THRESHOLD: free memory at the heap top beyond this is returned to the system.</summary>
    public const int TrimThreshold = 256 * 1024 * 1024;

    /// <summary>Set to 1 (or true) to keep glibc's defaults.</summary>
    public const string OptOutVariable = "STATICKERAS_NO_MALLOPT";

    /// <summary>The AppContext switch that keeps glibc's defaults when on (MSBuild: StaticKerasMallocTuning=false).</summary>
    public const string OptOutSwitch = "StaticKeras.DisableMallocTuning";

    private const int MTrimThreshold = -1;
    private const int MMmapThreshold = -3;

    /// <summary>What <see cref="Apply"/> did in this process.</summary>
    public static MallocTuningOutcome Outcome { get; private set; } = MallocTuningOutcome.NotRun;

    /// <summary>Applies the settings unless <see cref="Decide"/> says otherwise; later calls do nothing.</summary>
    public static void Apply()
    {
        if (Outcome != MallocTuningOutcome.NotRun)
            return;
        var switchedOff = AppContext.TryGetSwitch(OptOutSwitch, out var disabled) && disabled;
        var decision = Decide(Environment.GetEnvironmentVariable, OperatingSystem.IsLinux(), switchedOff);
        Outcome = decision == MallocTuningOutcome.Applied ? CallMallopt() : decision;
    }

    /// <summary>Whether to apply the settings, given the environment, the operating system and <see cref="OptOutSwitch"/>.</summary>
    public static MallocTuningOutcome Decide(Func<string, string?> environment, bool isLinux, bool switchedOff = false)
    {
        if (!isLinux)
            return MallocTuningOutcome.NotLinux;
        var optOut = environment(OptOutVariable);
        if (switchedOff || optOut == "1" || string.Equals(optOut, "true", StringComparison.OrdinalIgnoreCase))
            return MallocTuningOutcome.OptedOut;
        var tunables = environment("GLIBC_TUNABLES") ?? "";
        if (environment("MALLOC_MMAP_THRESHOLD_") != null || environment("MALLOC_TRIM_THRESHOLD_") != null
            || tunables.Contains("glibc.malloc.mmap_threshold", StringComparison.Ordinal)
            || tunables.Contains("glibc.malloc.trim_threshold", StringComparison.Ordinal))
            return MallocTuningOutcome.UserSettings;
        return MallocTuningOutcome.Applied;
    }

    private static MallocTuningOutcome CallMallopt()
    {
        try
        {
            // mallopt returns 1 on success, 0 when glibc rejects the value.
            var accepted = Mallopt(MMmapThreshold, MmapThreshold) == 1 & Mallopt(MTrimThreshold, TrimThreshold) == 1;
            return accepted ? MallocTuningOutcome.Applied : MallocTuningOutcome.Rejected;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return MallocTuningOutcome.NotGlibc; // musl and other C libraries have no libc.so.6 / mallopt
        }
    }

    [DllImport("libc.so.6", EntryPoint = "mallopt", ExactSpelling = true)]
    private static extern int Mallopt(int parameter, int value);
}
