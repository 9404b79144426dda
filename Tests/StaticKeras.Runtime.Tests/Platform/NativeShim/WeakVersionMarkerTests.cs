using System;
using System.IO;
using System.Linq;
using StaticKeras.Build;
using Xunit;

namespace StaticKeras.Tests.Platform.NativeShim;

public class WeakVersionMarkerTests
{
    private static ElfTestBuilder Shim() => new ElfTestBuilder()
        .Need("libc.so.6", ("GLIBC_2.34", 0))
        .Need("libstdc++.so.6", ("GLIBCXX_3.4.30", 0), ("GLIBCXX_3.4.32", 0), ("CXXABI_1.3", 0));

    [Fact]
    public void Mark_sets_the_weak_flag_on_that_need_and_changes_no_other_byte()
    {
        using var temp = new TempDirectory();
        var builder = Shim();
        var path = builder.WriteTo(temp.File("libLibTorchSharp.so"));
        var before = File.ReadAllBytes(path);

        var outcome = WeakVersionMarker.Mark(ElfImage.Read(path), "GLIBCXX_3.4.32");

        var after = File.ReadAllBytes(path);
        Assert.Equal(MarkOutcome.Marked, outcome);
        var changed = Enumerable.Range(0, before.Length).Where(i => before[i] != after[i]).ToArray();
        Assert.Equal([builder.FlagsOffset(need: 1, aux: 1)], changed);
        Assert.Equal(2, after[changed[0]]);
        var needs = ElfSymbolVersions.ReadNeeds(ElfImage.Read(path));
        Assert.Equal(["GLIBCXX_3.4.32"], needs.Where(n => n.IsWeak).Select(n => n.Version));
        Assert.Equal(["libc.so.6", "libstdc++.so.6", "libstdc++.so.6", "libstdc++.so.6"], needs.Select(n => n.File));
        Assert.Empty(Directory.GetFiles(temp.Path, "*.tmp"));
    }

    [Fact]
    public void Mark_keeps_the_other_flag_bits()
    {
        using var temp = new TempDirectory();
        var path = new ElfTestBuilder().Need("libstdc++.so.6", ("GLIBCXX_3.4.32", 0x1)).WriteTo(temp.File("lib.so"));

        WeakVersionMarker.Mark(ElfImage.Read(path), "GLIBCXX_3.4.32");

        Assert.Equal(0x3, ElfSymbolVersions.ReadNeeds(ElfImage.Read(path)).Single().Flags);
    }

    [Fact]
    public void Mark_keeps_the_file_time_so_msbuilds_incremental_copy_skips_the_marked_copy()
    {
        using var temp = new TempDirectory();
        var path = Shim().WriteTo(temp.File("lib.so"));
        var time = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, time);

        WeakVersionMarker.Mark(ElfImage.Read(path), "GLIBCXX_3.4.32");

        Assert.Equal(time, File.GetLastWriteTimeUtc(path));
    }

    [Fact]
    public void Mark_replaces_a_symbolic_link_into_the_package_instead_of_writing_through_it()
    {
        using var temp = new TempDirectory();
        var package = Shim().WriteTo(temp.File("package/lib.so"));
        var output = temp.File("bin/lib.so");
        File.CreateSymbolicLink(output, package);
        var packageBytes = File.ReadAllBytes(package);

        WeakVersionMarker.Mark(ElfImage.Read(output), "GLIBCXX_3.4.32");

        Assert.Equal(packageBytes, File.ReadAllBytes(package));
        Assert.Null(new FileInfo(output).LinkTarget);
        Assert.True(ElfSymbolVersions.ReadNeeds(ElfImage.Read(output)).Single(n => n.Version == "GLIBCXX_3.4.32").IsWeak);
    }

    [Fact]
    public void Mark_leaves_an_already_weak_need_and_its_file_alone()
    {
        using var temp = new TempDirectory();
        var path = new ElfTestBuilder().Need("libstdc++.so.6", ("GLIBCXX_3.4.32", 2)).WriteTo(temp.File("lib.so"));
        var time = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, time);
        var before = File.ReadAllBytes(path);

        Assert.Equal(MarkOutcome.AlreadyWeak, WeakVersionMarker.Mark(ElfImage.Read(path), "GLIBCXX_3.4.32"));

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(time, File.GetLastWriteTimeUtc(path));
    }

    [Fact]
    public void Mark_names_the_needed_versions_when_the_version_is_not_among_them()
    {
        using var temp = new TempDirectory();
        var path = new ElfTestBuilder().Need("libstdc++.so.6", ("GLIBCXX_3.4.30", 0), ("CXXABI_1.3", 0)).WriteTo(temp.File("lib.so"));
        var before = File.ReadAllBytes(path);

        var error = Assert.Throws<InvalidDataException>(() => WeakVersionMarker.Mark(ElfImage.Read(path), "GLIBCXX_3.4.32"));

        Assert.Equal($"{path} does not need version GLIBCXX_3.4.32; the versions it needs are: GLIBCXX_3.4.30, CXXABI_1.3.", error.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Mark_reports_a_library_without_version_needs()
    {
        using var temp = new TempDirectory();
        var path = new ElfTestBuilder().Define("V1").WriteTo(temp.File("lib.so"));

        var error = Assert.Throws<InvalidDataException>(() => WeakVersionMarker.Mark(ElfImage.Read(path), "GLIBCXX_3.4.32"));

        Assert.Equal($"{path} does not need version GLIBCXX_3.4.32; the versions it needs are: none.", error.Message);
    }
}
