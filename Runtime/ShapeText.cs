using System.Collections.Generic;

namespace StaticKeras;

/// <summary>Writes shapes for error messages: <c>(32, 28, 28)</c>, or <c>(batch, 28, 28)</c> for static shapes.</summary>
internal static class ShapeText
{
    /// <summary>An actual shape, batch included, as a Python tuple: <c>(32, 784)</c>, <c>(32,)</c>.</summary>
    public static string Of(IEnumerable<long> shape)
    {
        var parts = new List<long>(shape);
        return parts.Count == 1 ? $"({parts[0]},)" : "(" + string.Join(", ", parts) + ")";
    }

    /// <summary>A static shape without batch, written with it: <c>(batch, 28, None)</c>.</summary>
    public static string WithBatch(IEnumerable<long> shape)
    {
        var parts = new List<string> { "batch" };
        foreach (var d in shape)
        {
            parts.Add(d >= 0 ? d.ToString() : "None");
        }

        return "(" + string.Join(", ", parts) + ")";
    }
}
