using System;
using System.Runtime.InteropServices;

namespace StaticKeras.Platform;

/// <summary>
/// libtorch's process-wide <c>at::Context</c> switches for oneDNN (mkldnn) and NNPACK, which TorchSharp 0.107
/// does not expose: PyTorch's <c>torch.backends.mkldnn.enabled</c> and <c>torch.backends.nnpack.enabled</c>.
/// With both off, CPU convolutions run on ATen's own kernels (im2col and a matrix product).
/// </summary>
/// <remarks>
/// Reached through libtorch_cpu's exported C++ symbols, <c>at::globalContext()</c> and the
/// <c>at::Context</c> members <c>setUserEnabledMkldnn(bool)</c>, <c>userEnabledMkldnn() const</c>,
/// <c>setUserEnabledNNPACK(bool)</c> and <c>userEnabledNNPACK() const</c>, by their Itanium (Linux, macOS)
/// or MSVC (Windows x64) names. A libtorch without them leaves <see cref="Available"/> false.
/// </remarks>
internal static unsafe class LibTorchContext
{
    private static readonly Lazy<Entries?> Native = new(Find);

    /// <summary>Whether the switches could be found in the loaded libtorch.</summary>
    public static bool Available => Native.Value is not null;

    /// <summary>Whether libtorch may use oneDNN; null when <see cref="Available"/> is false.</summary>
    public static bool? OneDnnEnabled => Native.Value is { } native ? native.OneDnn(native.Context()) != 0 : null;

    /// <summary>Whether libtorch may use NNPACK; null when <see cref="Available"/> is false.</summary>
    public static bool? NnpackEnabled => Native.Value is { } native ? native.Nnpack(native.Context()) != 0 : null;

    /// <summary>Switches oneDNN on or off for the whole process; false when the switch is not available.</summary>
    public static bool TrySetOneDnn(bool enabled)
    {
        if (Native.Value is not { } native)
            return false;
        native.SetOneDnn(native.Context(), enabled ? (byte)1 : (byte)0);
        return true;
    }

    /// <summary>Switches NNPACK on or off for the whole process; false when the switch is not available.</summary>
    public static bool TrySetNnpack(bool enabled)
    {
        if (Native.Value is not { } native)
            return false;
        native.SetNnpack(native.Context(), enabled ? (byte)1 : (byte)0);
        return true;
    }

    private static Entries? Find()
    {
        if (!NativeLibrary.TryLoad("torch_cpu", typeof(LibTorchContext).Assembly, null, out var library)
            && !NativeLibrary.TryLoad("libtorch_cpu", typeof(LibTorchContext).Assembly, null, out library))
            return null;
        return Exports(
                library,
                "_ZN2at13globalContextEv",
                "_ZN2at7Context20setUserEnabledMkldnnEb", "_ZNK2at7Context17userEnabledMkldnnEv",
                "_ZN2at7Context20setUserEnabledNNPACKEb", "_ZNK2at7Context17userEnabledNNPACKEv")
            ?? Exports(
                library,
                "?globalContext@at@@YAAEAVContext@1@XZ",
                "?setUserEnabledMkldnn@Context@at@@QEAAX_N@Z", "?userEnabledMkldnn@Context@at@@QEBA_NXZ",
                "?setUserEnabledNNPACK@Context@at@@QEAAX_N@Z", "?userEnabledNNPACK@Context@at@@QEBA_NXZ");
    }

    private static Entries? Exports(IntPtr library, string context, string setOneDnn, string oneDnn, string setNnpack, string nnpack) =>
        NativeLibrary.TryGetExport(library, context, out var c)
        && NativeLibrary.TryGetExport(library, setOneDnn, out var so) && NativeLibrary.TryGetExport(library, oneDnn, out var o)
        && NativeLibrary.TryGetExport(library, setNnpack, out var sn) && NativeLibrary.TryGetExport(library, nnpack, out var n)
            ? new Entries(
                (delegate* unmanaged<IntPtr>)c,
                (delegate* unmanaged<IntPtr, byte, void>)so,
                (delegate* unmanaged<IntPtr, byte>)o,
                (delegate* unmanaged<IntPtr, byte, void>)sn,
                (delegate* unmanaged<IntPtr, byte>)n)
            : null;

    // A member function takes `this` as its first argument on both ABIs; bool is one byte.
    private sealed class Entries(
        delegate* unmanaged<IntPtr> context,
        delegate* unmanaged<IntPtr, byte, void> setOneDnn,
        delegate* unmanaged<IntPtr, byte> oneDnn,
        delegate* unmanaged<IntPtr, byte, void> setNnpack,
        delegate* unmanaged<IntPtr, byte> nnpack)
    {
        public IntPtr Context() => context();

        public void SetOneDnn(IntPtr self, byte value) => setOneDnn(self, value);

        public byte OneDnn(IntPtr self) => oneDnn(self);

        public void SetNnpack(IntPtr self, byte value) => setNnpack(self, value);

        public byte Nnpack(IntPtr self) => nnpack(self);
    }
}
