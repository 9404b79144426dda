using System;
using System.Collections.Generic;
using System.Linq;
using StaticKeras.Metrics;
using static TorchSharp.torch;

namespace StaticKeras.Training;

/// <summary>
/// The running logs of a model with several outputs, named as Keras names them: the total
/// <c>loss</c>, each output's <c>{name}_loss</c>, and each output's metrics <c>{name}_accuracy</c>.
/// Each is averaged over samples, as <see cref="CompiledMetrics"/> does for one output.
/// </summary>
internal sealed class MultiOutputMetrics
{
    private readonly Mean _loss = new("loss");
    private readonly Mean[] _losses;
    private readonly (int Output, Mean Tracker)[] _metrics;
    private readonly Func<Tensor, Tensor, Tensor>?[] _functions;

    public MultiOutputMetrics(IReadOnlyList<OutputSpec> outputs)
    {
        _losses = outputs.Select(o => new Mean(o.Name + "_loss")).ToArray();
        _metrics = outputs.SelectMany((o, i) => o.Metrics.Distinct().Select(m => (i, new Mean(o.Name + "_" + Name(m))))).ToArray();
        _functions = new Func<Tensor, Tensor, Tensor>?[_metrics.Length];
    }

    /// <summary>Adds a batch of <paramref name="batch"/> samples. Call inside the step's scope.</summary>
    public void Update(MultiStepOutput output, Tensor[] y, long batch)
    {
        _loss.UpdateState(CompiledMetrics.ScalarValue(output.Loss), batch);
        for (var i = 0; i < _losses.Length; i++)
        {
            _losses[i].UpdateState(CompiledMetrics.ScalarValue(output.OutputLosses[i]), batch);
        }

        using var noGrad = no_grad();
        for (var i = 0; i < _metrics.Length; i++)
        {
            var (index, tracker) = _metrics[i];
            var predictions = output.Predictions[index];
            var function = _functions[i] ??= MetricFunctions.ResolveAccuracy(y[index].shape, predictions.shape);
            var values = function(y[index], predictions);
            tracker.UpdateState(CompiledMetrics.ScalarValue(values.sum()) / values.numel(), batch);
        }
    }

    public void Reset()
    {
        foreach (var tracker in Trackers())
        {
            tracker.ResetState();
        }
    }

    /// <summary>The logs as Keras passes them to callbacks: sorted by name.</summary>
    public OrderedDictionary<string, double> Logs() =>
        new(Trackers().OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => KeyValuePair.Create(t.Name, t.Result())));

    /// <summary>The logs in the order Keras' <c>evaluate()</c> returns them: the total loss, each output's loss, then the metrics.</summary>
    public IEnumerable<KeyValuePair<string, double>> ResultOrder() => Trackers().Select(t => KeyValuePair.Create(t.Name, t.Result()));

    private IEnumerable<Mean> Trackers() => _losses.Prepend(_loss).Concat(_metrics.Select(m => m.Tracker));

    private static string Name(Metric metric) => metric switch
    {
        Metric.Accuracy => "accuracy",
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, $"unknown metric {metric}"),
    };
}
