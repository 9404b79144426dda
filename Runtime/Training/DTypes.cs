using static TorchSharp.torch;

namespace StaticKeras.Training;

/// <summary>Tensor dtypes as Keras and NumPy name them in messages (<c>float32</c>, <c>int64</c>, <c>uint8</c>).</summary>
internal static class DTypes
{
    public static string Name(ScalarType dtype) => dtype == ScalarType.Byte ? "uint8" : dtype.ToString().ToLowerInvariant();

    public static bool IsInteger(ScalarType dtype) =>
        dtype is ScalarType.Int64 or ScalarType.Int32 or ScalarType.Int16 or ScalarType.Int8 or ScalarType.Byte;

    public static bool IsNumeric(ScalarType dtype) =>
        IsInteger(dtype) || dtype is ScalarType.Float32 or ScalarType.Float64 or ScalarType.Float16 or ScalarType.BFloat16 or ScalarType.Bool;
}
