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

/// <summary>One row of a functional summary table.</summary>
/// <param name="Layer">The layer's name and type: <c>hidden (Dense)</c>, <c>image (InputLayer)</c>.</param>
/// <param name="OutputShape">Keras' shape: <c>(None, 128)</c>.</param>
/// <param name="Parameters">The layer's parameter count (once, however often it is called).</param>
/// <param name="ConnectedTo">Its inbound tensors: <c>conv1[0][0], image[0][0]</c>, or <c>-</c> for an input.</param>
internal readonly record struct ConnectedRow(string Layer, string OutputShape, long Parameters, string ConnectedTo);

/// <summary>
/// Renders the summary as Keras 3 prints it (<c>model.summary()</c> into a log): a box-drawing table
/// with cells 33, 24 and 15 characters wide (21, 19, 12 and 19 with <c>Connected to</c>; text
/// wrapped at spaces when longer), then the parameter totals with their size at 4 bytes per float32.
/// </summary>
internal static class SummaryTable
{
    private static readonly int[] SequentialWidths = [31, 22, 13];

    // Keras' functional layout: line length min(108, 80 - 4) at positions 0.3, 0.56, 0.74, 1.0,
    // squeezed by rich to the 76 columns: cells of 21, 19, 12 and 19 characters with padding.
    private static readonly int[] FunctionalWidths = [19, 17, 10, 17];

    /// <summary>The summary text, lines separated by <c>\n</c>, without a final newline.</summary>
    public static string Render(string modelName, IReadOnlyList<SummaryRow> rows, long trainable, long nonTrainable) =>
        Render(modelName, ["Layer (type)", "Output Shape", "Param #"], SequentialWidths,
            rows.Select(r => new[] { r.Layer, r.OutputShape, Formatting.Thousands(r.Parameters) }).ToList(), trainable, nonTrainable);

    /// <summary>The summary of a functional graph with its <c>Connected to</c> column (Keras prints it unless the graph is a plain chain).</summary>
    public static string RenderConnected(string modelName, IReadOnlyList<ConnectedRow> rows, long trainable, long nonTrainable) =>
        Render(modelName, ["Layer (type)", "Output Shape", "Param #", "Connected to"], FunctionalWidths,
            rows.Select(r => new[] { r.Layer, r.OutputShape, Formatting.Thousands(r.Parameters), r.ConnectedTo }).ToList(), trainable, nonTrainable);

    private static string Render(string modelName, string[] headers, int[] widths, IReadOnlyList<string[]> rows, long trainable, long nonTrainable)
    {
        var text = new StringBuilder();
        text.Append("Model: \"").Append(modelName).Append("\"\n");
        text.Append(Rule(widths, '┏', '━', '┳', '┓')).Append('\n');
        AppendRow(text, widths, '┃', headers);
        text.Append(Rule(widths, '┡', '━', '╇', '┩')).Append('\n');
        for (var i = 0; i < rows.Count; i++)
        {
            if (i > 0)
            {
                text.Append(Rule(widths, '├', '─', '┼', '┤')).Append('\n');
            }

            AppendRow(text, widths, '│', rows[i]);
        }

        text.Append(Rule(widths, '└', '─', '┴', '┘')).Append('\n');
        text.Append(Total("Total params", trainable + nonTrainable)).Append('\n');
        text.Append(Total("Trainable params", trainable)).Append('\n');
        text.Append(Total("Non-trainable params", nonTrainable));
        return text.ToString();
    }

    private static string Total(string label, long count) =>
        " " + label + ": " + Formatting.Thousands(count) + " (" + MemorySize.Readable(count * 4) + ")";

    private static string Rule(int[] widths, char left, char fill, char middle, char right) =>
        left + string.Join(middle.ToString(), widths.Select(w => new string(fill, w + 2))) + right;

    // The third column (Param #) is right-aligned, as Keras aligns parameter counts.
    private static void AppendRow(StringBuilder text, int[] widths, char border, string[] cells)
    {
        var wrapped = cells.Select((cell, i) => Wrap(cell, widths[i])).ToList();
        var height = wrapped.Max(lines => lines.Count);
        for (var line = 0; line < height; line++)
        {
            text.Append(border);
            for (var column = 0; column < cells.Length; column++)
            {
                var content = line < wrapped[column].Count ? wrapped[column][line] : string.Empty;
                var padded = column == 2 ? content.PadLeft(widths[column]) : content.PadRight(widths[column]);
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
