using System.Collections.Generic;
using System.IO;
using System.Linq;
using StaticKeras.Build;
using Xunit;

namespace StaticKeras.Tests.Platform.NativeShim;

/// <summary>The build step over an output folder laid out as TorchSharp's: runtimes/linux-x64/native/ and cpu/.</summary>
public sealed class NativeShimFixTests : System.IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly List<(ShimLogLevel Level, string Message)> log = [];
    private readonly string output;
    private readonly string[] copies;

    public NativeShimFixTests()
    {
        output = Path.Combine(temp.Path, "bin");
        copies = [temp.File("bin/runtimes/linux-x64/native/libLibTorchSharp.so"), temp.File("bin/cpu/libLibTorchSharp.so")];
        foreach (var copy in copies)
            Shim().WriteTo(copy);
    }

    public void Dispose() => temp.Dispose();

    private static ElfTestBuilder Shim() => new ElfTestBuilder().Need("libstdc++.so.6", ("GLIBCXX_3.4.30", 0), ("GLIBCXX_3.4.32", 0));

    private string LibStdCxx(params string[] versions) =>
        new ElfTestBuilder().Define(["libstdc++.so.6", .. versions]).WriteTo(temp.File($"system/{versions.Length}/libstdc++.so.6"));

    private NativeShimFix Fix(string? libStdCxx) => new((level, message) => log.Add((level, message))) { LibStdCxxPath = libStdCxx };

    private static bool IsWeak(string path) =>
        ElfSymbolVersions.ReadNeeds(ElfImage.Read(path)).Single(n => n.Version == "GLIBCXX_3.4.32").IsWeak;

    [Fact]
    public void Marks_every_copy_when_the_system_libstdcxx_lacks_the_version()
    {
        var libStdCxx = LibStdCxx("GLIBCXX_3.4", "GLIBCXX_3.4.30");

        Assert.Equal(2, Fix(libStdCxx).Run([output]));

        Assert.All(copies, copy => Assert.True(IsWeak(copy)));
        Assert.Equal(
            copies.Select(copy => (ShimLogLevel.Normal, $"StaticKeras: marked the GLIBCXX_3.4.32 need of {copy} weak, so it loads with {libStdCxx}.")).OrderBy(m => m.Item2),
            log.OrderBy(m => m.Message));
    }

    [Fact]
    public void A_second_run_finds_them_marked_and_writes_nothing()
    {
        var libStdCxx = LibStdCxx("GLIBCXX_3.4.30");
        Fix(libStdCxx).Run([output]);
        var times = copies.Select(File.GetLastWriteTimeUtc).ToArray();
        var bytes = copies.Select(File.ReadAllBytes).ToArray();
        log.Clear();

        Assert.Equal(0, Fix(libStdCxx).Run([output]));

        Assert.Equal(times, copies.Select(File.GetLastWriteTimeUtc));
        Assert.Equal(bytes, copies.Select(File.ReadAllBytes));
        Assert.All(log, entry => Assert.Equal(ShimLogLevel.Low, entry.Level));
        Assert.Equal(2, log.Count(entry => entry.Message.EndsWith("already has its GLIBCXX_3.4.32 need marked weak.")));
    }

    [Fact]
    public void Does_nothing_when_the_system_libstdcxx_defines_the_version()
    {
        var libStdCxx = LibStdCxx("GLIBCXX_3.4.30", "GLIBCXX_3.4.31", "GLIBCXX_3.4.32");
        var bytes = copies.Select(File.ReadAllBytes).ToArray();

        Assert.Equal(0, Fix(libStdCxx).Run([output]));

        Assert.Equal(bytes, copies.Select(File.ReadAllBytes));
        Assert.Equal([(ShimLogLevel.Low, $"StaticKeras: {libStdCxx} defines GLIBCXX_3.4.32; libLibTorchSharp.so loads as shipped.")], log);
    }

    [Fact]
    public void Marks_when_no_libstdcxx_was_found()
    {
        Assert.Equal(2, Fix(null).Run([output]));

        Assert.Contains((ShimLogLevel.Normal, "StaticKeras: found no libstdc++.so.6 on the loader's path; marking GLIBCXX_3.4.32 weak."), log);
        Assert.All(copies, copy => Assert.True(IsWeak(copy)));
    }

    [Fact]
    public void Marks_with_a_warning_when_the_libstdcxx_cannot_be_read()
    {
        var unreadable = temp.File("system/libstdc++.so.6");
        File.WriteAllText(unreadable, "INPUT(libstdc++.so.6.0.30)");

        Assert.Equal(2, Fix(unreadable).Run([output]));

        Assert.Contains(log, entry => entry.Level == ShimLogLevel.Warning && entry.Message.StartsWith($"StaticKeras: cannot read the versions {unreadable} defines ("));
    }

    [Fact]
    public void Reports_a_corrupt_copy_as_an_error_and_still_marks_the_others()
    {
        File.WriteAllText(copies[1], "not a library");

        Assert.Equal(1, Fix(LibStdCxx("GLIBCXX_3.4.30")).Run([output]));

        Assert.True(IsWeak(copies[0]));
        Assert.Equal("not a library", File.ReadAllText(copies[1]));
        Assert.Contains((ShimLogLevel.Error,
            $"StaticKeras: cannot mark GLIBCXX_3.4.32 weak in {copies[1]}: {copies[1]} is not an ELF file: it starts with [6E 6F 74 20] instead of [7F 45 4C 46]."), log);
    }

    [Fact]
    public void Leaves_a_copy_that_does_not_need_the_version()
    {
        new ElfTestBuilder().Need("libstdc++.so.6", ("GLIBCXX_3.4.30", 0)).WriteTo(copies[1]);

        Assert.Equal(1, Fix(LibStdCxx("GLIBCXX_3.4.30")).Run([output]));

        Assert.Contains((ShimLogLevel.Low, $"StaticKeras: {copies[1]} does not need GLIBCXX_3.4.32; left as it is."), log);
    }

    [Fact]
    public void Never_modifies_the_nuget_package_folder()
    {
        var fix = Fix(LibStdCxx("GLIBCXX_3.4.30"));
        fix.ProtectedRoot = Path.Combine(output, "cpu");
        var protectedBytes = File.ReadAllBytes(copies[1]);

        Assert.Equal(1, fix.Run([output]));

        Assert.Equal(protectedBytes, File.ReadAllBytes(copies[1]));
        Assert.Contains((ShimLogLevel.Warning, $"StaticKeras: {copies[1]} is inside the NuGet package folder {fix.ProtectedRoot}/; not modifying it."), log);
    }

    [Fact]
    public void Finds_nothing_to_do_in_a_folder_without_the_shim()
    {
        var empty = Directory.CreateDirectory(Path.Combine(temp.Path, "empty")).FullName;

        Assert.Equal(0, Fix(LibStdCxx("GLIBCXX_3.4.30")).Run([empty, Path.Combine(temp.Path, "missing")]));

        Assert.Single(log);
        Assert.StartsWith("StaticKeras: no libLibTorchSharp.so in ", log[0].Message);
    }
}
