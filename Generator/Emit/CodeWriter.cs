using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace StaticKeras.Generator.Emit;

/// <summary>One line of code with an optional trailing comment, aligned with its neighbours by <see cref="CodeWriter.Lines"/>.</summary>
/// <param name="Code">The code.</param>
/// <param name="Comment">The comment after it, without <c>//</c>.</param>
internal readonly record struct CodeLine(string Code, string? Comment = null);

/// <summary>
/// A small indented text writer for generated C#: four spaces per level, <c>\n</c> line ends, so
/// the output is identical on every machine.
/// </summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    /// <summary>Writes one line at the current indentation (an empty line has no indentation).</summary>
    public void Line(string text = "")
    {
        if (text.Length > 0)
        {
            _text.Append(' ', _indent * 4).Append(text);
        }

        _text.Append('\n');
    }

    /// <summary>Writes <paramref name="header"/>, an opening brace, and indents until the returned scope is disposed.</summary>
    public IDisposable Block(string header)
    {
        Line(header);
        Line("{");
        _indent++;
        return new Scope(this);
    }

    /// <summary>Writes lines whose comments start in one column, two spaces after the longest commented code.</summary>
    public void Lines(IEnumerable<CodeLine> lines)
    {
        var list = lines.ToList();
        var column = list.Where(l => l.Comment is not null).Select(l => l.Code.Length).DefaultIfEmpty(0).Max() + 2;
        foreach (var line in list)
        {
            Line(line.Comment is null ? line.Code : line.Code.PadRight(column) + "// " + line.Comment);
        }
    }

    /// <summary>Writes each line of <paramref name="text"/> as a <c>///</c> doc comment line.</summary>
    public void DocLines(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            Line(line.Length == 0 ? "///" : "/// " + line);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => _text.ToString();

    private sealed class Scope(CodeWriter writer) : IDisposable
    {
        public void Dispose()
        {
            writer._indent--;
            writer.Line("}");
        }
    }
}
