// Finds a shared library the way glibc's loader does for a bare soname (ld.so.cache, then the
// default directories), so the build can check the libstdc++ TorchSharp's native shim will load.
// One file, as RoslynCodeTaskFactory compiles one source per inline task (against netstandard2.0);
// the test project compiles it with STATICKERAS_NATIVE_SHIM_TESTS, without the task.
// LD_LIBRARY_PATH is left out on purpose: it is often set at build time and not at run time, and a
// missed version costs a failed load while marking it needlessly costs nothing.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
#if !STATICKERAS_NATIVE_SHIM_TESTS
using Microsoft.Build.Framework;
#endif

namespace StaticKeras.Build
{
    /// <summary>Finds a shared library the way glibc's loader does for a bare soname: its ld.so cache, then its default directories.</summary>
    internal static class SharedLibraryLocator
    {
        public const string DefaultLdSoCache = "/etc/ld.so.cache";
        private const string NewCacheMagic = "glibc-ld.so.cache1.1";
        private const string OldCacheMagic = "ld.so-1.7.0";

        /// <summary>The loader's built-in directories for this architecture (multiarch first, as Debian's glibc does).</summary>
        public static IReadOnlyList<string> DefaultDirectories()
        {
            var triplet = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "aarch64-linux-gnu" : "x86_64-linux-gnu";
            return new[] { "/lib/" + triplet, "/usr/lib/" + triplet, "/lib64", "/usr/lib64", "/lib", "/usr/lib" };
        }

        /// <summary>e_machine of this process's architecture: 183 for AArch64, else 62 (x86-64).</summary>
        public static ushort ProcessMachine => RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? (ushort)183 : (ushort)62;

        /// <summary>
        /// The first file named <paramref name="soname"/> in the cache, then in <paramref name="directories"/>,
        /// that is a 64-bit ELF for <paramref name="machine"/>; null when there is none. An unreadable
        /// cache is skipped, as the loader skips it.
        /// </summary>
        public static string? Find(string soname, ushort machine, string ldSoCachePath, IEnumerable<string> directories)
        {
            IEnumerable<string> cached;
            try
            {
                cached = ReadLdSoCache(File.ReadAllBytes(ldSoCachePath)).Where(e => e.Key == soname).Select(e => e.Value).ToList();
            }
            catch (Exception e) when (e is InvalidDataException || e is IOException || e is UnauthorizedAccessException)
            {
                cached = Enumerable.Empty<string>();
            }
            var candidates = cached.Concat(directories.Select(directory => Path.Combine(directory, soname)));
            return candidates.FirstOrDefault(candidate => IsElf64For(candidate, machine));
        }

        /// <summary>The (soname, path) entries of a glibc ld.so.cache, new format, possibly after an old-format table.</summary>
        public static IReadOnlyList<KeyValuePair<string, string>> ReadLdSoCache(byte[] cache)
        {
            var start = 0;
            if (StartsWith(cache, 0, OldCacheMagic))
            {
                // struct cache_file: 11-byte magic padded to 12, nlibs, then 12-byte entries; the new table follows, 8-aligned.
                var oldCount = ReadInt(cache, 12);
                start = (16 + oldCount * 12 + 7) & ~7;
            }
            if (!StartsWith(cache, start, NewCacheMagic))
                throw new InvalidDataException($"not a glibc ld.so cache: no \"{NewCacheMagic}\" header at byte {start}.");
            // struct cache_file_new: magic and version (20 bytes), nlibs, len_strings, flags and
            // padding, extension offset, 3 unused words (48 bytes); then 24-byte file_entry_new
            // records {flags, key, value, osversion, hwcap} whose key and value are string offsets
            // from the start of this header.
            var count = ReadInt(cache, start + 20);
            var entries = new List<KeyValuePair<string, string>>();
            for (var i = 0; i < count; i++)
            {
                var entry = start + 48 + i * 24;
                entries.Add(new KeyValuePair<string, string>(
                    ReadString(cache, start + ReadInt(cache, entry + 4)),
                    ReadString(cache, start + ReadInt(cache, entry + 8))));
            }
            return entries;
        }

        private static bool IsElf64For(string path, ushort machine)
        {
            try
            {
                if (!File.Exists(path))
                    return false;
                var header = new byte[20];
                using (var stream = File.OpenRead(path))
                {
                    if (stream.Read(header, 0, header.Length) != header.Length)
                        return false;
                }
                return header[0] == 0x7F && header[1] == 'E' && header[2] == 'L' && header[3] == 'F'
                    && header[4] == 2 && header[5] == 1 && (header[18] | header[19] << 8) == machine;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return false;
            }
        }

        private static bool StartsWith(byte[] data, int offset, string text) =>
            offset >= 0 && data.Length >= offset + text.Length && Encoding.ASCII.GetString(data, offset, text.Length) == text;

        private static int ReadInt(byte[] data, int offset)
        {
            if (offset < 0 || offset + 4 > data.Length)
                throw new InvalidDataException($"ld.so cache is truncated: needs bytes {offset}..{offset + 4} but has {data.Length}.");
            return data[offset] | data[offset + 1] << 8 | data[offset + 2] << 16 | data[offset + 3] << 24;
        }

        private static string ReadString(byte[] data, int offset)
        {
            var end = offset;
            while (end >= 0 && end < data.Length && data[end] != 0)
                end++;
            if (offset < 0 || end >= data.Length)
                throw new InvalidDataException($"ld.so cache is truncated: the string at byte {offset} has no terminating NUL.");
            return Encoding.UTF8.GetString(data, offset, end - offset);
        }
    }

#if !STATICKERAS_NATIVE_SHIM_TESTS
    /// <summary>MSBuild task: the path of <see cref="Soname"/> as this machine's loader would find it, or empty.</summary>
    public sealed class FindSharedLibrary : Microsoft.Build.Utilities.Task
    {
        /// <summary>The soname to look for, e.g. libstdc++.so.6.</summary>
        [Required]
        public string Soname { get; set; } = "";

        /// <summary>The library's full path; empty when it was not found (or not on Linux).</summary>
        [Output]
        public string Path { get; set; } = "";

        /// <inheritdoc/>
        public override bool Execute()
        {
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
                return true;
            Path = SharedLibraryLocator.Find(Soname, SharedLibraryLocator.ProcessMachine, SharedLibraryLocator.DefaultLdSoCache, SharedLibraryLocator.DefaultDirectories()) ?? "";
            Log.LogMessage(MessageImportance.Low, Path.Length == 0 ? $"StaticKeras: found no {Soname} on the loader's path." : $"StaticKeras: the loader finds {Soname} at {Path}.");
            return true;
        }
    }
#endif
}
