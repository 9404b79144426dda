using System;
using System.IO;

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
}
