using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ScottPlot;
using SkiaSharp;
using StaticKeras.Callbacks;

namespace StaticKeras.Plotting;

/// <summary>
/// Draws a training <see cref="History"/>: one chart per quantity (<c>loss</c> first, then each
/// metric in log order), epochs on the x axis (one-based, as Keras prints them), the training
/// values and, where logged, the <c>val_</c> values as a second line. Saved as PNG or SVG by the
/// file's extension.
/// </summary>
/// <example>
/// <code>
/// var history = model.Fit(x, y, epochs: 10, validationSplit: 0.1);
/// history.SavePlot("history.png");
/// </code>
/// </example>
public static class HistoryPlot
{
    /// <summary>Saves the plot of <paramref name="history"/> to <paramref name="path"/> (<c>.png</c> or <c>.svg</c>).</summary>
    /// <param name="history">The history Fit returned.</param>
    /// <param name="path">The file; its extension picks the format.</param>
    /// <param name="width">The image's width in pixels; by default 480 per chart.</param>
    /// <param name="height">The image's height in pixels.</param>
    /// <exception cref="ArgumentException">The extension is neither <c>.png</c> nor <c>.svg</c>, or the history has no epochs.</exception>
    public static void SavePlot(this History history, string path, int? width = null, int height = 400)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".png" or ".svg"))
        {
            throw new ArgumentException($"SavePlot writes .png or .svg files; got '{path}'.", nameof(path));
        }

        var quantities = Quantities(history);
        if (quantities.Count == 0)
        {
            throw new ArgumentException("SavePlot needs a History with at least one epoch; this one has none (was Fit run?).", nameof(history));
        }

        var multiplot = Build(history, quantities);
        var pixelWidth = width ?? 480 * quantities.Count;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pixelWidth, nameof(width));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        Directory.CreateDirectory(directory!);
        if (extension == ".png")
        {
            multiplot.SavePng(path, pixelWidth, height);
        }
        else
        {
            using var file = File.Create(path);
            using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, pixelWidth, height), file))
            {
                multiplot.Render(canvas, new PixelRect(0, pixelWidth, height, 0));
            }
        }
    }

    /// <summary>The charted quantities: every logged key without <c>val_</c>, <c>loss</c> first, then log order.</summary>
    public static IReadOnlyList<string> Quantities(History history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var keys = history.Logs.Keys.Select(k => k.StartsWith("val_", StringComparison.Ordinal) ? k[4..] : k).Distinct().ToList();
        return keys.OrderBy(k => k == "loss" ? 0 : 1).ToList();   // stable: the rest keep log order
    }

    private static Multiplot Build(History history, IReadOnlyList<string> quantities)
    {
        EmbeddedFont.Register();
        var multiplot = new Multiplot();
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();
        while (multiplot.Count() < quantities.Count)
        {
            multiplot.AddPlot();   // a new Multiplot already holds one plot
        }

        for (var i = 0; i < quantities.Count; i++)
        {
            var plot = multiplot.GetPlot(i);
            var quantity = quantities[i];
            AddLine(plot, history, quantity, "training", Colors.C0);
            AddLine(plot, history, "val_" + quantity, "validation", Colors.C1);
            plot.Title(quantity);
            plot.XLabel("epoch");
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };   // whole epochs
            plot.YLabel(quantity);
            plot.ShowLegend(Edge.Bottom);   // below the chart, where it hides no line
            plot.Font.Set(EmbeddedFont.Family);
        }

        return multiplot;
    }

    // Each value at the epoch it was logged (validationFreq logs val_* at some epochs only).
    private static void AddLine(Plot plot, History history, string key, string label, Color color)
    {
        if (!history.Logs.TryGetValue(key, out var values) || values.Count == 0)
        {
            return;
        }

        var xs = history.EpochsOf(key).Select(e => (double)(e + 1)).ToArray();
        var line = plot.Add.Scatter(xs, values.ToArray(), color);
        line.LegendText = label;
        line.LineWidth = 2;
        line.MarkerSize = 6;
    }
}
