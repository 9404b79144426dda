using System;
using System.IO;
using TorchSharp;
using Xunit;

namespace StaticKeras.Tests.Platform.NativeShim;

/// <summary>The TorchSharp package as NuGet restored it (unmodified: the build only marks output copies).</summary>
internal static class TorchSharpPackage
{
    /// <summary>The package's libLibTorchSharp.so for linux-x64, or null when the package folder is elsewhere.</summary>
    public static string? NativeShim { get; } = Find();

    private static string? Find()
    {
        var version = typeof(torch).Assembly.GetName().Version!;
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var path = Path.Combine(packages, "torchsharp", $"{version.Major}.{version.Minor}.{version.Build}", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        return File.Exists(path) ? path : null;
    }
}

/// <summary>A fact about TorchSharp's packaged native shim; skipped when the NuGet package folder cannot be found.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PackagedShimFactAttribute : FactAttribute
{
    public PackagedShimFactAttribute()
    {
        if (TorchSharpPackage.NativeShim == null)
            Skip = "TorchSharp's package folder was not found (set NUGET_PACKAGES)";
    }
}
