using System.Collections.Generic;

namespace StaticKeras;

/// <summary>Writes shapes for error messages: <c>(32, 28, 28)</c>, or <c>(batch, 28, 28)</c> for static shapes.</summary>
internal static class ShapeText
{
    /// <summary>An actual shape, batch included: <c>(32, 784)</c>.</summary>
    public static string Of(IEnumerable<long> shape) => "(" + string.Join(", ", shape) + ")";

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
