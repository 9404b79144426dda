using System.Text;

namespace StaticKeras.Generator.Emit;

/// <summary>C# literals and XML doc text for generated code.</summary>
internal static class Literals
{
    /// <summary>A C# string literal: <c>"Model: \"MnistMlp\"\n"</c>.</summary>
    public static string String(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    /// <summary>Text safe inside an XML doc comment (<c>&amp;</c> and <c>&lt;</c> escaped).</summary>
    public static string Xml(string value) => value.Replace("&", "&amp;").Replace("<", "&lt;");
}
