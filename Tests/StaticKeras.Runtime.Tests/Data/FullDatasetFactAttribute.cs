using System;
using System.IO;
using Xunit;

namespace StaticKeras.Tests.Data;

/// <summary>A fact about the full Fashion-MNIST of Debian's dataset-fashion-mnist; skipped where it is not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class FullDatasetFactAttribute : FactAttribute
{
    public const string Directory = "/usr/share/datasets/fashion-mnist";

    public FullDatasetFactAttribute()
    {
        if (!File.Exists(Path.Combine(Directory, "train-images-idx3-ubyte.gz")))
            Skip = $"the full Fashion-MNIST is not installed in {Directory} (apt-get install dataset-fashion-mnist)";
    }
}
