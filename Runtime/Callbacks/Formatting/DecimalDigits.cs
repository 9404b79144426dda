using System;
using System.Globalization;
using System.Numerics;

namespace StaticKeras.Callbacks.Formatting;

/// <summary>
/// A non-negative finite double as decimal digits <c>0.D × 10^PointPosition</c> (Python's dtoa
/// convention: <c>Digits</c> has no leading zeros; zero is <c>"0"</c>). Rounding works on the
/// exact binary value, ties to even, as Python's <c>format</c> does.
/// </summary>
internal readonly record struct DecimalDigits(string Digits, int PointPosition)
{
    /// <summary>The digits of |<paramref name="value"/>| exactly (a double's expansion is finite).</summary>
    public static DecimalDigits Exact(double value)
    {
        value = Math.Abs(value);
        if (value == 0)
        {
            return new("0", 1);
        }

        var bits = BitConverter.DoubleToInt64Bits(value);
        var biased = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
        var exponent = biased == 0 ? -1074 : biased - 1075;
        if (biased != 0)
        {
            mantissa |= 1L << 52;
        }

        // value = mantissa × 2^exponent = mantissa × 5^-e / 10^-e when e < 0.
        var digits = exponent >= 0
            ? (new BigInteger(mantissa) << exponent).ToString(CultureInfo.InvariantCulture)
            : (mantissa * BigInteger.Pow(5, -exponent)).ToString(CultureInfo.InvariantCulture);
        var point = exponent >= 0 ? digits.Length : digits.Length + exponent;
        return new(digits.TrimEnd('0'), point);
    }

    /// <summary>The shortest digits that read back as |<paramref name="value"/>| (Python's <c>repr</c>).</summary>
    public static DecimalDigits Shortest(double value)
    {
        value = Math.Abs(value);
        if (value == 0)
        {
            return new("0", 1);
        }

        // .NET's "R" is the shortest round-trip form; only its layout differs from Python's.
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E');
        var exponent = e < 0 ? 0 : int.Parse(text[(e + 1)..], CultureInfo.InvariantCulture);
        var mantissa = e < 0 ? text : text[..e];
        var dot = mantissa.IndexOf('.');
        var integerDigits = dot < 0 ? mantissa.Length : dot;
        var all = mantissa.Replace(".", "");
        var trimmed = all.TrimStart('0');
        var point = integerDigits - (all.Length - trimmed.Length) + exponent;
        return new(trimmed.TrimEnd('0'), point);
    }

    /// <summary>Whether the value is zero.</summary>
    public bool IsZero => Digits == "0";

    /// <summary>The digit at <paramref name="index"/> (0 = first significant digit); zeros beyond either end.</summary>
    public char DigitAt(int index) => !IsZero && index >= 0 && index < Digits.Length ? Digits[index] : '0';

    /// <summary>Rounds to <paramref name="keep"/> significant digits, ties to even.</summary>
    public DecimalDigits RoundToSignificant(int keep) => RoundAt(keep);

    /// <summary>Rounds to <paramref name="decimals"/> digits after the decimal point, ties to even.</summary>
    public DecimalDigits RoundToDecimals(int decimals) => IsZero ? this : RoundAt(PointPosition + decimals);

    // Keeps the first `keep` digits of Digits, rounding the rest away half to even.
    private DecimalDigits RoundAt(int keep)
    {
        if (IsZero || keep >= Digits.Length)
        {
            return this;
        }

        if (keep < 0)
        {
            return new("0", 1);
        }

        var drop = Digits.Length - keep;
        var all = BigInteger.Parse(Digits, CultureInfo.InvariantCulture);
        var scale = BigInteger.Pow(10, drop);
        var kept = BigInteger.DivRem(all, scale, out var rest);
        var twice = rest * 2;
        if (twice > scale || (twice == scale && !kept.IsEven))
        {
            kept += 1;
        }

        if (kept.IsZero)
        {
            return new("0", 1);
        }

        var digits = kept.ToString(CultureInfo.InvariantCulture);
        // A carry (…999 → 1000) adds a digit in front: the point moves right by one.
        var point = PointPosition + (digits.Length - keep);
        return new(digits.TrimEnd('0'), point);
    }
}
