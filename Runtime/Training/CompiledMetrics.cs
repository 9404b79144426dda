using System;
using System.Collections.Generic;
using System.Linq;
using StaticKeras.Metrics;
using static TorchSharp.torch;

namespace StaticKeras.Training;

/// <summary>
/// The running loss and metrics of one epoch or evaluation (Keras' loss tracker and
/// <c>CompileMetrics</c>): the loss weighted by batch size, each metric averaged over samples.
/// <c>"accuracy"</c> is resolved on the first batch from the shapes, as Keras' compile_utils does.
/// </summary>
internal sealed class CompiledMetrics
{
    private readonly Mean _loss = new("loss");
    private readonly Mean[] _trackers;
    private readonly Func<Tensor, Tensor, Tensor>?[] _functions;

    public CompiledMetrics(CompileInfo compile)
    {
        var metrics = compile.Metrics.Distinct().ToArray();
        _trackers = metrics.Select(m => new Mean(Name(m))).ToArray();
        _functions = new Func<Tensor, Tensor, Tensor>?[metrics.Length];
    }

    /// <summary>Adds a batch: its loss, and each metric on its predictions. Call inside the step's scope.</summary>
    public void Update(StepOutput output, Tensor y)
    {
        var batch = y.shape[0];
        _loss.UpdateState(ScalarValue(output.Loss), batch);
        if (_trackers.Length == 0)
        {
            return;
        }

        using var noGrad = no_grad();
        var predictions = output.Predictions;
        for (var i = 0; i < _trackers.Length; i++)
        {
            var function = _functions[i] ??= MetricFunctions.ResolveAccuracy(y.shape, predictions.shape);
            // The mean over every element equals Keras' mean of per-sample means, as samples are equal
            // in size; summing first keeps the count of matches exact.
            var values = function(y, predictions);
            _trackers[i].UpdateState(ScalarValue(values.sum()) / values.numel(), batch);
        }
    }

    public void Reset()
    {
        _loss.ResetState();
        foreach (var tracker in _trackers)
        {
            tracker.ResetState();
        }
    }

    /// <summary>The logs as Keras passes them to callbacks: sorted by name.</summary>
    public OrderedDictionary<string, double> Logs() =>
        new(Trackers().OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => KeyValuePair.Create(t.Name, t.Result())));

    /// <summary>The logs in the order Keras' <c>evaluate()</c> returns them: the loss, then the metrics.</summary>
    public IEnumerable<KeyValuePair<string, double>> ResultOrder() =>
        Trackers().Select(t => KeyValuePair.Create(t.Name, t.Result()));

    private IEnumerable<Mean> Trackers() => _trackers.Prepend(_loss);

    private static string Name(Metric metric) => metric switch
    {
        Metric.Accuracy => "accuracy",
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, $"unknown metric {metric}"),
    };

    internal static double ScalarValue(Tensor scalar) => scalar.dtype switch
    {
        ScalarType.Float32 => scalar.item<float>(),
        ScalarType.Float64 => scalar.item<double>(),
        _ => scalar.to_type(ScalarType.Float64).item<double>(),
    };
}
