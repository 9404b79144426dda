using System;

namespace StaticKeras.Layers;

/// <summary>The check Cropping1D and Cropping2D share.</summary>
internal static class Cropping
{
    /// <summary>Throws when cropping <paramref name="start"/> + <paramref name="end"/> leaves nothing of a known <paramref name="size"/>.</summary>
    public static void KeepsOne(string layer, long size, int start, int end, string axis)
    {
        if (size >= 0 && start + end >= size)
        {
            throw new ArgumentException(
                $"{layer}: cropping {start} + {end} must be smaller than the input's {axis} {size}.", "inputs");
        }
    }
}
