using System.Globalization;

namespace StaticKeras.Generator.Common;

/// <summary>Culture-independent formatting of numbers for messages and generated code.</summary>
internal static class Formatting
{
    /// <summary>An integer as C# and Python write it: <c>-3</c>, <c>784</c>.</summary>
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An integer with thousands separators, as Keras' summary writes parameter counts: <c>100,480</c>.</summary>
    public static string Thousands(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>
    /// A double that reads back as the same value and always looks like a double: <c>1.0</c>,
    /// <c>0.2</c>, <c>1E-05</c>, <c>NaN</c>.
    /// </summary>
    public static string Double(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        foreach (var c in text)
        {
            if (c is '.' or 'E' or 'N' or 'I')
            {
                return text;
            }
        }

        return text + ".0";
    }
}
