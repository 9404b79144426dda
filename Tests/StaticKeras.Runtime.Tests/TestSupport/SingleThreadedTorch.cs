using System.Runtime.CompilerServices;

namespace StaticKeras.Runtime.Tests.TestSupport;

internal static class SingleThreadedTorch
{
    // The tensors here are tiny: libtorch's worker threads only spin against each other and against
    // other processes on a shared machine (a loaded 2-core box ran this suite 10-40x slower).
    [ModuleInitializer]
    internal static void Initialize() => TorchSharp.torch.set_num_threads(1);
}
