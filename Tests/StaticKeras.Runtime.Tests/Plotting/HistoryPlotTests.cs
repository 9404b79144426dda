using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using SkiaSharp;
using StaticKeras.Callbacks;
using StaticKeras.Plotting;
using Xunit;

namespace StaticKeras.Runtime.Tests.Plotting;

public sealed class HistoryPlotTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sk-plot-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void QuantitiesAreLossThenEachMetricOnceWithTheirValidationLines()
    {
        var history = Record(3, validateEvery: 1);
        Assert.Equal(["loss", "accuracy"], HistoryPlot.Quantities(history));
    }

    [Fact]
    public void APngHasOneChartPerQuantityWithATrainingAndAValidationLine()
    {
        var path = Path.Combine(_directory, "sub", "history.png");
        Record(5, validateEvery: 1).SavePlot(path);

        using var bitmap = SKBitmap.Decode(path);
        Assert.Equal((960, 400), (bitmap.Width, bitmap.Height));   // two charts of 480 pixels
        // ScottPlot's category10 colours: C0 blue (training), C1 orange (validation), in both halves
        foreach (var half in new[] { 0, 480 })
        {
            Assert.True(Count(bitmap, half, new SKColor(0x1f, 0x77, 0xb4)) > 100, $"no training line in the chart at x={half}");
            Assert.True(Count(bitmap, half, new SKColor(0xff, 0x7f, 0x0e)) > 100, $"no validation line in the chart at x={half}");
        }

        // Text is drawn (dark pixels beyond the lines): the embedded font works without system fonts.
        Assert.True(Count(bitmap, 0, new SKColor(0, 0, 0), tolerance: 90) > 200);
    }

    [Fact]
    public void AnSvgHoldsTheTitlesAndLabels()
    {
        var path = Path.Combine(_directory, "history.svg");
        Record(4, validateEvery: 2).SavePlot(path, width: 800, height: 300);
        var svg = File.ReadAllText(path);
        Assert.StartsWith("<?xml", svg);
        Assert.Contains("<svg", svg);
        Assert.Contains("width=\"800\"", svg);
        Assert.Contains("<path", svg);
        var texts = System.Text.RegularExpressions.Regex.Matches(svg, @"<text[^>]*>\s*([^<]*?)\s*</text>").Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("loss", texts);
        Assert.Contains("accuracy", texts);
        Assert.Contains("epoch", texts);
        Assert.Contains("validation", texts);
    }

    [Fact]
    public void ValidationLoggedAtSomeEpochsIsPlacedAtThoseEpochs()
    {
        var history = Record(4, validateEvery: 2);
        Assert.Equal([0, 1, 2, 3], history.EpochsOf("loss"));
        Assert.Equal([1, 3], history.EpochsOf("val_loss"));
        Assert.Empty(history.EpochsOf("val_missing"));
    }

    [Fact]
    public void BadPathsAndEmptyHistoriesSayWhatIsExpected()
    {
        var error = Assert.Throws<ArgumentException>(() => Record(1, 1).SavePlot(Path.Combine(_directory, "h.jpg")));
        Assert.Contains(".png or .svg", error.Message);
        error = Assert.Throws<ArgumentException>(() => new History().SavePlot(Path.Combine(_directory, "h.png")));
        Assert.Contains("at least one epoch", error.Message);
    }

    private static History Record(int epochs, int validateEvery)
    {
        var history = new History();
        history.OnTrainBegin(new Dictionary<string, double>());
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var logs = new Dictionary<string, double> { ["accuracy"] = 0.5 + 0.1 * epoch, ["loss"] = 1.0 / (epoch + 1) };
            if ((epoch + 1) % validateEvery == 0)
            {
                logs["val_accuracy"] = 0.45 + 0.1 * epoch;
                logs["val_loss"] = 1.2 / (epoch + 1);
            }

            history.OnEpochEnd(epoch, logs);
        }

        return history;
    }

    private static int Count(SKBitmap bitmap, int left, SKColor color, int tolerance = 40) =>
        Enumerable.Range(left, 480).Sum(x => Enumerable.Range(0, bitmap.Height).Count(y =>
        {
            var p = bitmap.GetPixel(x, y);
            return Math.Abs(p.Red - color.Red) + Math.Abs(p.Green - color.Green) + Math.Abs(p.Blue - color.Blue) < tolerance;
        }));
}
