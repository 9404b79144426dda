using System;
using System.Collections.Generic;
using StaticKeras.Callbacks;
using StaticKeras.Training;
using static TorchSharp.torch;

namespace StaticKeras;

/// <summary>A training or test step of a model with several inputs or outputs: one batch of each input and each target in, the losses and predictions out.</summary>
/// <param name="x">One batch of each input, in declaration order.</param>
/// <param name="y">The same rows of each target, in output order.</param>
public delegate MultiStepOutput MultiStep(Tensor[] x, Tensor[] y);

public abstract partial class Model
{
    /// <summary>
    /// Keras' <c>model.fit</c> for a model with several inputs or outputs; the generated typed
    /// <c>Fit(Inputs, Targets, ...)</c> calls it. Every input and target is split, shuffled and
    /// batched at the same rows. Logs: <c>loss</c> (the weighted sum), <c>{output}_loss</c>,
    /// <c>{output}_{metric}</c>, and their <c>val_</c> versions.
    /// </summary>
    /// <param name="x">The inputs in declaration order.</param>
    /// <param name="specs">The inputs' declared shapes, to check them up front.</param>
    /// <param name="y">The targets in output order.</param>
    /// <param name="outputs">Each output's name and metrics.</param>
    /// <param name="trainStep">Forward, losses and one optimizer update on a batch.</param>
    /// <param name="testStep">Forward in inference mode and the losses.</param>
    /// <param name="epochs">The epoch to stop before.</param>
    /// <param name="batchSize">Samples per gradient update.</param>
    /// <param name="verbose">0 silent, 1 progress bar, 2 one line per epoch; <see langword="null"/> for Keras' "auto".</param>
    /// <param name="callbacks">Callbacks; a <see cref="History"/> and a <see cref="ProgbarLogger"/> are added unless given.</param>
    /// <param name="validationSplit">The fraction of the samples, taken from the end before shuffling, to validate on.</param>
    /// <param name="validationData">Inputs and targets to validate on instead.</param>
    /// <param name="shuffle">Whether to shuffle the training samples before each epoch.</param>
    /// <returns>The <see cref="History"/> of the epoch logs.</returns>
    /// <exception cref="ArgumentException">An input of the wrong shape (named), tensors of different lengths, or an invalid argument.</exception>
    protected History FitMany(Tensor[] x, TensorSpec[] specs, Tensor[] y, OutputSpec[] outputs, MultiStep trainStep, MultiStep testStep,
        int epochs, int batchSize, int? verbose, IEnumerable<Callback>? callbacks, double validationSplit,
        (Tensor[] X, Tensor[] Y)? validationData, bool shuffle)
    {
        ArgumentNullException.ThrowIfNull(trainStep);
        ArgumentNullException.ThrowIfNull(testStep);
        ArgumentOutOfRangeException.ThrowIfNegative(epochs);
        var verbosity = Verbosity.Resolve(verbose);
        DataChecks.BatchSize(batchSize);
        var samples = MultiData.Samples(GetName(), [.. x, .. y], [.. specs, .. Targets(outputs)], nameof(Fit), Names(specs, outputs));
        CheckTargets(y, outputs);
        DataChecks.ValidationSplit(validationSplit);
        var splitAt = validationSplit == 0 || validationData is not null ? samples : DataChecks.SplitPoint(samples, validationSplit);
        if (validationData is { } given)
        {
            MultiData.Samples(GetName(), [.. given.X, .. given.Y], [.. specs, .. Targets(outputs)], nameof(Fit), Names(specs, outputs));
        }

        using var fitScope = NewDisposeScope();
        var validation = validationData is { } data ? data
            : splitAt < samples ? (Narrow(x, splitAt, samples), Narrow(y, splitAt, samples))
            : ((Tensor[] X, Tensor[] Y)?)null;
        _ = CompiledOptimizer;   // created before any step scope, as its state outlives every step
        using var batches = new MultiBatches(Narrow(x, 0, splitAt), Narrow(y, 0, splitAt), splitAt, batchSize, shuffle);
        var callbackList = new CallbackList(callbacks, this, CallbackList.RunParams(verbosity, epochs, batches.Steps, (int)splitAt),
            addHistory: true, addProgbar: verbosity != 0);
        var metrics = new MultiOutputMetrics(outputs);

        StopTraining = false;
        callbackList.OnTrainBegin();
        IDictionary<string, double> logs = new OrderedDictionary<string, double>();
        try
        {
            for (var epoch = 0; epoch < epochs && !StopTraining; epoch++)
            {
                metrics.Reset();
                callbackList.OnEpochBegin(epoch);
                train();
                batches.BeginEpoch();
                for (var step = 0; step < batches.Steps && !StopTraining; step++)
                {
                    callbackList.OnTrainBatchBegin(step);
                    using (NewDisposeScope())
                    {
                        var (bx, by) = batches.Get(step);
                        metrics.Update(trainStep(bx, by), by, bx[0].shape[0]);
                    }

                    callbackList.OnTrainBatchEnd(step, metrics.Logs());
                }

                var epochLogs = metrics.Logs();
                eval();
                if (validation is { } v)
                {
                    using var validationBatches = new MultiBatches(v.X, v.Y, v.X[0].shape[0], batchSize, shuffle: false);
                    foreach (var (key, value) in TestMany(validationBatches, new MultiOutputMetrics(outputs), testStep, callbackList).Logs())
                    {
                        epochLogs["val_" + key] = value;
                    }
                }

                callbackList.OnEpochEnd(epoch, epochLogs);
                logs = epochLogs;
            }
        }
        finally
        {
            eval();
        }

        callbackList.OnTrainEnd(logs);
        return callbackList.History!;
    }

    /// <summary>
    /// Keras' <c>model.evaluate</c> for a model with several inputs or outputs; the generated typed
    /// <c>Evaluate(Inputs, Targets, ...)</c> calls it.
    /// </summary>
    /// <param name="x">The inputs in declaration order.</param>
    /// <param name="specs">The inputs' declared shapes.</param>
    /// <param name="y">The targets in output order.</param>
    /// <param name="outputs">Each output's name and metrics.</param>
    /// <param name="testStep">Forward in inference mode and the losses.</param>
    /// <param name="batchSize">Samples per batch.</param>
    /// <param name="verbose">0 silent, 1 progress bar, 2 one line; <see langword="null"/> for Keras' "auto".</param>
    /// <returns>The logs: <c>loss</c>, each <c>{output}_loss</c>, then each output's metrics.</returns>
    protected EvaluationResult EvaluateMany(Tensor[] x, TensorSpec[] specs, Tensor[] y, OutputSpec[] outputs, MultiStep testStep, int batchSize, int? verbose)
    {
        ArgumentNullException.ThrowIfNull(testStep);
        var verbosity = Verbosity.Resolve(verbose);
        DataChecks.BatchSize(batchSize);
        var samples = MultiData.Samples(GetName(), [.. x, .. y], [.. specs, .. Targets(outputs)], nameof(Evaluate), Names(specs, outputs));
        CheckTargets(y, outputs);
        using var scope = NewDisposeScope();
        using var batches = new MultiBatches(x, y, samples, batchSize, shuffle: false);
        var callbackList = new CallbackList(null, this, CallbackList.RunParams(verbosity, 1, batches.Steps), addHistory: false, addProgbar: verbosity != 0);
        eval();
        return new EvaluationResult(TestMany(batches, new MultiOutputMetrics(outputs), testStep, callbackList).ResultOrder());
    }

    private static MultiOutputMetrics TestMany(MultiBatches batches, MultiOutputMetrics metrics, MultiStep testStep, CallbackList callbacks)
    {
        callbacks.OnTestBegin();
        metrics.Reset();
        for (var step = 0; step < batches.Steps; step++)
        {
            callbacks.OnTestBatchBegin(step);
            using (NewDisposeScope())
            using (no_grad())
            {
                var (x, y) = batches.Get(step);
                metrics.Update(testStep(x, y), y, x[0].shape[0]);
            }

            callbacks.OnTestBatchEnd(step, metrics.Logs());
        }

        callbacks.OnTestEnd(metrics.Logs());
        return metrics;
    }

    // Each target in the form its output's loss reads, with the Sequential label checks (integer
    // classes in range for a sparse loss, the output's shape otherwise).
    private void CheckTargets(Tensor[] y, OutputSpec[] outputs)
    {
        for (var i = 0; i < outputs.Length; i++)
        {
            var output = outputs[i];
            var info = new ModelInfo(GetName(), output.Shape, output.Shape,
                new CompileInfo(Optimizer.Adam, output.Loss, output.Metrics, false, 0), "");
            LabelChecks.Check(info, info.Compile!, y[i], output.Name + " target");
        }
    }

    private static string[] Names(TensorSpec[] specs, OutputSpec[] outputs) =>
        [.. Array.ConvertAll(specs, s => s.Name), .. Array.ConvertAll(outputs, o => o.Name + " target")];

    private static Tensor[] Narrow(Tensor[] tensors, long from, long to) => Array.ConvertAll(tensors, t => t.narrow(0, from, to - from));

    // Targets are checked for length only: their form depends on each output's loss.
    private static TensorSpec?[] Targets(OutputSpec[] outputs) => Array.ConvertAll(outputs, _ => (TensorSpec?)null);
}
