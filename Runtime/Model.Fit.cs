using System;
using System.Collections.Generic;
using StaticKeras.Callbacks;
using StaticKeras.Losses;
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
    /// <param name="initialEpoch">The epoch to start at (to resume training): epochs <paramref name="initialEpoch"/>
    /// to <paramref name="epochs"/> - 1 run, printed as <c>Epoch initialEpoch+1/epochs</c> onwards.</param>
    /// <param name="classWeight">Keras' <c>class_weight</c>: a weight per class index for the training loss; each
    /// training sample weighs its class's weight (1 for classes left out). Not with <paramref name="sampleWeight"/>.</param>
    /// <param name="sampleWeight">Keras' <c>sample_weight</c>: one finite weight &gt;= 0 per sample of
    /// <paramref name="x"/>, shape <c>(samples,)</c>. With <paramref name="validationSplit"/>, the last fraction
    /// weights the validation loss, as in Keras.</param>
    /// <param name="validationFreq">Keras' <c>validation_freq</c>: validate every N epochs (one-based: 2 validates
    /// after epochs 2, 4, ...), or after the epochs of an <c>int[]</c>; other epochs have no <c>val_*</c> logs.</param>
    /// <returns>The <see cref="History"/> of the epoch logs: <c>loss</c>, metrics, <c>val_*</c>.</returns>
    /// <remarks>
    /// <para>
    /// Weighted losses follow Keras: each sample's loss is multiplied by its weight and the batch loss is
    /// <c>sum(weight * loss) / batchSize</c> (<c>sum_over_batch_size</c>, not divided by the sum of the
    /// weights). The compiled metrics are Keras' <c>metrics</c>, not <c>weighted_metrics</c>, so weights
    /// do not change them (accuracy counts every sample once). Generated training steps stay unchanged:
    /// Fit hands the batch's weights to the losses they call for the duration of each step only (see
    /// <see cref="Losses.LossFunctions"/>); without weights the step runs exactly as before.
    /// </para>
    /// <para>
    /// The epoch's <c>loss</c> is the mean of its batch losses weighted by batch size; <c>val_*</c>
    /// values are computed after the epoch. A callback setting <see cref="StopTraining"/> ends
    /// training at the end of the current epoch (from a batch hook, the rest of the epoch's batches are
    /// skipped, as in Keras). Every step runs in its own dispose scope: memory does not grow with the
    /// number of steps.
    /// </para>
    /// </remarks>
    /// <exception cref="InvalidOperationException">The model has no <c>[Compile]</c> attribute.</exception>
    /// <exception cref="ArgumentException">Data of the wrong shape, dtype, length or label range, or an invalid argument.</exception>
    public History Fit(Tensor x, Tensor y, int epochs = 1, int batchSize = 32, int? verbose = null,
        IEnumerable<Callback>? callbacks = null, double validationSplit = 0, (Tensor X, Tensor Y)? validationData = null,
        bool shuffle = true, int initialEpoch = 0, IReadOnlyDictionary<int, double>? classWeight = null,
        Tensor? sampleWeight = null, ValidationFrequency validationFreq = default)
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

        using var fitScope = NewDisposeScope();   // the split views, weights and epoch orders die with Fit
        var weights = SampleWeights.Resolve(Info, compile, y, samples, sampleWeight, classWeight);
        using var validation = validationData is { } given ? new Batches(given.X, given.Y, batchSize, shuffle: false)
            : splitAt < samples ? new Batches(x.narrow(0, splitAt, samples - splitAt), y.narrow(0, splitAt, samples - splitAt), batchSize,
                shuffle: false, sampleWeight is null ? null : weights!.narrow(0, splitAt, samples - splitAt))
            : null;
        using var batches = new Batches(x.narrow(0, 0, splitAt), y.narrow(0, 0, splitAt), batchSize, shuffle, weights?.narrow(0, 0, splitAt));
        return Train(batches, validation, (int)splitAt, epochs, initialEpoch, verbosity, callbacks, validationFreq);
    }

    // The epochs of Fit, whatever the batches come from: tensors in memory or a streaming dataset.
    private History Train(IBatchSource batches, IBatchSource? validation, int? samples, int epochs, int initialEpoch,
        int verbosity, IEnumerable<Callback>? callbacks, ValidationFrequency validationFreq)
    {
        var compile = RequireCompile(nameof(Fit));
        _ = CompiledOptimizer;   // created before any step scope, as its state outlives every step
        var parameters = CallbackList.RunParams(verbosity, epochs, batches.Steps, samples);
        var callbackList = new CallbackList(callbacks, this, parameters, addHistory: true, addProgbar: verbosity != 0);
        var metrics = new CompiledMetrics(compile);

        StopTraining = false;
        callbackList.OnTrainBegin();
        IDictionary<string, double> trainingLogs = new OrderedDictionary<string, double>();
        try
        {
            for (var epoch = initialEpoch; epoch < epochs; epoch++)
            {
                var validateNow = validation is not null && validationFreq.ShouldValidate(epoch) ? validation : null;
                trainingLogs = RunEpoch(epoch, batches, metrics, validateNow, compile, callbackList, parameters);
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
    private OrderedDictionary<string, double> RunEpoch(int epoch, IBatchSource batches, CompiledMetrics metrics,
        IBatchSource? validation, CompileInfo compile, CallbackList callbacks, Dictionary<string, object> parameters)
    {
        metrics.Reset();
        callbacks.OnEpochBegin(epoch);
        train();
        var (_, samples) = BatchLoop.Run(batches, Device, callbacks.OnTrainBatchBegin,
            (x, y, weights) =>
            {
                using (StepSampleWeights.Use(weights))
                {
                    metrics.Update(TrainStep(x, y!), y!);
                }
            },
            step => callbacks.OnTrainBatchEnd(step, metrics.Logs()),
            () => StopTraining);
        parameters["samples"] = checked((int)samples);   // known once read, for a dataset of unknown length

        var logs = metrics.Logs();
        eval();
        if (validation is { } v)
        {
            foreach (var (key, value) in RunValidation(v, new CompiledMetrics(compile), callbacks))
            {
                logs["val_" + key] = value;
            }
        }

        callbacks.OnEpochEnd(epoch, logs);
        return logs;
    }

    // Keras' evaluation loop as fit runs it for validation (test hooks, no gradients, a dispose scope
    // per step), with the validation part of sampleWeight applied to the loss.
    private OrderedDictionary<string, double> RunValidation(IBatchSource batches, CompiledMetrics metrics, CallbackList callbacks)
    {
        callbacks.OnTestBegin();
        metrics.Reset();
        BatchLoop.Run(batches, Device, callbacks.OnTestBatchBegin,
            (x, y, weights) =>
            {
                using (no_grad())
                using (StepSampleWeights.Use(weights))
                {
                    metrics.Update(TestStep(x, y!), y!);
                }
            },
            step => callbacks.OnTestBatchEnd(step, metrics.Logs()));

        var logs = metrics.Logs();
        callbacks.OnTestEnd(logs);
        return logs;
    }
}
