using System.Collections.Generic;
using System.Linq;
using System.Text;
using StaticKeras.Generator.Common;

namespace StaticKeras.Generator.Emit;

/// <summary>One row of the summary table.</summary>
/// <param name="Layer">The layer's name and type: <c>hidden (Dense)</c>.</param>
/// <param name="OutputShape">Keras' shape: <c>(None, 128)</c>.</param>
/// <param name="Parameters">The layer's parameter count.</param>
internal readonly record struct SummaryRow(string Layer, string OutputShape, long Parameters);

/// <summary>
/// Renders the summary as Keras 3 prints it (<c>model.summary()</c> into a log): a box-drawing table
/// with cells 33, 24 and 15 characters wide (text wrapped at spaces when longer), then the
/// parameter totals with their size at 4 bytes per float32.
/// </summary>
internal static class SummaryTable
{
    private static readonly int[] Widths = [31, 22, 13];

    /// <summary>The summary text, lines separated by <c>\n</c>, without a final newline.</summary>
    public static string Render(string modelName, IReadOnlyList<SummaryRow> rows, long trainable, long nonTrainable)
    {
        var text = new StringBuilder();
        text.Append("Model: \"").Append(modelName).Append("\"\n");
        text.Append(Rule('┏', '━', '┳', '┓')).Append('\n');
        AppendRow(text, '┃', ["Layer (type)", "Output Shape", "Param #"]);
        text.Append(Rule('┡', '━', '╇', '┩')).Append('\n');
        for (var i = 0; i < rows.Count; i++)
        {
            if (i > 0)
            {
                text.Append(Rule('├', '─', '┼', '┤')).Append('\n');
            }

            AppendRow(text, '│', [rows[i].Layer, rows[i].OutputShape, Formatting.Thousands(rows[i].Parameters)]);
        }

        text.Append(Rule('└', '─', '┴', '┘')).Append('\n');
        text.Append(Total("Total params", trainable + nonTrainable)).Append('\n');
        text.Append(Total("Trainable params", trainable)).Append('\n');
        text.Append(Total("Non-trainable params", nonTrainable));
        return text.ToString();
    }

    private static string Total(string label, long count) =>
        " " + label + ": " + Formatting.Thousands(count) + " (" + MemorySize.Readable(count * 4) + ")";

    private static string Rule(char left, char fill, char middle, char right) =>
        left + string.Join(middle.ToString(), Widths.Select(w => new string(fill, w + 2))) + right;

    // The last column is right-aligned, as Keras aligns parameter counts.
    private static void AppendRow(StringBuilder text, char border, string[] cells)
    {
        var wrapped = cells.Select((cell, i) => Wrap(cell, Widths[i])).ToList();
        var height = wrapped.Max(lines => lines.Count);
        for (var line = 0; line < height; line++)
        {
            text.Append(border);
            for (var column = 0; column < cells.Length; column++)
            {
                var content = line < wrapped[column].Count ? wrapped[column][line] : string.Empty;
                var padded = column == cells.Length - 1 ? content.PadLeft(Widths[column]) : content.PadRight(Widths[column]);
                text.Append(' ').Append(padded).Append(' ').Append(border);
            }

            text.Append('\n');
        }
    }

    // Wraps at spaces like rich does; a word longer than the cell is cut.
    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var current = string.Empty;
        foreach (var word in text.Split(' '))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (candidate.Length <= width)
            {
                current = candidate;
                continue;
            }

            if (current.Length > 0)
            {
                lines.Add(current);
            }

            current = word;
            while (current.Length > width)
            {
                lines.Add(current.Substring(0, width));
                current = current.Substring(width);
            }
        }

        lines.Add(current);
        return lines;
    }
}
