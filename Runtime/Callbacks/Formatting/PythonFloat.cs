using System;
using System.Globalization;
using System.Text;

namespace StaticKeras.Callbacks.Formatting;

/// <summary>
/// Python's float-to-text conversions, so messages, CSV cells and checkpoint names read exactly
/// as Keras writes them: <c>repr</c> (<c>str</c>, <c>f"{x}"</c>) and the <c>f</c>, <c>e</c>,
/// <c>g</c> presentations of the format mini-language. Results carry no sign; callers add it.
/// </summary>
internal static class PythonFloat
{
    /// <summary>Python's <c>repr(x)</c>: <c>0.1</c>, <c>1.0</c>, <c>1e-05</c>, <c>1e+16</c>, <c>nan</c>, <c>-inf</c>.</summary>
    public static string Repr(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        var sign = double.IsNegative(value) ? "-" : "";
        if (double.IsInfinity(value))
        {
            return sign + "inf";
        }

        var d = DecimalDigits.Shortest(value);
        // Python switches to exponent notation when decpt <= -4 or decpt > 16.
        if (d.PointPosition > -4 && d.PointPosition <= 16)
        {
            var fraction = Math.Max(d.Digits.Length - d.PointPosition, 1);
            return sign + Fixed(d, fraction);
        }

        return sign + Scientific(d, d.Digits.Length - 1, 'e');
    }

    /// <summary>The <c>f</c> presentation of |<paramref name="value"/>| with <paramref name="precision"/> decimals.</summary>
    public static string FormatFixed(double value, int precision) =>
        Fixed(DecimalDigits.Exact(value).RoundToDecimals(precision), precision);

    /// <summary>The <c>e</c> presentation of |<paramref name="value"/>|: one digit, <paramref name="precision"/> decimals, exponent.</summary>
    public static string FormatScientific(double value, int precision, char e) =>
        Scientific(DecimalDigits.Exact(value).RoundToSignificant(precision + 1), precision, e);

    /// <summary>
    /// The <c>g</c> presentation of |<paramref name="value"/>| (or, with <paramref name="addDotZero"/>,
    /// the presentation with no type and a precision: at least one decimal in fixed notation).
    /// </summary>
    public static string FormatGeneral(double value, int precision, char e, bool alternate, bool addDotZero)
    {
        var p = precision == 0 ? 1 : precision;
        var d = DecimalDigits.Exact(value).RoundToSignificant(p);
        var exponent = d.IsZero ? 0 : d.PointPosition - 1;
        var useExponent = exponent < -4 || exponent >= (addDotZero ? p - 1 : p);
        var text = useExponent ? Scientific(d, p - 1, e) : Fixed(d, p - 1 - exponent);
        if (alternate)
        {
            return text;
        }

        text = StripZeros(text, e);
        return addDotZero && !useExponent && !text.Contains('.') ? text + ".0" : text;
    }

    private static string Fixed(DecimalDigits d, int decimals)
    {
        var s = new StringBuilder();
        if (d.IsZero || d.PointPosition <= 0)
        {
            s.Append('0');
        }
        else
        {
            for (var i = 0; i < d.PointPosition; i++)
            {
                s.Append(d.DigitAt(i));
            }
        }

        if (decimals > 0)
        {
            s.Append('.');
            for (var i = 0; i < decimals; i++)
            {
                s.Append(d.IsZero ? '0' : d.DigitAt(d.PointPosition + i));
            }
        }

        return s.ToString();
    }

    private static string Scientific(DecimalDigits d, int decimals, char e)
    {
        var s = new StringBuilder().Append(d.DigitAt(0));
        if (decimals > 0)
        {
            s.Append('.');
            for (var i = 1; i <= decimals; i++)
            {
                s.Append(d.DigitAt(i));
            }
        }

        var exponent = d.IsZero ? 0 : d.PointPosition - 1;
        return s.Append(e).Append(exponent < 0 ? '-' : '+')
            .Append(Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture)).ToString();
    }

    // "1.2300e+05" -> "1.23e+05", "2.000" -> "2"
    private static string StripZeros(string text, char e)
    {
        var split = text.IndexOf(e);
        var mantissa = split < 0 ? text : text[..split];
        var exponent = split < 0 ? "" : text[split..];
        if (mantissa.Contains('.'))
        {
            mantissa = mantissa.TrimEnd('0').TrimEnd('.');
        }

        return mantissa + exponent;
    }
}
