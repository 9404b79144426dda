using System;
using System.Runtime.InteropServices;
using Xunit;

namespace StaticKeras.Tests.Platform;

/// <summary>A fact about Linux (its loader, glibc); skipped elsewhere.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
            Skip = "Linux only";
    }
}
