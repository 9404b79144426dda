using System.Linq;

namespace StaticKeras.Saving;

/// <summary>One tensor as a safetensors header describes it.</summary>
/// <param name="Name">The tensor's name; for model weights, its <c>state_dict</c> key such as <c>hidden.kernel</c>.</param>
/// <param name="DType">The element type code as the file writes it: <c>F32</c>, <c>F64</c>, <c>I64</c>, <c>I32</c>, <c>U8</c>, <c>BOOL</c>, ...</param>
/// <param name="Shape">The dimensions, row-major (C order); empty for a scalar.</param>
/// <param name="Begin">Offset of the first byte within the data section.</param>
/// <param name="End">Offset one past the last byte within the data section.</param>
public sealed record SafeTensorInfo(string Name, string DType, long[] Shape, long Begin, long End)
{
    /// <summary>The number of bytes of data.</summary>
    public long ByteLength => End - Begin;

    /// <summary>The shape as a Python tuple: <c>(784, 128)</c>, <c>(10,)</c> or <c>()</c>.</summary>
    public string ShapeText => FormatShape(Shape);

    /// <summary>Writes <paramref name="shape"/> as a Python tuple, the way Keras messages show shapes.</summary>
    internal static string FormatShape(long[] shape) => shape.Length == 1
        ? $"({shape[0]},)"
        : "(" + string.Join(", ", shape.Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture))) + ")";
}
