using System.Collections.Generic;
using System.Runtime.InteropServices;
using StaticKeras.Platform;
using Xunit;

namespace StaticKeras.Tests.Platform;

public class GlibcMallocTuningTests
{
    private static MallocTuningOutcome Decide(Dictionary<string, string> environment, bool isLinux = true) =>
        GlibcMallocTuning.Decide(name => environment.GetValueOrDefault(name), isLinux);

    [Fact]
    public void Applies_on_linux_without_user_settings() => Assert.Equal(MallocTuningOutcome.Applied, Decide([]));

    [Fact]
    public void Does_nothing_elsewhere() => Assert.Equal(MallocTuningOutcome.NotLinux, Decide([], isLinux: false));

    [Theory]
    [InlineData("1", true)]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("0", false)]
    [InlineData("", false)]
    public void STATICKERAS_NO_MALLOPT_opts_out(string value, bool optsOut) =>
        Assert.Equal(optsOut ? MallocTuningOutcome.OptedOut : MallocTuningOutcome.Applied, Decide(new() { ["STATICKERAS_NO_MALLOPT"] = value }));

    [Fact]
    public void The_DisableMallocTuning_switch_opts_out() =>
        Assert.Equal(MallocTuningOutcome.OptedOut, GlibcMallocTuning.Decide(_ => null, isLinux: true, switchedOff: true));

    [Fact]
    public void The_StaticKerasMallocTuning_property_sets_the_switch_in_runtimeconfig()
    {
        var targets = System.IO.File.ReadAllText(System.IO.Path.Combine(RepositoryRoot(), "Runtime", "buildTransitive", "StaticKeras.targets"));

        Assert.Contains("<ItemGroup Condition=\"'$(StaticKerasMallocTuning)' == 'false'\">", targets);
        Assert.Contains($"<RuntimeHostConfigurationOption Include=\"{GlibcMallocTuning.OptOutSwitch}\" Value=\"true\" />", targets);
    }

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(file)!, "..", "..", ".."));

    [Theory]
    [InlineData("MALLOC_MMAP_THRESHOLD_", "65536")]
    [InlineData("MALLOC_TRIM_THRESHOLD_", "1048576")]
    [InlineData("GLIBC_TUNABLES", "glibc.malloc.mmap_threshold=65536")]
    [InlineData("GLIBC_TUNABLES", "glibc.cpu.hwcaps=-AVX2:glibc.malloc.trim_threshold=0")]
    public void The_users_own_malloc_settings_win(string variable, string value) =>
        Assert.Equal(MallocTuningOutcome.UserSettings, Decide(new() { [variable] = value }));

    [Fact]
    public void Other_glibc_tunables_do_not_stop_it() =>
        Assert.Equal(MallocTuningOutcome.Applied, Decide(new() { ["GLIBC_TUNABLES"] = "glibc.malloc.arena_max=2" }));

    [LinuxFact]
    public void The_runtime_applied_the_settings_when_it_loaded()
    {
        GlibcMallocTuning.Apply(); // the module initializer already ran: this changes nothing

        var expected = GlibcMallocTuning.Decide(System.Environment.GetEnvironmentVariable, isLinux: true);
        Assert.Equal(expected, GlibcMallocTuning.Outcome);
    }

    [LinuxFact]
    public void A_48_MiB_block_comes_from_the_heap_not_from_its_own_mapping()
    {
        Assert.Equal(MallocTuningOutcome.Applied, GlibcMallocTuning.Outcome);
        // glibc's default maps every block above 32 MiB (its dynamic threshold's ceiling); with
        // M_MMAP_THRESHOLD at 128 MiB a 48 MiB block fits a heap (64 MiB at most per thread arena).
        // glibc flags a mapped chunk with IS_MMAPPED (2) in the size word just before the block.
        var block = Marshal.AllocHGlobal(48 * 1024 * 1024); // malloc on Unix
        var sizeWord = Marshal.ReadInt64(block, -8);
        Marshal.FreeHGlobal(block);

        Assert.True(sizeWord >= 48 * 1024 * 1024, $"size word {sizeWord:x}");
        Assert.Equal(0, sizeWord & 2);
    }
}
