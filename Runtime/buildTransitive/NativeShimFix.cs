// The build step that lets TorchSharp's native shim load on GCC 12's libstdc++ (Debian 12,
// Ubuntu 22.04). TorchSharp 0.107's libLibTorchSharp.so needs GLIBCXX_3.4.32 only for
// std::ios_base_library_init, which no relocation uses; marking that version need weak
// (VER_FLG_WEAK in its Elf64_Vernaux entry) lets glibc's loader accept an older libstdc++.
// One file, as RoslynCodeTaskFactory compiles one source per inline task (against netstandard2.0,
// hence no spans); the test project compiles it with STATICKERAS_NATIVE_SHIM_TESTS, without the task.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
#if !STATICKERAS_NATIVE_SHIM_TESTS
using System.Runtime.InteropServices;
using Microsoft.Build.Framework;
#endif

namespace StaticKeras.Build
{
    /// <summary>How much a message of the fix matters (maps to MSBuild importance, warning, error).</summary>
    internal enum ShimLogLevel { Low, Normal, Warning, Error }

    /// <summary>What marking one library did.</summary>
    internal enum MarkOutcome { Marked, AlreadyWeak }

    /// <summary>Marks the GLIBCXX_3.4.32 need weak in every libLibTorchSharp.so under some folders, unless the system's libstdc++ defines it.</summary>
    internal sealed class NativeShimFix
    {
        public const string LibraryFileName = "libLibTorchSharp.so";
        public const string MissingVersion = "GLIBCXX_3.4.32";

        private readonly Action<ShimLogLevel, string> log;

        public NativeShimFix(Action<ShimLogLevel, string> log) => this.log = log;

        /// <summary>The libstdc++ the loader would use (SharedLibraryLocator finds it); null when there is none.</summary>
        public string? LibStdCxxPath { get; set; }

        /// <summary>A folder never to modify (the NuGet package cache).</summary>
        public string? ProtectedRoot { get; set; }

        /// <summary>Applies the fix to every copy under <paramref name="directories"/>; returns the number marked.</summary>
        public int Run(IEnumerable<string> directories)
        {
            var copies = FindCopies(directories);
            if (copies.Count == 0 || SystemProvidesVersion())
                return 0;
            if (LibStdCxxPath == null)
                log(ShimLogLevel.Normal, $"StaticKeras: found no libstdc++.so.6 on the loader's path; marking {MissingVersion} weak.");
            var marked = 0;
            foreach (var copy in copies)
            {
                try
                {
                    var image = ElfImage.Read(copy);
                    if (!ElfSymbolVersions.ReadNeeds(image).Any(need => need.Version == MissingVersion))
                        log(ShimLogLevel.Low, $"StaticKeras: {copy} does not need {MissingVersion}; left as it is.");
                    else if (WeakVersionMarker.Mark(image, MissingVersion) == MarkOutcome.AlreadyWeak)
                        log(ShimLogLevel.Low, $"StaticKeras: {copy} already has its {MissingVersion} need marked weak.");
                    else
                    {
                        marked++;
                        log(ShimLogLevel.Normal, $"StaticKeras: marked the {MissingVersion} need of {copy} weak, so it loads with {LibStdCxxPath ?? "a libstdc++ without it"}.");
                    }
                }
                catch (Exception e) when (e is InvalidDataException || e is IOException || e is UnauthorizedAccessException)
                {
                    log(ShimLogLevel.Error, $"StaticKeras: cannot mark {MissingVersion} weak in {copy}: {e.Message}");
                }
            }
            return marked;
        }

        // True when the system's libstdc++ defines the version, so nothing needs marking. Unknown
        // (none found, unreadable) counts as missing: a weak need is harmless where the version
        // exists, while a strong one stops TorchSharp from loading where it does not.
        private bool SystemProvidesVersion()
        {
            try
            {
                var defined = LibStdCxxPath != null && ElfSymbolVersions.ReadDefinitions(ElfImage.Read(LibStdCxxPath)).Contains(MissingVersion);
                if (defined)
                    log(ShimLogLevel.Low, $"StaticKeras: {LibStdCxxPath} defines {MissingVersion}; {LibraryFileName} loads as shipped.");
                return defined;
            }
            catch (Exception e) when (e is InvalidDataException || e is IOException || e is UnauthorizedAccessException)
            {
                log(ShimLogLevel.Warning, $"StaticKeras: cannot read the versions {LibStdCxxPath} defines ({e.Message}); marking {MissingVersion} weak.");
                return false;
            }
        }

        private List<string> FindCopies(IEnumerable<string> directories)
        {
            var protectedRoot = string.IsNullOrEmpty(ProtectedRoot) ? null : Path.GetFullPath(ProtectedRoot!).TrimEnd('/') + "/";
            var copies = new List<string>();
            foreach (var directory in directories.Where(Directory.Exists))
            {
                foreach (var copy in Directory.EnumerateFiles(directory, LibraryFileName, SearchOption.AllDirectories).Select(Path.GetFullPath))
                {
                    if (protectedRoot != null && copy.StartsWith(protectedRoot, StringComparison.Ordinal))
                        log(ShimLogLevel.Warning, $"StaticKeras: {copy} is inside the NuGet package folder {protectedRoot}; not modifying it.");
                    else if (!copies.Contains(copy))
                        copies.Add(copy);
                }
            }
            if (copies.Count == 0)
                log(ShimLogLevel.Low, $"StaticKeras: no {LibraryFileName} in {string.Join(", ", directories)}; nothing to mark.");
            return copies;
        }
    }

    /// <summary>Sets VER_FLG_WEAK on a symbol-version need, writing a temporary file and then replacing the original.</summary>
    internal static class WeakVersionMarker
    {
        public const ushort VerFlgWeak = 0x2;

        /// <summary>Marks every need of <paramref name="version"/> in <paramref name="image"/> weak and writes the file.</summary>
        public static MarkOutcome Mark(ElfImage image, string version)
        {
            var needs = ElfSymbolVersions.ReadNeeds(image);
            var matching = needs.Where(need => need.Version == version).ToList();
            if (matching.Count == 0)
                throw new InvalidDataException($"{image.Path} does not need version {version}; the versions it needs are: {(needs.Count == 0 ? "none" : string.Join(", ", needs.Select(need => need.Version)))}.");
            if (matching.All(need => need.IsWeak))
                return MarkOutcome.AlreadyWeak;

            var patched = (byte[])image.Data.Clone();
            foreach (var need in matching)
            {
                var flags = need.Flags | VerFlgWeak;
                patched[need.FlagsOffset] = (byte)flags;
                patched[need.FlagsOffset + 1] = (byte)(flags >> 8);
            }
            ReplaceFile(image.Path, patched);
            return MarkOutcome.Marked;
        }

        // Copies the original (keeping its mode), writes the new contents into the copy and renames it
        // over the original: a failure never leaves a half-written library, and a hard or symbolic link
        // into the NuGet cache is replaced, not written through. The timestamp is kept so MSBuild's
        // incremental copy (same size and time: skip) keeps the marked copy on the next build.
        private static void ReplaceFile(string path, byte[] contents)
        {
            var full = Path.GetFullPath(path);
            var temporary = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
            var lastWrite = File.GetLastWriteTimeUtc(full);
            try
            {
                File.Copy(full, temporary);
                using (var stream = new FileStream(temporary, FileMode.Open, FileAccess.Write))
                {
                    stream.Write(contents, 0, contents.Length);
                    stream.SetLength(contents.Length);
                    stream.Flush(true);
                }
                File.SetLastWriteTimeUtc(temporary, lastWrite);
                File.Replace(temporary, full, null);
            }
            finally
            {
                if (File.Exists(temporary))
                    File.Delete(temporary);
            }
        }
    }

    /// <summary>One Elf64_Vernaux entry: a version (e.g. GLIBCXX_3.4.32) of a needed library (e.g. libstdc++.so.6).</summary>
    internal sealed class ElfVersionNeed
    {
        public readonly string File, Version;
        public readonly ushort Flags;
        public readonly int FlagsOffset; // where vna_flags is in the file

        public ElfVersionNeed(string file, string version, ushort flags, int flagsOffset) =>
            (File, Version, Flags, FlagsOffset) = (file, version, flags, flagsOffset);

        public bool IsWeak => (Flags & WeakVersionMarker.VerFlgWeak) != 0;
    }

    /// <summary>Reads the symbol-version sections: needs (.gnu.version_r) and definitions (.gnu.version_d).</summary>
    internal static class ElfSymbolVersions
    {
        public const uint ShtGnuVerdef = 0x6FFFFFFD;
        public const uint ShtGnuVerneed = 0x6FFFFFFE;

        /// <summary>Every Elf64_Vernaux entry of every SHT_GNU_verneed section, in file order.</summary>
        public static IReadOnlyList<ElfVersionNeed> ReadNeeds(ElfImage image)
        {
            var needs = new List<ElfVersionNeed>();
            foreach (var section in image.Sections.Where(s => s.Type == ShtGnuVerneed))
            {
                var strings = image.StringTable(section);
                // Elf64_Verneed {vn_version, vn_cnt, vn_file, vn_aux, vn_next} and
                // Elf64_Vernaux {vna_hash, vna_flags, vna_other, vna_name, vna_next}: 16 bytes each.
                foreach (var entry in Entries(image, section, 16, 12, "an Elf64_Verneed entry"))
                {
                    var file = image.CString(strings, image.U32(entry + 4));
                    var aux = entry + image.U32(entry + 8);
                    for (var i = 0; i < image.U16(entry + 2); i++)
                    {
                        image.Require(aux, 16, section.End, "an Elf64_Vernaux entry");
                        needs.Add(new ElfVersionNeed(file, image.CString(strings, image.U32(aux + 8)), image.U16(aux + 4), checked((int)(aux + 4))));
                        aux += image.U32(aux + 12);
                    }
                }
            }
            return needs;
        }

        /// <summary>The names of every version the library defines (first Elf64_Verdaux of each Elf64_Verdef).</summary>
        public static IReadOnlyList<string> ReadDefinitions(ElfImage image)
        {
            var sections = image.Sections.Where(s => s.Type == ShtGnuVerdef).ToList();
            if (sections.Count == 0)
                throw new InvalidDataException($"{image.Path} has no version definitions (.gnu.version_d).");
            var definitions = new List<string>();
            foreach (var section in sections)
            {
                var strings = image.StringTable(section);
                // Elf64_Verdef {vd_version, vd_flags, vd_ndx, vd_cnt, vd_hash, vd_aux, vd_next} is 20
                // bytes; the first Elf64_Verdaux {vda_name, vda_next} it points at names it.
                foreach (var entry in Entries(image, section, 20, 16, "an Elf64_Verdef entry"))
                {
                    var aux = entry + image.U32(entry + 12);
                    image.Require(aux, 8, section.End, "an Elf64_Verdaux entry");
                    definitions.Add(image.CString(strings, image.U32(aux)));
                }
            }
            return definitions;
        }

        // The section's entries: sh_info of them, each giving the next one's offset relative to itself (0 ends).
        private static IEnumerable<ulong> Entries(ElfImage image, ElfSection section, ulong size, ulong nextField, string what)
        {
            var entry = section.Offset;
            for (var i = 0u; i < section.Info; i++)
            {
                image.Require(entry, size, section.End, what);
                yield return entry;
                var next = image.U32(entry + nextField);
                if (next == 0)
                    yield break;
                entry += next;
            }
        }
    }

    /// <summary>The fields of one Elf64_Shdr the fix uses.</summary>
    internal readonly struct ElfSection
    {
        public readonly uint Type, Link, Info;
        public readonly ulong Offset, Size;

        public ElfSection(uint type, ulong offset, ulong size, uint link, uint info) =>
            (Type, Offset, Size, Link, Info) = (type, offset, size, link, info);

        public ulong End => Offset + Size;
    }

    /// <summary>A 64-bit little-endian ELF file in memory, with bounds-checked reads that name what was cut off.</summary>
    internal sealed class ElfImage
    {
        private static readonly byte[] Magic = { 0x7F, (byte)'E', (byte)'L', (byte)'F' };

        private ElfImage(byte[] data, string path) => (Data, Path) = (data, path);

        public byte[] Data { get; }
        public string Path { get; }

        /// <summary>e_machine: 62 for x86-64, 183 for AArch64.</summary>
        public ushort Machine { get; private set; }

        public IReadOnlyList<ElfSection> Sections { get; private set; } = Array.Empty<ElfSection>();

        public static ElfImage Read(string path) => Parse(File.ReadAllBytes(path), path);

        public static ElfImage Parse(byte[] data, string path)
        {
            var image = new ElfImage(data, path);
            if (data.Length < 4 || !data.Take(4).SequenceEqual(Magic))
            {
                var start = BitConverter.ToString(data.Take(4).ToArray()).Replace('-', ' ');
                throw new InvalidDataException($"{path} is not an ELF file: it starts with [{start}] instead of [7F 45 4C 46].");
            }
            image.Require(0, 64, (ulong)data.Length, "the ELF header");
            if (data[4] != 2)
                throw new InvalidDataException($"{path}: expected a 64-bit ELF file (EI_CLASS 2), found EI_CLASS {data[4]}.");
            if (data[5] != 1)
                throw new InvalidDataException($"{path}: expected a little-endian ELF file (EI_DATA 1), found EI_DATA {data[5]}.");
            image.Machine = image.U16(18);
            image.Sections = image.ReadSections();
            return image;
        }

        private IReadOnlyList<ElfSection> ReadSections()
        {
            var tableOffset = U64(0x28);
            var entrySize = U16(0x3A);
            ulong count = U16(0x3C); // shared libraries have far fewer than the 0xff00 sections that move this count elsewhere
            if (tableOffset == 0)
                return Array.Empty<ElfSection>();
            if (entrySize != 64)
                throw new InvalidDataException($"{Path}: expected 64-byte section headers, found e_shentsize {entrySize}.");
            var sections = new List<ElfSection>();
            for (ulong i = 0; i < count; i++)
            {
                var header = tableOffset + i * 64;
                Require(header, 64, (ulong)Data.Length, $"section header {i}");
                var section = new ElfSection(U32(header + 4), U64(header + 24), U64(header + 32), U32(header + 40), U32(header + 44));
                if (section.Type != 8) // SHT_NOBITS occupies no bytes in the file
                    Require(section.Offset, section.Size, (ulong)Data.Length, $"section {i}");
                sections.Add(section);
            }
            return sections;
        }

        /// <summary>The string table a version section links to.</summary>
        public ElfSection StringTable(ElfSection section)
        {
            if (section.Link == 0 || section.Link >= Sections.Count)
                throw new InvalidDataException($"{Path}: a version section links to string table {section.Link}, but the file has {Sections.Count} sections.");
            return Sections[(int)section.Link];
        }

        /// <summary>Throws a clear error unless bytes [offset, offset + length) lie before <paramref name="limit"/>.</summary>
        public void Require(ulong offset, ulong length, ulong limit, string what)
        {
            var end = offset + length;
            if (end < offset || end > limit || end > (ulong)Data.Length)
            {
                var within = limit < (ulong)Data.Length ? $"its section ends at byte {limit}" : $"the file has {Data.Length} bytes";
                throw new InvalidDataException($"{Path} is truncated or corrupt: {what} needs bytes {offset}..{end} but {within}.");
            }
        }

        public ushort U16(ulong offset) => (ushort)Read(offset, 2);
        public uint U32(ulong offset) => (uint)Read(offset, 4);
        public ulong U64(ulong offset) => Read(offset, 8);

        private ulong Read(ulong offset, int bytes)
        {
            Require(offset, (ulong)bytes, (ulong)Data.Length, $"a {bytes * 8}-bit field");
            ulong value = 0;
            for (var i = bytes - 1; i >= 0; i--)
                value = value << 8 | Data[offset + (ulong)i];
            return value;
        }

        /// <summary>The NUL-terminated string at <paramref name="index"/> of <paramref name="table"/>.</summary>
        public string CString(ElfSection table, uint index)
        {
            var start = table.Offset + index;
            Require(start, 1, table.End, "a string");
            var end = start;
            while (end < table.End && Data[end] != 0)
                end++;
            if (end == table.End)
                throw new InvalidDataException($"{Path} is truncated or corrupt: the string at byte {start} has no terminating NUL before its table ends at byte {table.End}.");
            return Encoding.UTF8.GetString(Data, checked((int)start), checked((int)(end - start)));
        }
    }

#if !STATICKERAS_NATIVE_SHIM_TESTS
    /// <summary>MSBuild task: marks GLIBCXX_3.4.32 weak in every libLibTorchSharp.so under <see cref="Directories"/> unless <see cref="LibStdCxxPath"/> defines it.</summary>
    public sealed class FixTorchSharpNativeShim : Microsoft.Build.Utilities.Task
    {
        /// <summary>The output or publish directories to search (recursively).</summary>
        [Required]
        public ITaskItem[] Directories { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>An explicit libstdc++.so.6 to check instead of the loader's search.</summary>
        public string? LibStdCxxPath { get; set; }

        /// <summary>The NuGet package folder, which is never modified.</summary>
        public string? NuGetPackageRoot { get; set; }

        /// <inheritdoc/>
        public override bool Execute()
        {
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
                return true;
            new NativeShimFix(Report) { LibStdCxxPath = string.IsNullOrEmpty(LibStdCxxPath) ? null : LibStdCxxPath, ProtectedRoot = NuGetPackageRoot }
                .Run(Directories.Select(item => item.GetMetadata("FullPath")));
            return !Log.HasLoggedErrors;
        }

        private void Report(ShimLogLevel level, string message)
        {
            if (level == ShimLogLevel.Error)
                Log.LogError(message);
            else if (level == ShimLogLevel.Warning)
                Log.LogWarning(message);
            else
                Log.LogMessage(level == ShimLogLevel.Normal ? MessageImportance.Normal : MessageImportance.Low, message);
        }
    }
#endif
}
