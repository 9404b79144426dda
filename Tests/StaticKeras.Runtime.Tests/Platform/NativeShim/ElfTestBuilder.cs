using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace StaticKeras.Tests.Platform.NativeShim;

/// <summary>
/// Writes a small ELF64 little-endian shared object holding only what the native-shim fix reads:
/// the header, a .dynstr string table, a .gnu.version_r (needs) and a .gnu.version_d (definitions).
/// Layout: header (64) | .dynstr | .gnu.version_r | .gnu.version_d | section headers (64 each).
/// </summary>
internal sealed class ElfTestBuilder
{
    private readonly List<(string File, (string Version, ushort Flags)[] Versions)> needs = [];
    private readonly List<string> definitions = [];

    public ushort Machine { get; init; } = 62;
    public byte ElfClass { get; init; } = 2;

    /// <summary>Adds an Elf64_Verneed for <paramref name="file"/> with one Elf64_Vernaux per version.</summary>
    public ElfTestBuilder Need(string file, params (string Version, ushort Flags)[] versions)
    {
        needs.Add((file, versions));
        return this;
    }

    /// <summary>Adds one Elf64_Verdef per version name.</summary>
    public ElfTestBuilder Define(params string[] versions)
    {
        definitions.AddRange(versions);
        return this;
    }

    /// <summary>The offset of vna_flags of the <paramref name="aux"/>-th version of the <paramref name="need"/>-th needed file.</summary>
    public int FlagsOffset(int need, int aux)
    {
        var offset = 64 + Align(StringTable().Bytes.Length);
        for (var i = 0; i < need; i++)
            offset += 16 + 16 * needs[i].Versions.Length;
        return offset + 16 + 16 * aux + 4;
    }

    public byte[] Build()
    {
        var (strings, index) = StringTable();
        var verneed = new MemoryStream();
        for (var i = 0; i < needs.Count; i++)
        {
            var (file, versions) = needs[i];
            var last = i == needs.Count - 1;
            Write(verneed, (ushort)1, (ushort)versions.Length, index[file], 16u, last ? 0u : (uint)(16 + 16 * versions.Length));
            for (var j = 0; j < versions.Length; j++)
                Write(verneed, 0u, versions[j].Flags, (ushort)(j + 2), index[versions[j].Version], j == versions.Length - 1 ? 0u : 16u);
        }
        var verdef = new MemoryStream();
        for (var i = 0; i < definitions.Count; i++)
        {
            Write(verdef, (ushort)1, (ushort)0, (ushort)(i + 1), (ushort)1, 0u, 20u, i == definitions.Count - 1 ? 0u : 28u);
            Write(verdef, index[definitions[i]], 0u);
        }

        var image = new MemoryStream();
        image.Write(new byte[64]);
        var sections = new List<byte[]> { new byte[64] }; // section 0 is the null section
        sections.Add(Place(image, strings, type: 3, link: 0, info: 0));
        if (needs.Count > 0)
            sections.Add(Place(image, verneed.ToArray(), type: 0x6FFFFFFE, link: 1, info: (uint)needs.Count));
        if (definitions.Count > 0)
            sections.Add(Place(image, verdef.ToArray(), type: 0x6FFFFFFD, link: 1, info: (uint)definitions.Count));
        var tableOffset = image.Length;
        foreach (var header in sections)
            image.Write(header);

        var bytes = image.ToArray();
        byte[] ident = [0x7F, (byte)'E', (byte)'L', (byte)'F', ElfClass, 1, 1];
        ident.CopyTo(bytes, 0);
        Put(bytes, 16, (ushort)3);            // e_type ET_DYN
        Put(bytes, 18, Machine);              // e_machine
        Put(bytes, 20, 1u);                   // e_version
        Put(bytes, 40, (ulong)tableOffset);   // e_shoff
        Put(bytes, 52, (ushort)64);           // e_ehsize
        Put(bytes, 58, (ushort)64);           // e_shentsize
        Put(bytes, 60, (ushort)sections.Count);
        return bytes;
    }

    public string WriteTo(string path)
    {
        File.WriteAllBytes(path, Build());
        return path;
    }

    private (byte[] Bytes, Dictionary<string, uint> Index) StringTable()
    {
        var table = new MemoryStream();
        table.WriteByte(0);
        var index = new Dictionary<string, uint>();
        foreach (var name in Names())
        {
            if (index.ContainsKey(name))
                continue;
            index[name] = (uint)table.Length;
            table.Write(Encoding.UTF8.GetBytes(name + "\0"));
        }
        return (table.ToArray(), index);
    }

    private IEnumerable<string> Names()
    {
        foreach (var (file, versions) in needs)
        {
            yield return file;
            foreach (var (version, _) in versions)
                yield return version;
        }
        foreach (var definition in definitions)
            yield return definition;
    }

    // Appends the section's bytes (8-aligned) and returns its Elf64_Shdr.
    private static byte[] Place(MemoryStream image, byte[] contents, uint type, uint link, uint info)
    {
        var offset = image.Length;
        image.Write(contents);
        image.Write(new byte[Align(contents.Length) - contents.Length]);
        var header = new byte[64];
        Put(header, 4, type);
        Put(header, 24, (ulong)offset);
        Put(header, 32, (ulong)contents.Length);
        Put(header, 40, link);
        Put(header, 44, info);
        return header;
    }

    private static int Align(int length) => (length + 7) & ~7;

    private static void Write(MemoryStream stream, params object[] fields)
    {
        foreach (var field in fields)
        {
            var bytes = field switch
            {
                ushort u16 => BitConverter.GetBytes(u16),
                uint u32 => BitConverter.GetBytes(u32),
                _ => throw new ArgumentException($"unsupported field type {field.GetType()}"),
            };
            stream.Write(bytes);
        }
    }

    private static void Put(byte[] target, int offset, object value)
    {
        var bytes = value switch
        {
            ushort u16 => BitConverter.GetBytes(u16),
            uint u32 => BitConverter.GetBytes(u32),
            ulong u64 => BitConverter.GetBytes(u64),
            _ => throw new ArgumentException($"unsupported field type {value.GetType()}"),
        };
        bytes.CopyTo(target, offset);
    }
}
