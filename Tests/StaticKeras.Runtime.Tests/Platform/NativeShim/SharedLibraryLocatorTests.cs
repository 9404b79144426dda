using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using StaticKeras.Build;
using Xunit;

namespace StaticKeras.Tests.Platform.NativeShim;

public class SharedLibraryLocatorTests
{
    // glibc's cache_file_new: magic+version (20), nlibs, len_strings, flags+padding, extension offset,
    // 3 unused words (48 bytes); 24-byte entries {flags, key, value, osversion, hwcap}; then strings,
    // at offsets from the header. With oldFormat, glibc's older table (12-byte entries) comes first.
    private static byte[] Cache((string Name, string Path)[] entries, bool oldFormat = false)
    {
        var strings = new MemoryStream();
        var offsets = new List<(int Key, int Value)>();
        var stringsStart = 48 + 24 * entries.Length;
        foreach (var (name, path) in entries)
        {
            var key = stringsStart + (int)strings.Length;
            strings.Write(Encoding.ASCII.GetBytes(name + "\0"));
            var value = stringsStart + (int)strings.Length;
            strings.Write(Encoding.ASCII.GetBytes(path + "\0"));
            offsets.Add((key, value));
        }
        var cache = new MemoryStream();
        if (oldFormat)
        {
            cache.Write(Encoding.ASCII.GetBytes("ld.so-1.7.0\0"));
            cache.Write(BitConverter.GetBytes(entries.Length));
            cache.Write(new byte[12 * entries.Length]);
            cache.Write(new byte[(8 - cache.Length % 8) % 8]);
        }
        cache.Write(Encoding.ASCII.GetBytes("glibc-ld.so.cache1.1"));
        cache.Write(BitConverter.GetBytes(entries.Length));
        cache.Write(BitConverter.GetBytes((int)strings.Length));
        cache.Write(new byte[20]);
        foreach (var (key, value) in offsets)
        {
            cache.Write(BitConverter.GetBytes(0x0303)); // FLAG_ELF_LIBC6 | FLAG_X8664_LIB64
            cache.Write(BitConverter.GetBytes(key));
            cache.Write(BitConverter.GetBytes(value));
            cache.Write(new byte[12]);
        }
        cache.Write(strings.ToArray());
        return cache.ToArray();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadLdSoCache_lists_soname_and_path_in_cache_order(bool oldFormat)
    {
        var cache = Cache([("libstdc++.so.6", "/usr/lib/x86_64-linux-gnu/libstdc++.so.6"), ("libc.so.6", "/lib/x86_64-linux-gnu/libc.so.6")], oldFormat);

        var entries = SharedLibraryLocator.ReadLdSoCache(cache);

        Assert.Equal(
            [new("libstdc++.so.6", "/usr/lib/x86_64-linux-gnu/libstdc++.so.6"), new KeyValuePair<string, string>("libc.so.6", "/lib/x86_64-linux-gnu/libc.so.6")],
            entries);
    }

    [Fact]
    public void ReadLdSoCache_rejects_another_file()
    {
        var error = Assert.Throws<InvalidDataException>(() => SharedLibraryLocator.ReadLdSoCache(Encoding.ASCII.GetBytes("# /etc/ld.so.conf")));

        Assert.Equal("not a glibc ld.so cache: no \"glibc-ld.so.cache1.1\" header at byte 0.", error.Message);
    }

    [Fact]
    public void Find_takes_the_cache_entry_before_the_default_directories()
    {
        using var temp = new TempDirectory();
        var cached = new ElfTestBuilder().WriteTo(temp.File("cached/libstdc++.so.6"));
        new ElfTestBuilder().WriteTo(temp.File("lib/libstdc++.so.6"));
        var cache = temp.File("ld.so.cache");
        File.WriteAllBytes(cache, Cache([("libstdc++.so.6", cached)]));

        Assert.Equal(cached, SharedLibraryLocator.Find("libstdc++.so.6", 62, cache, [Path.Combine(temp.Path, "lib")]));
    }

    [Fact]
    public void Find_skips_libraries_for_another_machine_and_files_that_are_not_elf()
    {
        using var temp = new TempDirectory();
        new ElfTestBuilder { Machine = 183 }.WriteTo(temp.File("arm/libstdc++.so.6"));
        File.WriteAllText(temp.File("text/libstdc++.so.6"), "INPUT(libstdc++.so.6.0.30)");
        var right = new ElfTestBuilder().WriteTo(temp.File("x64/libstdc++.so.6"));
        var directories = new[] { "missing", "arm", "text", "x64" }.Select(d => Path.Combine(temp.Path, d));

        Assert.Equal(right, SharedLibraryLocator.Find("libstdc++.so.6", 62, Path.Combine(temp.Path, "no-cache"), directories));
    }

    [Fact]
    public void Find_falls_back_to_the_directories_when_the_cache_is_unreadable()
    {
        using var temp = new TempDirectory();
        var library = new ElfTestBuilder().WriteTo(temp.File("lib/libstdc++.so.6"));
        var cache = temp.File("ld.so.cache");
        File.WriteAllText(cache, "corrupt");

        Assert.Equal(library, SharedLibraryLocator.Find("libstdc++.so.6", 62, cache, [Path.Combine(temp.Path, "lib")]));
    }

    [Fact]
    public void Find_returns_null_when_no_candidate_exists()
    {
        using var temp = new TempDirectory();

        Assert.Null(SharedLibraryLocator.Find("libstdc++.so.6", 62, Path.Combine(temp.Path, "no-cache"), [temp.Path]));
    }

    [LinuxFact]
    public void The_systems_cache_names_the_libc_this_process_runs_on()
    {
        var entries = SharedLibraryLocator.ReadLdSoCache(File.ReadAllBytes(SharedLibraryLocator.DefaultLdSoCache));

        var libc = entries.Where(e => e.Key == "libc.so.6").Select(e => e.Value).ToList();
        Assert.NotEmpty(libc);
        Assert.All(libc, path => Assert.True(File.Exists(path), path));
        // The loaded path may differ by a symbolic link (/lib -> usr/lib); the file is the same.
        var loaded = File.ReadAllLines("/proc/self/maps").Where(line => line.Contains("/libc.so.6")).Select(line => line[line.IndexOf('/')..]).First();
        Assert.Contains(libc, path => File.ReadAllBytes(path).AsSpan().SequenceEqual(File.ReadAllBytes(loaded)));
    }
}
