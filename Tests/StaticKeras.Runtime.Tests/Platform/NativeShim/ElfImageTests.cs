using System;
using System.IO;
using System.Linq;
using System.Text;
using StaticKeras.Build;
using Xunit;

namespace StaticKeras.Tests.Platform.NativeShim;

public class ElfImageTests
{
    [Fact]
    public void ReadNeeds_lists_every_version_of_every_needed_file_in_order()
    {
        var image = ElfImage.Parse(new ElfTestBuilder()
            .Need("libm.so.6", ("GLIBC_2.2.5", 0))
            .Need("libstdc++.so.6", ("GLIBCXX_3.4", 0), ("GLIBCXX_3.4.32", 2))
            .Build(), "lib.so");

        var needs = ElfSymbolVersions.ReadNeeds(image);

        Assert.Equal(["libm.so.6:GLIBC_2.2.5:0", "libstdc++.so.6:GLIBCXX_3.4:0", "libstdc++.so.6:GLIBCXX_3.4.32:2"],
            needs.Select(n => $"{n.File}:{n.Version}:{n.Flags}"));
        Assert.Equal([false, false, true], needs.Select(n => n.IsWeak));
    }

    [Fact]
    public void ReadDefinitions_lists_the_defined_version_names()
    {
        var image = ElfImage.Parse(new ElfTestBuilder().Define("libstdc++.so.6", "GLIBCXX_3.4", "GLIBCXX_3.4.30").Build(), "libstdc++.so.6");

        Assert.Equal(["libstdc++.so.6", "GLIBCXX_3.4", "GLIBCXX_3.4.30"], ElfSymbolVersions.ReadDefinitions(image));
    }

    [Fact]
    public void ReadDefinitions_reports_a_library_that_defines_no_versions()
    {
        var image = ElfImage.Parse(new ElfTestBuilder().Need("libc.so.6", ("GLIBC_2.34", 0)).Build(), "x.so");

        var error = Assert.Throws<InvalidDataException>(() => ElfSymbolVersions.ReadDefinitions(image));

        Assert.Equal("x.so has no version definitions (.gnu.version_d).", error.Message);
    }

    [Fact]
    public void Parse_rejects_a_file_that_is_not_elf()
    {
        var error = Assert.Throws<InvalidDataException>(() => ElfImage.Parse(Encoding.ASCII.GetBytes("hello, world"), "notes.txt"));

        Assert.Equal("notes.txt is not an ELF file: it starts with [68 65 6C 6C] instead of [7F 45 4C 46].", error.Message);
    }

    [Fact]
    public void Parse_rejects_an_empty_file()
    {
        var error = Assert.Throws<InvalidDataException>(() => ElfImage.Parse([], "empty.so"));

        Assert.Equal("empty.so is not an ELF file: it starts with [] instead of [7F 45 4C 46].", error.Message);
    }

    [Fact]
    public void Parse_rejects_a_32_bit_elf()
    {
        var error = Assert.Throws<InvalidDataException>(() => ElfImage.Parse(new ElfTestBuilder { ElfClass = 1 }.Build(), "lib32.so"));

        Assert.Equal("lib32.so: expected a 64-bit ELF file (EI_CLASS 2), found EI_CLASS 1.", error.Message);
    }

    [Fact]
    public void Parse_rejects_a_file_cut_inside_the_elf_header()
    {
        var bytes = new ElfTestBuilder().Need("libstdc++.so.6", ("GLIBCXX_3.4.32", 0)).Build()[..40];

        var error = Assert.Throws<InvalidDataException>(() => ElfImage.Parse(bytes, "cut.so"));

        Assert.Equal("cut.so is truncated or corrupt: the ELF header needs bytes 0..64 but the file has 40 bytes.", error.Message);
    }

    [Fact]
    public void Reading_a_file_cut_anywhere_fails_with_a_truncation_message()
    {
        var whole = new ElfTestBuilder().Need("libstdc++.so.6", ("GLIBCXX_3.4.30", 0), ("GLIBCXX_3.4.32", 0)).Build();

        // Every length short of the whole file loses the header, a section or the section table.
        foreach (var length in Enumerable.Range(4, whole.Length - 4))
        {
            var error = Assert.Throws<InvalidDataException>(() => ElfSymbolVersions.ReadNeeds(ElfImage.Parse(whole[..length], "cut.so")));
            Assert.StartsWith("cut.so is truncated or corrupt: ", error.Message);
        }
    }

    [Fact]
    public void A_need_pointing_past_its_section_is_reported_as_corrupt()
    {
        var builder = new ElfTestBuilder().Need("libstdc++.so.6", ("GLIBCXX_3.4.32", 0));
        var bytes = builder.Build();
        var vnAux = builder.FlagsOffset(0, 0) - 4 - 16 + 8;
        BitConverter.GetBytes(4096u).CopyTo(bytes, vnAux);

        var error = Assert.Throws<InvalidDataException>(() => ElfSymbolVersions.ReadNeeds(ElfImage.Parse(bytes, "bad.so")));

        Assert.Contains("bad.so is truncated or corrupt: an Elf64_Vernaux entry needs bytes", error.Message);
        Assert.Contains("but its section ends at byte", error.Message);
    }

    [Fact]
    public void A_corrupt_file_is_left_as_it_was()
    {
        using var temp = new TempDirectory();
        var whole = new ElfTestBuilder().Need("libstdc++.so.6", ("GLIBCXX_3.4.32", 0)).Build();
        var path = temp.File("lib.so");
        File.WriteAllBytes(path, whole[..(whole.Length - 10)]);

        Assert.Throws<InvalidDataException>(() => WeakVersionMarker.Mark(ElfImage.Read(path), "GLIBCXX_3.4.32"));

        Assert.Equal(whole[..(whole.Length - 10)], File.ReadAllBytes(path));
        Assert.Equal(["lib.so"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }
}
