using System;
using Xunit;

namespace StaticKeras.Runtime.Tests.Devices;

/// <summary>A fact that needs a CUDA GPU and TorchSharp's CUDA backend; skipped, saying why, where either is missing.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class CudaFactAttribute : FactAttribute
{
    public CudaFactAttribute()
    {
        if (!TorchSharp.torch.cuda.is_available())
        {
            Skip = "no CUDA device: these tests need a GPU and the TorchSharp CUDA backend (docs/devices.md); they run where both are present";
        }
    }
}
