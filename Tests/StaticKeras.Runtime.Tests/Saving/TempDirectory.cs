using System;
using System.IO;
using System.Linq;

namespace StaticKeras.Runtime.Tests.Saving;

/// <summary>A fresh directory under the system temp folder, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "statickeras-tests-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Every file name in the directory tree, relative and sorted; hidden temporaries included.</summary>
    public string[] Listing() => Directory.GetFiles(Path, "*", SearchOption.AllDirectories)
        .Select(f => System.IO.Path.GetRelativePath(Path, f).Replace('\\', '/'))
        .Order(StringComparer.Ordinal)
        .ToArray();

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
