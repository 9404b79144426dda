using System;
using System.Collections.Generic;
using StaticKeras.Callbacks;
using StaticKeras.Training;
using static TorchSharp.torch;

namespace StaticKeras;

public abstract partial class Model
{
    /// <summary>
    /// Trains the model for a number of epochs on in-memory arrays, as Keras' <c>model.fit</c>.
    /// </summary>
    /// <param name="x">Inputs of the declared input shape, float32, batch first.</param>
    /// <param name="y">Labels with as many samples as <paramref name="x"/>, in the form the loss reads.</param>
    /// <param name="epochs">The epoch to stop before (Keras: the total, counting <paramref name="initialEpoch"/>).</param>
    /// <param name="batchSize">Samples per gradient update; the last batch of an epoch may be smaller.</param>
    /// <param name="verbose">0 silent, 1 progress bar, 2 one line per epoch; <see langword="null"/> (Keras' "auto"):
    /// 1 on a terminal, 2 when output is redirected.</param>
    /// <param name="callbacks">Callbacks; a <see cref="History"/> and a <see cref="ProgbarLogger"/> are added unless given.</param>
    /// <param name="validationSplit">The fraction of the data, taken from the end before shuffling, to validate on
    /// after each epoch instead of training on. Ignored when <paramref name="validationData"/> is given.</param>
    /// <param name="validationData">Data to validate on after each epoch.</param>
    /// <param name="shuffle">Whether to shuffle the training samples before each epoch.</param>
    /// <param name="initialEpoch">The epoch to start at (to resume training).</param>
    /// <returns>The <see cref="History"/> of the epoch logs: <c>loss</c>, metrics, <c>val_*</c>.</returns>
    /// <remarks>
    /// The epoch's <c>loss</c> is the mean of its batch losses weighted by batch size; <c>val_*</c>
    /// values are computed after the epoch. A callback setting <see cref="StopTraining"/> ends
    /// training at the end of the current epoch (from a batch hook, the rest of the epoch's batches are
    /// skipped, as in Keras). Every step runs in its own dispose scope: memory does not grow with the
    /// number of steps.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The model has no <c>[Compile]</c> attribute.</exception>
    /// <exception cref="ArgumentException">Data of the wrong shape, dtype, length or label range, or an invalid argument.</exception>
    public History Fit(Tensor x, Tensor y, int epochs = 1, int batchSize = 32, int? verbose = null,
        IEnumerable<Callback>? callbacks = null, double validationSplit = 0, (Tensor X, Tensor Y)? validationData = null,
        bool shuffle = true, int initialEpoch = 0)
    {
        var compile = RequireCompile(nameof(Fit));
        var verbosity = Verbosity.Resolve(verbose);
        DataChecks.BatchSize(batchSize);
        if (epochs < 0 || initialEpoch < 0 || initialEpoch > epochs)
        {
            throw new ArgumentOutOfRangeException(nameof(initialEpoch), initialEpoch,
                $"Fit needs 0 <= initialEpoch <= epochs; got initialEpoch {initialEpoch} and epochs {epochs}.");
        }

        var samples = DataChecks.Pairs(Info, compile, x, y, "x", "y", nameof(Fit));
        DataChecks.ValidationSplit(validationSplit);
        var splitAt = validationSplit == 0 || validationData is not null ? samples : DataChecks.SplitPoint(samples, validationSplit);
        if (validationData is { } data)
        {
            DataChecks.Pairs(Info, compile, data.X, data.Y, "validationData.X", "validationData.Y", nameof(Fit));
        }

        using var fitScope = NewDisposeScope();   // the split views and epoch orders die with Fit
        var validation = validationData ?? (splitAt < samples
            ? (x.narrow(0, splitAt, samples - splitAt), y.narrow(0, splitAt, samples - splitAt))
            : null);
        _ = CompiledOptimizer;   // created before any step scope, as its state outlives every step
        using var batches = new Batches(x.narrow(0, 0, splitAt), y.narrow(0, 0, splitAt), batchSize, shuffle);
        var callbackList = new CallbackList(callbacks, this, CallbackList.RunParams(verbosity, epochs, batches.Steps),
            addHistory: true, addProgbar: verbosity != 0);
        var metrics = new CompiledMetrics(compile);

        StopTraining = false;
        callbackList.OnTrainBegin();
        IDictionary<string, double> trainingLogs = new OrderedDictionary<string, double>();
        try
        {
            for (var epoch = initialEpoch; epoch < epochs; epoch++)
            {
                trainingLogs = RunEpoch(epoch, batches, metrics, validation, compile, batchSize, callbackList);
                if (StopTraining)
                {
                    break;
                }
            }
        }
        finally
        {
            eval();   // also when a callback or a step throws: inference mode is the resting state
        }

        callbackList.OnTrainEnd(trainingLogs);
        return callbackList.History!;
    }

    // One epoch as Keras runs it: train batches, then validation, then the epoch-end hooks.
    private OrderedDictionary<string, double> RunEpoch(int epoch, Batches batches, CompiledMetrics metrics,
        (Tensor X, Tensor Y)? validation, CompileInfo compile, int batchSize, CallbackList callbacks)
    {
        metrics.Reset();
        callbacks.OnEpochBegin(epoch);
        train();
        batches.BeginEpoch();
        TrainEpoch(batches, metrics, callbacks);

        var logs = metrics.Logs();
        eval();
        if (validation is { } v)
        {
            using var validationBatches = new Batches(v.X, v.Y, batchSize, shuffle: false);
            foreach (var (key, value) in RunTest(validationBatches, new CompiledMetrics(compile), callbacks))
            {
                logs["val_" + key] = value;
            }
        }

        callbacks.OnEpochEnd(epoch, logs);
        return logs;
    }

    private void TrainEpoch(Batches batches, CompiledMetrics metrics, CallbackList callbacks)
    {
        for (var step = 0; step < batches.Steps; step++)
        {
            callbacks.OnTrainBatchBegin(step);
            using (NewDisposeScope())
            {
                var (x, y) = batches.Get(step);
                metrics.Update(TrainStep(x, y!), y!);
            }

            callbacks.OnTrainBatchEnd(step, metrics.Logs());
            if (StopTraining)
            {
                break;
            }
        }
    }
}
