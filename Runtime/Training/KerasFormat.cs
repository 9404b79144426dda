using System;
using System.Globalization;

namespace StaticKeras.Training;

/// <summary>
/// Number and time formatting as Keras' progress bar writes it with Python's <c>%</c> formats.
/// .NET's standard "F" and "E" formats round the exact binary value half-to-even as Python does
/// (0.03125 → "0.0312"); only the exponent needs rewriting (<c>E-005</c> → <c>e-05</c>).
/// </summary>
internal static class KerasFormat
{
    /// <summary>A logged value as the verbose=1 bar shows it: <c>%.4f</c> when |v| &gt; 1e-3, else <c>%.4e</c>.</summary>
    public static string Value(double value) => Math.Abs(value) > 1e-3 ? Fixed(value, 4) : Scientific(value, 4);

    /// <summary>A logged value as the verbose=2 line shows it (Keras tests <c>v &gt; 1e-3</c> there, without abs).</summary>
    public static string ValueLine(double value) => value > 1e-3 ? Fixed(value, 4) : Scientific(value, 4);

    /// <summary>Python's <c>%.{digits}f</c>.</summary>
    public static string Fixed(double value, int digits) =>
        NonFinite(value) ?? value.ToString("F" + digits, CultureInfo.InvariantCulture);

    /// <summary>Python's <c>%.{digits}e</c>: a mantissa, <c>e</c>, a sign and at least two exponent digits.</summary>
    public static string Scientific(double value, int digits)
    {
        if (NonFinite(value) is { } text)
        {
            return text;
        }

        var dotnet = value.ToString("E" + digits, CultureInfo.InvariantCulture);   // 1.0000E-005
        var e = dotnet.IndexOf('E');
        var exponent = int.Parse(dotnet.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return dotnet[..e] + "e" + (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>Keras' <c>_format_time</c>: <c> 2s/step</c>, <c> 15ms/step</c> or <c> 870us/step</c>, with a leading space.</summary>
    public static string TimePerUnit(double seconds, string unitName) =>
        seconds >= 1 || seconds == 0 ? $" {Fixed(seconds, 0)}s/{unitName}"
        : seconds >= 1e-3 ? $" {Fixed(seconds * 1000.0, 0)}ms/{unitName}"
        : $" {Fixed(seconds * 1_000_000.0, 0)}us/{unitName}";

    /// <summary>Keras' estimate of the time left: <c>1:02:03</c>, <c>2:05</c> or <c>7s</c>.</summary>
    public static string Eta(double seconds)
    {
        // Python's %d truncates the float it is given.
        if (seconds > 3600)
        {
            return $"{(long)Math.Floor(seconds / 3600)}:{(long)Math.Floor(seconds % 3600 / 60):00}:{(long)(seconds % 60):00}";
        }

        return seconds > 60
            ? $"{(long)Math.Floor(seconds / 60)}:{(long)(seconds % 60):00}"
            : $"{(long)seconds}s";
    }

    private static string? NonFinite(double value) =>
        double.IsNaN(value) ? "nan" : double.IsPositiveInfinity(value) ? "inf" : double.IsNegativeInfinity(value) ? "-inf" : null;
}
