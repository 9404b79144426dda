using System;
using System.Collections.Generic;
using System.Linq;
using StaticKeras.Callbacks;
using StaticKeras.Metrics;
using TorchSharp;
using static TorchSharp.torch;

namespace StaticKeras.Training;

/// <summary>
/// The running loss and metrics of one epoch or evaluation (Keras' loss trackers and
/// <c>CompileMetrics</c>), each averaged over samples: the total <c>loss</c>; with losses declared per
/// output, each output's <c>{output}_loss</c>; then each output's metrics, named <c>{metric}</c>, or
/// <c>{output}_{metric}</c> per output. <c>"accuracy"</c> is resolved on the first batch from the
/// shapes, as Keras' compile_utils does.
/// </summary>
internal sealed class CompiledMetrics
{
    private readonly Mean _loss = new("loss");
    private readonly Mean[] _outputLosses;
    private readonly (int Output, Mean Tracker)[] _metrics;
    private readonly Func<Tensor, Tensor, Tensor>?[] _accuracies;
    private readonly Func<Tensor, Tensor, (double Sum, long Count)>?[] _functions;

    public CompiledMetrics(ModelInfo info, CompileInfo compile)
    {
        _outputLosses = compile.PerOutput ? info.Outputs.Select(o => new Mean(o.Name + "_loss")).ToArray() : [];
        _metrics = compile.Outputs
            .SelectMany((output, i) => output.Metrics.Distinct().Select(m => (i, new Mean(Name(compile, info.Outputs[i].Name, m)))))
            .ToArray();
        _accuracies = new Func<Tensor, Tensor, Tensor>?[_metrics.Length];
        _functions = new Func<Tensor, Tensor, (double Sum, long Count)>?[_metrics.Length];
    }

    /// <summary>The name a metric of output <paramref name="output"/> logs under: <c>accuracy</c>, or <c>cls_accuracy</c> with losses per output.</summary>
    public static string Name(CompileInfo compile, string output, Metric metric) =>
        compile.PerOutput ? output + "_" + MetricDirection.KerasName(metric) : MetricDirection.KerasName(metric);

    /// <summary>Adds a batch: its losses, and each metric on its predictions. Call inside the step's scope.</summary>
    public void Update(StepOutput output, Batch batch)
    {
        var size = batch.Size;
        _loss.UpdateState(ScalarValue(output.Loss), size);
        for (var i = 0; i < _outputLosses.Length; i++)
        {
            _outputLosses[i].UpdateState(ScalarValue(output.OutputLosses[i]), size);
        }

        if (_metrics.Length == 0)
        {
            return;
        }

        using var noGrad = no_grad();
        for (var i = 0; i < _metrics.Length; i++)
        {
            var (index, tracker) = _metrics[i];
            var (y, predictions) = (batch.Y[index], output.Predictions[index]);
            var accuracy = _accuracies[i] ??= MetricFunctions.ResolveAccuracy(y.shape, predictions.shape);
            if (output.SoftmaxLogits?.ElementAtOrDefault(index) == true && !ArgMaxOnly(accuracy))
            {
                predictions = predictions.softmax(-1);
            }

            if (output.Masks?.ElementAtOrDefault(index) is { } mask)
            {
                // Keras' MeanMetricWrapper with a mask: the mask is the sample weight ("sum" reduction), so
                // the epoch's value is the mean over every unmasked step seen.
                var values = accuracy(y, predictions);
                var weight = mask.to_type(values.dtype).reshape(values.shape);
                var valid = ScalarValue(weight.sum());
                tracker.UpdateState(valid == 0 ? 0 : ScalarValue((values * weight).sum()) / valid, valid);
                continue;
            }

            // The mean over every element equals Keras' mean of per-sample means, as samples are equal
            // in size; summing first keeps the count of matches exact.
            var (sum, count) = (_functions[i] ??= Summed(accuracy))(y, predictions);
            tracker.UpdateState(sum / count, size);
        }
    }

    // Whether the accuracy reads only the arg-max of the predictions over the last axis, which logits
    // and their softmax share (up to a tie of probabilities within float32 round-off, where the softmax's
    // arg-max takes the first of the tied classes and the logits' the larger logit).
    private static bool ArgMaxOnly(Func<Tensor, Tensor, Tensor> accuracy) =>
        accuracy.Equals((Func<Tensor, Tensor, Tensor>)MetricFunctions.SparseCategoricalAccuracy)
        || accuracy.Equals((Func<Tensor, Tensor, Tensor>)MetricFunctions.CategoricalAccuracy);

    // A metric's per-element values summed, with their number; sparse categorical accuracy counts
    // its matches directly (the same number, without the float conversions), in C# on CPU tensors.
    private static Func<Tensor, Tensor, (double Sum, long Count)> Summed(Func<Tensor, Tensor, Tensor> function) =>
        function.Equals((Func<Tensor, Tensor, Tensor>)MetricFunctions.SparseCategoricalAccuracy)
            ? (y, predictions) =>
            {
                if (MetricFunctions.TryCountSparseMatches(y, predictions, out var counted))
                {
                    return (counted, predictions.numel() / predictions.size(-1));
                }

                var (matches, count) = MetricFunctions.SparseCategoricalMatches(y, predictions);
                return (ScalarValue(matches), count);
            }
            : (y, predictions) =>
            {
                var values = function(y, predictions);
                return (ScalarValue(values.sum()), values.numel());
            };

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

    private IEnumerable<Mean> Trackers() => _outputLosses.Prepend(_loss).Concat(_metrics.Select(m => m.Tracker));

    // One value read per loss and metric per batch: through ToScalar (libtorch's item), not TorchSharp's
    // item<T>(), which builds a tensor accessor (its strides marshalled through a callback) and costs
    // several times as much for one value (0.7-3 us against 0.2-0.3 us on this machine). Same values.
    internal static double ScalarValue(Tensor scalar)
    {
        var dtype = scalar.dtype;
        if (dtype is not (ScalarType.Float32 or ScalarType.Float64 or ScalarType.Int64))
        {
            return scalar.to_type(ScalarType.Float64).item<double>();
        }

        using var value = scalar.ToScalar();
        return dtype switch
        {
            ScalarType.Float32 => value.ToSingle(),
            ScalarType.Float64 => value.ToDouble(),
            _ => value.ToInt64(),
        };
    }
}
