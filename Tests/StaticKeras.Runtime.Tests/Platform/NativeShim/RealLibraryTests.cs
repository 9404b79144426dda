using System.IO;
using System.Linq;
using StaticKeras.Build;
using Xunit;

namespace StaticKeras.Tests.Platform.NativeShim;

/// <summary>The ELF logic on the real libraries: TorchSharp's shim and this system's libstdc++.</summary>
public class RealLibraryTests
{
    [PackagedShimFact]
    public void The_packaged_shim_needs_GLIBCXX_3_4_32_strongly_at_the_offset_readelf_shows()
    {
        var need = ElfSymbolVersions.ReadNeeds(ElfImage.Read(TorchSharpPackage.NativeShim!)).Single(n => n.Version == "GLIBCXX_3.4.32");

        Assert.Equal("libstdc++.so.6", need.File);
        Assert.False(need.IsWeak);
        // readelf -V (TorchSharp 0.107.0): .gnu.version_r at 0x3f8f0, entry 0x0140 "GLIBCXX_3.4.32 Flags: none";
        // vna_flags is 4 bytes into it. A new TorchSharp version needs the fix checked again.
        Assert.Equal(0x3F8F0 + 0x140 + 4, need.FlagsOffset);
    }

    [PackagedShimFact]
    public void Marking_a_copy_of_the_packaged_shim_changes_exactly_that_flag()
    {
        using var temp = new TempDirectory();
        var copy = temp.File("libLibTorchSharp.so");
        File.Copy(TorchSharpPackage.NativeShim!, copy);
        var before = File.ReadAllBytes(copy);
        var needsBefore = ElfSymbolVersions.ReadNeeds(ElfImage.Read(copy));

        Assert.Equal(MarkOutcome.Marked, WeakVersionMarker.Mark(ElfImage.Read(copy), "GLIBCXX_3.4.32"));

        var after = File.ReadAllBytes(copy);
        var changed = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToArray();
        Assert.Equal([0x3F8F0 + 0x140 + 4], changed);
        Assert.Equal(2, after[changed[0]]);
        var needsAfter = ElfSymbolVersions.ReadNeeds(ElfImage.Read(copy));
        Assert.Equal(needsBefore.Select(n => (n.File, n.Version, n.Version == "GLIBCXX_3.4.32" ? n.Flags | 2 : n.Flags)),
            needsAfter.Select(n => (n.File, n.Version, (int)n.Flags)));
        Assert.Equal(MarkOutcome.AlreadyWeak, WeakVersionMarker.Mark(ElfImage.Read(copy), "GLIBCXX_3.4.32"));
    }

    [LinuxFact]
    public void The_system_libstdcxx_defines_its_base_versions()
    {
        var path = SharedLibraryLocator.Find("libstdc++.so.6", SharedLibraryLocator.ProcessMachine,
            SharedLibraryLocator.DefaultLdSoCache, SharedLibraryLocator.DefaultDirectories());
        Assert.NotNull(path);

        var definitions = ElfSymbolVersions.ReadDefinitions(ElfImage.Read(path));

        Assert.Equal("libstdc++.so.6", definitions[0]); // the base definition is the soname
        Assert.Contains("GLIBCXX_3.4", definitions);
        Assert.Contains("CXXABI_1.3", definitions);
        // GCC 12 (Debian 12) defines GLIBCXX_3.4.30; every libstdc++ TorchSharp 0.107 runs on defines 3.4.29 and before.
        Assert.All(Enumerable.Range(1, 29), minor => Assert.Contains($"GLIBCXX_3.4.{minor}", definitions));
    }
}
