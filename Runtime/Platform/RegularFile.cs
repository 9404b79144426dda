using System;
using System.IO;
using System.Runtime.InteropServices;

namespace StaticKeras.Platform;

/// <summary>
/// Refuses paths that are not regular files before they are opened for reading: opening a FIFO
/// (named pipe) for reading blocks until some other process writes to it, and a device never ends.
/// Linux only (statx, whose layout is the same on every architecture); elsewhere nothing is checked.
/// </summary>
internal static class RegularFile
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28; // struct statx: u32 mask, u32 blksize, u64 attributes, u32 nlink, u32 uid, u32 gid, u16 mode
    private const int TypeMask = 0xF000;

    /// <summary>Throws unless <paramref name="path"/> is a regular file (or a link to one), or does not exist.</summary>
    /// <param name="path">The file about to be opened.</param>
    /// <param name="purpose">What the file was meant to be, for the message (e.g. "a safetensors weight file").</param>
    /// <exception cref="IOException"><paramref name="path"/> is a FIFO, socket or device.</exception>
    public static void Ensure(string path, string purpose)
    {
        if (Kind(path) is { } kind && kind != "regular file" && kind != "directory")
            throw new IOException($"Cannot read '{path}': it is a {kind}, not {purpose}; reading it could block forever.");
    }

    /// <summary>What <paramref name="path"/> is ("regular file", "FIFO", ...); null where this cannot be told.</summary>
    public static string? Kind(string path)
    {
        if (!OperatingSystem.IsLinux())
            return null;
        var buffer = new byte[256];
        try
        {
            if (Statx(AtFdCwd, path, 0, StatxType, buffer) != 0)
                return null; // missing or unreadable: opening it reports that
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null; // a C library without statx
        }

        return (BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask) switch
        {
            0x8000 => "regular file",
            0x4000 => "directory",
            0x1000 => "FIFO (named pipe)",
            0xC000 => "socket",
            0x2000 => "character device",
            0x6000 => "block device",
            _ => "special file",
        };
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directoryFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
