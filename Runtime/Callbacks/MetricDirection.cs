using System;
using System.Linq;

namespace StaticKeras.Callbacks;

/// <summary>
/// Keras 3's rule for <see cref="MonitorMode.Auto"/> in EarlyStopping and ModelCheckpoint: strip
/// <c>val_</c>; <c>loss</c> falls; a metric the model was compiled with goes the way that Keras
/// metric's <c>_direction</c> says. Anything else cannot be decided.
/// </summary>
internal static class MetricDirection
{
    /// <summary><see langword="true"/> if higher is better, <see langword="false"/> if lower is, <see langword="null"/> if unknown.</summary>
    public static bool? HigherIsBetter(Model model, string monitor)
    {
        var name = monitor.StartsWith("val_", StringComparison.Ordinal) ? monitor[4..] : monitor;
        bool? direction = name == "loss" ? false : null;
        // As in Keras, a compiled metric of the same name decides over the "loss" rule.
        var info = model.BuildInfo;
        if (info.Compile is not { } compile)
        {
            return direction;
        }

        for (var i = 0; i < compile.Outputs.Length; i++)
        {
            foreach (var metric in compile.Outputs[i].Metrics)
            {
                if (Training.CompiledMetrics.Name(compile, info.Outputs[i].Name, metric) == name && Up(metric) is { } up)
                {
                    direction = up;
                }
            }
        }

        return direction;
    }

    /// <summary>The name Keras logs a compiled metric under (<c>metrics=["accuracy"]</c> logs <c>accuracy</c>).</summary>
    public static string KerasName(Metric metric) => metric switch
    {
        Metric.Accuracy => "accuracy",
        _ => string.Concat(metric.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString())),
    };

    // Keras' _direction of each metric; extend alongside the Metric enum.
    private static bool? Up(Metric metric) => metric switch
    {
        Metric.Accuracy => true,
        _ => null,
    };
}
