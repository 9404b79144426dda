using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace StaticKeras.Callbacks.Formatting;

/// <summary>
/// Python's format-spec mini-language (<c>[[fill]align][sign][#][0][width][,|_][.precision][type]</c>)
/// for the values Keras formats into checkpoint names: integers (<c>epoch</c>, <c>batch</c>) and
/// floats (logs). Types: <c>d b o x X</c> for integers; <c>e E f F g G %</c> and none for both.
/// </summary>
internal static partial class PythonFormatSpec
{
    [GeneratedRegex(@"^(?:(?<fill>.)?(?<align>[<>=^]))?(?<sign>[-+ ])?(?<alt>#)?(?<zero>0)?(?<width>\d+)?(?<group>[,_])?(?:\.(?<precision>\d+))?(?<type>[a-zA-Z%])?$", RegexOptions.Singleline)]
    private static partial Regex Grammar();

    /// <summary>Formats an integer as Python's <c>format(value, spec)</c>.</summary>
    /// <exception cref="FormatException">The spec is malformed or does not apply to integers (Python's ValueError text).</exception>
    public static string Format(long value, string spec)
    {
        var s = Parse(spec, "int");
        if (s.Type is 'e' or 'E' or 'f' or 'F' or 'g' or 'G' or '%')
        {
            return Format((double)value, spec);
        }

        if (s.Precision is not null)
        {
            throw new FormatException("Precision not allowed in integer format specifier");
        }

        var magnitude = value == long.MinValue ? (ulong)long.MaxValue + 1 : (ulong)Math.Abs(value);
        var (digits, prefix) = s.Type switch
        {
            null or 'd' => (magnitude.ToString(CultureInfo.InvariantCulture), ""),
            'b' => (Convert.ToString((long)magnitude, 2), "0b"),
            'o' => (Convert.ToString((long)magnitude, 8), "0o"),
            'x' => (magnitude.ToString("x", CultureInfo.InvariantCulture), "0x"),
            'X' => (magnitude.ToString("X", CultureInfo.InvariantCulture), "0X"),
            _ => throw Unknown(s.Type.Value, "int"),
        };
        return Pad(s, Sign(s, value < 0), (s.Alternate ? prefix : "") + Group(digits, s.Grouping));
    }

    /// <summary>Formats a float as Python's <c>format(value, spec)</c>.</summary>
    /// <exception cref="FormatException">The spec is malformed or does not apply to floats (Python's ValueError text).</exception>
    public static string Format(double value, string spec)
    {
        var s = Parse(spec, "float");
        var negative = double.IsNegative(value) && !double.IsNaN(value);
        var upper = s.Type is 'E' or 'F' or 'G';
        string body;
        if (!double.IsFinite(value))
        {
            body = double.IsNaN(value) ? "nan" : "inf";
            body = (upper ? body.ToUpperInvariant() : body) + (s.Type == '%' ? "%" : "");
        }
        else
        {
            body = s.Type switch
            {
                'f' or 'F' => PythonFloat.FormatFixed(value, s.Precision ?? 6),
                'e' or 'E' => PythonFloat.FormatScientific(value, s.Precision ?? 6, upper ? 'E' : 'e'),
                'g' or 'G' => PythonFloat.FormatGeneral(value, s.Precision ?? 6, upper ? 'E' : 'e', s.Alternate, addDotZero: false),
                '%' => PythonFloat.FormatFixed(value * 100, s.Precision ?? 6) + "%",
                null when s.Precision is null => PythonFloat.Repr(Math.Abs(value)),
                null => PythonFloat.FormatGeneral(value, s.Precision.Value, 'e', s.Alternate, addDotZero: true),
                _ => throw Unknown(s.Type.Value, "float"),
            };
            body = GroupNumber(body, s.Grouping);
        }

        return Pad(s, Sign(s, negative), body);
    }

    private readonly record struct Spec(char Fill, char? Align, char Sign, bool Alternate, int Width, char? Grouping, int? Precision, char? Type);

    private static Spec Parse(string spec, string typeName)
    {
        var m = Grammar().Match(spec);
        if (!m.Success)
        {
            throw new FormatException($"Invalid format specifier '{spec}' for object of type '{typeName}'");
        }

        var zero = m.Groups["zero"].Success;
        var align = m.Groups["align"].Success ? m.Groups["align"].Value[0] : zero ? '=' : (char?)null;
        var fill = m.Groups["fill"].Success ? m.Groups["fill"].Value[0] : zero ? '0' : ' ';
        return new Spec(
            fill,
            align,
            m.Groups["sign"].Success ? m.Groups["sign"].Value[0] : '-',
            m.Groups["alt"].Success,
            m.Groups["width"].Success ? int.Parse(m.Groups["width"].Value, CultureInfo.InvariantCulture) : 0,
            m.Groups["group"].Success ? m.Groups["group"].Value[0] : null,
            m.Groups["precision"].Success ? int.Parse(m.Groups["precision"].Value, CultureInfo.InvariantCulture) : null,
            m.Groups["type"].Success ? m.Groups["type"].Value[0] : null);
    }

    private static string Sign(Spec s, bool negative) => negative ? "-" : s.Sign switch { '+' => "+", ' ' => " ", _ => "" };

    // Numbers align right by default; '=' puts the padding between the sign and the digits.
    private static string Pad(Spec s, string sign, string body)
    {
        var padding = Math.Max(s.Width - sign.Length - body.Length, 0);
        var fill = new string(s.Fill, padding);
        return (s.Align ?? '>') switch
        {
            '<' => sign + body + fill,
            '^' => fill[..(padding / 2)] + sign + body + fill[(padding / 2)..],
            '=' => sign + fill + body,
            _ => fill + sign + body,
        };
    }

    // Groups the integer digits of a formatted float ("1234567.5" -> "1,234,567.5").
    private static string GroupNumber(string body, char? grouping)
    {
        if (grouping is null)
        {
            return body;
        }

        var end = body.TakeWhile(char.IsAsciiDigit).Count();
        return Group(body[..end], grouping) + body[end..];
    }

    private static string Group(string digits, char? grouping)
    {
        if (grouping is null)
        {
            return digits;
        }

        var groups = Enumerable.Range(0, (digits.Length + 2) / 3)
            .Select(i => digits.Substring(Math.Max(digits.Length - 3 * (i + 1), 0), Math.Min(3, digits.Length - 3 * i)))
            .Reverse();
        return string.Join(grouping.Value, groups);
    }

    private static FormatException Unknown(char type, string typeName) =>
        new($"Unknown format code '{type}' for object of type '{typeName}'");
}
