using System;
using System.Collections.Generic;
using System.Text;

namespace StaticKeras.Callbacks.Formatting;

/// <summary>
/// Python's <c>str.format</c> with keyword arguments only, as Keras fills a checkpoint path:
/// <c>"ckpt-{epoch:02d}-{val_loss:.2f}.safetensors"</c>. Fields are <c>{name}</c>,
/// <c>{name:spec}</c> or <c>{name!r|!s}</c>; <c>{{</c> and <c>}}</c> are literal braces.
/// Values are integers (<see cref="long"/>, <see cref="int"/>) or floats (<see cref="double"/>).
/// </summary>
internal static class PythonTemplate
{
    /// <summary>Fills <paramref name="template"/> from <paramref name="values"/>.</summary>
    /// <exception cref="KeyNotFoundException">A field names no value; the message is the name, quoted as Python's KeyError prints it.</exception>
    /// <exception cref="FormatException">The template or a spec is malformed (Python's ValueError text).</exception>
    public static string Format(string template, IReadOnlyDictionary<string, object> values)
    {
        var result = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '}')
            {
                if (i + 1 < template.Length && template[i + 1] == '}')
                {
                    result.Append('}');
                    i++;
                    continue;
                }

                throw new FormatException("Single '}' encountered in format string");
            }

            if (c != '{')
            {
                result.Append(c);
                continue;
            }

            if (i + 1 < template.Length && template[i + 1] == '{')
            {
                result.Append('{');
                i++;
                continue;
            }

            var close = template.IndexOf('}', i + 1);
            if (close < 0)
            {
                throw new FormatException(
                    i + 1 == template.Length ? "Single '{' encountered in format string"
                    : template.IndexOf(':', i + 1) >= 0 ? "unmatched '{' in format spec"
                    : "expected '}' before end of string");
            }

            result.Append(Field(template[(i + 1)..close], values));
            i = close;
        }

        return result.ToString();
    }

    private static string Field(string field, IReadOnlyDictionary<string, object> values)
    {
        if (field.Contains('{'))
        {
            throw new FormatException("Nested replacement fields are not supported in checkpoint templates");
        }

        var colon = field.IndexOf(':');
        var spec = colon < 0 ? "" : field[(colon + 1)..];
        var head = colon < 0 ? field : field[..colon];
        var bang = head.IndexOf('!');
        var name = bang < 0 ? head : head[..bang];
        var conversion = bang < 0 ? null : head[(bang + 1)..];

        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            throw new FormatException($"Replacement index {(name.Length == 0 ? "0" : name)} out of range for positional args tuple");
        }

        if (name.IndexOfAny(['.', '[']) >= 0)
        {
            throw new FormatException($"Attribute and index lookups ('{name}') are not supported in checkpoint templates");
        }

        if (!values.TryGetValue(name, out var value))
        {
            throw new KeyNotFoundException($"'{name}'");
        }

        return conversion switch
        {
            null => value switch
            {
                double d => PythonFormatSpec.Format(d, spec),
                long l => PythonFormatSpec.Format(l, spec),
                int n => PythonFormatSpec.Format(n, spec),
                _ => throw new ArgumentException($"Template value '{name}' is a {value.GetType().Name}; expected an integer or a double."),
            },
            "r" or "s" => FormatText(Text(value), spec),
            _ => throw new FormatException($"Unknown conversion specifier {conversion}"),
        };
    }

    private static string Text(object value) => value switch
    {
        double d => PythonFloat.Repr(d),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    // After !r or !s the value is text; string format specs are not part of the supported subset.
    private static string FormatText(string text, string spec) => spec.Length == 0
        ? text
        : throw new FormatException($"Format spec '{spec}' after a conversion is not supported in checkpoint templates");
}
