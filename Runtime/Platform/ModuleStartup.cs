using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace StaticKeras.Platform;

/// <summary>Process-wide set-up that must happen before the first tensor is trained on.</summary>
internal static class ModuleStartup
{
    /// <summary>Runs when the runtime assembly is first used (a model, a layer, a data set).</summary>
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries",
        Justification = "glibc's malloc settings must be in place before training allocates; a library has no other start-up hook.")]
    internal static void Initialize() => GlibcMallocTuning.Apply();
}
