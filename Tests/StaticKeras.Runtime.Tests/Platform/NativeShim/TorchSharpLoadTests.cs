using System;
using System.IO;
using System.Linq;
using StaticKeras.Build;
using Xunit;
using static TorchSharp.torch;

namespace StaticKeras.Tests.Platform.NativeShim;

/// <summary>End to end: the build step ran on this test project's output, and TorchSharp loads here.</summary>
public class TorchSharpLoadTests
{
    [Fact]
    public void TorchSharp_loads_and_computes()
    {
        using var sum = ones(2).sum();

        Assert.Equal(2f, sum.item<float>());
    }

    [LinuxFact]
    public void Every_output_copy_of_the_shim_is_marked_when_the_system_libstdcxx_lacks_the_version()
    {
        var libStdCxx = SharedLibraryLocator.Find("libstdc++.so.6", SharedLibraryLocator.ProcessMachine,
            SharedLibraryLocator.DefaultLdSoCache, SharedLibraryLocator.DefaultDirectories());
        var systemHasVersion = libStdCxx != null && ElfSymbolVersions.ReadDefinitions(ElfImage.Read(libStdCxx)).Contains("GLIBCXX_3.4.32");
        var copies = Directory.GetFiles(AppContext.BaseDirectory, "libLibTorchSharp.so", SearchOption.AllDirectories);

        Assert.NotEmpty(copies);
        foreach (var copy in copies)
        {
            var need = ElfSymbolVersions.ReadNeeds(ElfImage.Read(copy)).Single(n => n.Version == "GLIBCXX_3.4.32");
            Assert.True(systemHasVersion || need.IsWeak, $"{copy}: GLIBCXX_3.4.32 should be weak, as {libStdCxx} lacks it");
        }
    }
}
