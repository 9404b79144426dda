using System;
using System.IO;
using System.Security.Cryptography;

namespace StaticKeras.Data;

/// <summary>One file of a published data set: its name and the MD5 checksum its publisher gives.</summary>
internal sealed record DatasetFile(string Name, string Md5)
{
    /// <summary>The file in <paramref name="directory"/>: as published (.gz) or decompressed; null if neither exists.</summary>
    public string? FindIn(string directory)
    {
        var published = Path.Combine(directory, Name);
        if (File.Exists(published))
            return published;
        var decompressed = Path.ChangeExtension(published, null);
        return Name.EndsWith(".gz", StringComparison.Ordinal) && File.Exists(decompressed) ? decompressed : null;
    }

    /// <summary>
    /// Why the copy at <paramref name="path"/> cannot be trusted: its MD5 differs from the publisher's
    /// (a truncated download, a corrupt cache); null when it matches. Decompressed copies have no
    /// published checksum and always pass (reading them checks their structure).
    /// </summary>
    public string? ChecksumProblem(string path)
    {
        if (!string.Equals(Path.GetFileName(path), Name, StringComparison.Ordinal))
            return null;
        using var stream = File.OpenRead(path);
        var actual = Convert.ToHexStringLower(MD5.HashData(stream));
        return actual == Md5 ? null : $"{path} fails its MD5 check (expected {Md5}, found {actual})";
    }
}
