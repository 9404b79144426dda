using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace StaticKeras.Saving;

/// <summary>
/// The safetensors element types: their codes as the header writes them, sizes in bytes, the
/// alignment rank the reference writer sorts by, and the TorchSharp type each maps to.
/// </summary>
internal static class SafeTensorsDTypes
{
    // In the reference implementation's order (increasing alignment); the writer lays tensors out
    // in decreasing rank so every tensor's data starts aligned to its element size.
    private static readonly (string Code, int Size, ScalarType? Type)[] s_table =
    [
        ("BOOL", 1, ScalarType.Bool),
        ("U8", 1, ScalarType.Byte),
        ("I8", 1, ScalarType.Int8),
        ("F8_E5M2", 1, null),
        ("F8_E4M3", 1, null),
        ("I16", 2, ScalarType.Int16),
        ("U16", 2, null),
        ("F16", 2, ScalarType.Float16),
        ("BF16", 2, ScalarType.BFloat16),
        ("I32", 4, ScalarType.Int32),
        ("U32", 4, null),
        ("F32", 4, ScalarType.Float32),
        ("F64", 8, ScalarType.Float64),
        ("I64", 8, ScalarType.Int64),
        ("U64", 8, null),
    ];

    private static readonly Dictionary<string, int> s_rank =
        s_table.Select((entry, i) => (entry.Code, i)).ToDictionary(e => e.Code, e => e.i);

    /// <summary>Whether <paramref name="code"/> is a dtype the format defines.</summary>
    public static bool IsKnown(string code) => s_rank.ContainsKey(code);

    /// <summary>Bytes per element of a known dtype.</summary>
    public static int Size(string code) => s_table[s_rank[code]].Size;

    /// <summary>The position in the format's alignment order (larger = stricter alignment).</summary>
    public static int Rank(string code) => s_rank[code];

    /// <summary>The TorchSharp type of a known dtype, or <see langword="null"/> when TorchSharp has none.</summary>
    public static ScalarType? ToScalarType(string code) => s_table[s_rank[code]].Type;

    /// <summary>The code for a TorchSharp type; complex and quantized types have none.</summary>
    public static string FromScalarType(ScalarType type, string tensorName)
    {
        foreach (var (code, _, scalarType) in s_table)
        {
            if (scalarType == type)
            {
                return code;
            }
        }

        throw new System.NotSupportedException(
            $"Tensor '{tensorName}' has dtype {type}, which the safetensors format cannot store " +
            $"(supported: {string.Join(", ", s_table.Where(e => e.Type is not null).Select(e => e.Type))}).");
    }
}
