namespace StaticKeras.Generator.Emit;

/// <summary>
/// Keras' <c>readable_memory_size</c>: bytes in the largest unit under 1024 of it (B, KB, MB, GB,
/// TB, PB), two decimals, rounded half to even as Python's <c>"{:.2f}"</c> rounds an exact value.
/// </summary>
internal static class MemorySize
{
    private static readonly string[] Units = ["B", "KB", "MB", "GB", "TB", "PB"];

    /// <summary>E.g. 407080 bytes -> <c>397.54 KB</c>; 0 -> <c>0.00 B</c>.</summary>
    public static string Readable(long bytes)
    {
        var unit = 0;
        long scale = 1;
        while (unit < Units.Length - 1 && bytes / scale >= 1024)
        {
            unit++;
            scale *= 1024;
        }

        // Hundredths of the unit, exactly, with round-half-to-even: bytes / 1024^k is a binary
        // fraction, so Python's float formatting sees the exact value too.
        var numerator = bytes * 100;
        var hundredths = numerator / scale;
        var remainder = numerator % scale;
        if ((remainder * 2 > scale) || (remainder * 2 == scale && hundredths % 2 == 1))
        {
            hundredths++;
        }

        return (hundredths / 100).ToString(System.Globalization.CultureInfo.InvariantCulture)
            + "." + (hundredths % 100).ToString("00", System.Globalization.CultureInfo.InvariantCulture)
            + " " + Units[unit];
    }
}
