using System;
using System.Collections.Generic;
using System.Linq;
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
    /// do not change them (accuracy counts every sample once). The generated training step receives each
    /// batch's weights and hands them to its loss; without weights it runs exactly as before.
    /// </para>
    /// <para>
    /// The epoch's <c>loss</c> is the mean of its batch losses weighted by batch size; <c>val_*</c>
    /// values are computed after the epoch. A callback setting <see cref="StopTraining"/> ends
    /// training at the end of the current epoch (from a batch hook, the rest of the epoch's batches are
    /// skipped, as in Keras). Every step runs in its own dispose scope: memory does not grow with the
    /// number of steps. This is the one-tensor form of the model's training loop: a model with several
    /// inputs or outputs is trained through its generated <c>Fit(Inputs, Targets, ...)</c>, over the same loop.
    /// </para>
    /// </remarks>
    /// <exception cref="InvalidOperationException">The model has no <c>[Compile]</c> attribute.</exception>
    /// <exception cref="ArgumentException">Data of the wrong shape, dtype, length or label range, or an invalid argument.</exception>
    /// <exception cref="NotSupportedException">The model takes several inputs or returns several outputs: use its typed <c>Fit</c>.</exception>
    public History Fit(Tensor x, Tensor y, int epochs = 1, int batchSize = 32, int? verbose = null,
        IEnumerable<Callback>? callbacks = null, double validationSplit = 0, (Tensor X, Tensor Y)? validationData = null,
        bool shuffle = true, int initialEpoch = 0, IReadOnlyDictionary<int, double>? classWeight = null,
        Tensor? sampleWeight = null, ValidationFrequency validationFreq = default)
    {
        RequireOneTensor(nameof(Fit));
        var validation = validationData is { } v ? new FitValidation([v.X], [v.Y], DataNames.OneTensorValidation) : null;
        return Train([x], [y], DataNames.OneTensor, epochs, batchSize, verbose, callbacks, validationSplit, validation, shuffle,
            initialEpoch, classWeight, sampleWeight is null ? null : [sampleWeight], validationFreq);
    }

    /// <summary>
    /// Keras' <c>model.fit</c> over one tensor per input and per output, as the generated typed
    /// <c>Fit(Inputs, Targets, ...)</c> of a model with several inputs or outputs calls it. Every
    /// input, target and weight is split, shuffled and batched at the same rows. The logs are
    /// <c>loss</c> (the weighted sum), then with losses per output <c>{output}_loss</c> and
    /// <c>{output}_{metric}</c>, and their <c>val_</c> versions.
    /// </summary>
    /// <param name="x">Each input, in the order of <see cref="ModelInfo.Inputs"/>.</param>
    /// <param name="y">Each output's targets, in the order of <see cref="ModelInfo.Outputs"/>.</param>
    /// <param name="epochs">The epoch to stop before (Keras: the total, counting <paramref name="initialEpoch"/>).</param>
    /// <param name="batchSize">Samples per gradient update.</param>
    /// <param name="verbose">0 silent, 1 progress bar, 2 one line per epoch; <see langword="null"/> for Keras' "auto".</param>
    /// <param name="callbacks">Callbacks; a <see cref="History"/> and a <see cref="ProgbarLogger"/> are added unless given.</param>
    /// <param name="validationSplit">The fraction of the samples, taken from the end before shuffling, to validate on.</param>
    /// <param name="validationData">Inputs and targets to validate on instead, in the same orders.</param>
    /// <param name="shuffle">Whether to shuffle the training samples before each epoch.</param>
    /// <param name="initialEpoch">The epoch to start at.</param>
    /// <param name="classWeight">A weight per class index, for a model with one output.</param>
    /// <param name="sampleWeight">Per output, one weight per sample (or <see langword="null"/>); <see langword="null"/> for none.</param>
    /// <param name="validationFreq">When to validate.</param>
    /// <returns>The <see cref="History"/> of the epoch logs.</returns>
    /// <exception cref="InvalidOperationException">The model has no training configuration.</exception>
    /// <exception cref="ArgumentException">A tensor of the wrong shape, dtype or length (the message names its input or output), or an invalid argument.</exception>
    protected History Fit(Tensor[] x, Tensor[] y, int epochs, int batchSize, int? verbose, IEnumerable<Callback>? callbacks,
        double validationSplit, (Tensor[] X, Tensor[] Y)? validationData, bool shuffle, int initialEpoch,
        IReadOnlyDictionary<int, double>? classWeight, Tensor?[]? sampleWeight, ValidationFrequency validationFreq)
    {
        var validation = validationData is { } v ? new FitValidation(v.X, v.Y, DataNames.Typed(Info, "validation ")) : null;
        return Train(x, y, DataNames.Typed(Info), epochs, batchSize, verbose, callbacks, validationSplit, validation, shuffle,
            initialEpoch, classWeight, sampleWeight, validationFreq);
    }

    private History Train(Tensor[] x, Tensor[] y, DataNames names, int epochs, int batchSize, int? verbose, IEnumerable<Callback>? callbacks,
        double validationSplit, FitValidation? validationData, bool shuffle, int initialEpoch,
        IReadOnlyDictionary<int, double>? classWeight, Tensor?[]? sampleWeight, ValidationFrequency validationFreq)
    {
        var compile = RequireCompile(nameof(Fit));
        var verbosity = Verbosity.Resolve(verbose);
        DataChecks.BatchSize(batchSize);
        if (epochs < 0 || initialEpoch < 0 || initialEpoch > epochs)
        {
            throw new ArgumentOutOfRangeException(nameof(initialEpoch), initialEpoch,
                $"Fit needs 0 <= initialEpoch <= epochs; got initialEpoch {initialEpoch} and epochs {epochs}.");
        }

        var samples = DataChecks.Arrays(Info, compile, x, y, names, nameof(Fit));
        DataChecks.ValidationSplit(validationSplit);
        var splitAt = validationSplit == 0 || validationData is not null ? samples : DataChecks.SplitPoint(samples, validationSplit);
        if (validationData is { } data)
        {
            DataChecks.Arrays(Info, compile, data.X, data.Y, data.Names, nameof(Fit));
        }

        CheckFinite(nameof(Fit), x, y, names);
        if (validationData is { } checkedData)
        {
            CheckFinite(nameof(Fit), checkedData.X, checkedData.Y, checkedData.Names);
        }

        using var fitScope = NewDisposeScope();   // the split views, weights and epoch orders die with Fit
        var weights = SampleWeights.Resolve(Info, compile, y, samples, sampleWeight, classWeight, names);
        var validation = validationData is { } given
            ? new Batches(given.X, given.Y, given.Weights, batchSize, shuffle: false)
            : splitAt < samples
                ? new Batches(Batches.Narrow(x, splitAt, samples - splitAt), Batches.Narrow(y, splitAt, samples - splitAt),
                    sampleWeight is null ? null : Batches.Narrow(weights!, splitAt, samples - splitAt), batchSize, shuffle: false)
                : null;
        using var batches = new Batches(Batches.Narrow(x, 0, splitAt), Batches.Narrow(y, 0, splitAt),
            weights is null ? null : Batches.Narrow(weights, 0, splitAt), batchSize, shuffle);
        return Train(batches, validation, compile, verbosity, epochs, initialEpoch, callbacks, validationFreq);
    }

    // The epochs of Fit, whatever the batches come from: tensors in memory cut by Batches, or a
    // streaming dataset (DatasetBatches). The one training loop.
    private History Train(IBatchSource batches, IBatchSource? validation, CompileInfo compile, int verbosity, int epochs, int initialEpoch,
        IEnumerable<Callback>? callbacks, ValidationFrequency validationFreq)
    {
        _ = CompiledOptimizer;   // created before any step scope, as its state outlives every step
        var parameters = CallbackList.RunParams(verbosity, epochs, batches.Steps, batches.Samples);
        var callbackList = new CallbackList(callbacks, this, parameters, addHistory: true, addProgbar: verbosity != 0);
        var metrics = new CompiledMetrics(Info, compile);

        StopTraining = false;
        callbackList.OnTrainBegin();
        RestoreRandomState(initialEpoch);
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

        // Keras: the optimizer's moving average (use_ema) becomes the weights when training ends.
        if (epochs > initialEpoch)
        {
            CompiledOptimizer.FinalizeVariableValues();
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
        var samples = RunSteps(batches.Epoch(), training: true, metrics, callbacks);
        parameters["samples"] = checked((int)samples);   // known once read (a dataset of unknown length): the progress bar's samples/s

        var logs = metrics.Logs();
        eval();
        if (validation is { } v)
        {
            foreach (var (key, value) in Test(v.Epoch(), new CompiledMetrics(Info, compile), callbacks).Logs())
            {
                logs["val_" + key] = value;
            }
        }

        LogScheduledLearningRate(logs);
        RememberRandomState(epoch + 1);
        callbacks.OnEpochEnd(epoch, logs);
        return logs;
    }

    // Keras' step loop, for training and for testing: the batch is fetched (and moved to the model's
    // device), then the begin hook and the step run, all inside the step's dispose scope, which
    // frees the batch; the end hook gets the logs so far (testing reads them only when a callback
    // listens). Testing runs in inference mode, entered once for the loop (no autograd graph, no
    // version counters). A callback's StopTraining ends a training epoch after its step. Returns the
    // samples seen.
    private long RunSteps(IEnumerable<Batch> epoch, bool training, CompiledMetrics metrics, CallbackList callbacks)
    {
        var samples = 0L;
        var device = Device;
        using System.IDisposable? inference = training ? null : inference_mode();
        // Testing: weights copied into a faster layout once for the loop (Inference/InferenceWeights.cs),
        // unless user callbacks, which might change the weights, run between steps.
        using var weights = training || !callbacks.OnlyBuiltIn ? null : Inference.InferenceWeights.Enter();
        using var batches = epoch.GetEnumerator();
        for (var step = 0; !(training && StopTraining); step++)
        {
            using (NewDisposeScope())
            {
                if (!batches.MoveNext())
                {
                    break;
                }

                var batch = BatchDevice.To(batches.Current, device);
                samples += batch.Size;
                if (training)
                {
                    callbacks.OnTrainBatchBegin(step);
                    metrics.Update(TrainStep(batch.X, batch.Y, batch.SampleWeight), batch);
                }
                else
                {
                    if (callbacks.Any)
                    {
                        callbacks.OnTestBatchBegin(step);
                    }

                    metrics.Update(TestStep(batch.X, batch.Y, batch.SampleWeight), batch);
                }
            }

            if (training)
            {
                var logs = metrics.Logs();
                LogScheduledLearningRate(logs);
                callbacks.OnTrainBatchEnd(step, logs);
            }
            else if (callbacks.Any)
            {
                callbacks.OnTestBatchEnd(step, metrics.Logs());
            }
        }

        return samples;
    }

    // A learning-rate schedule's value for the next step, logged as Keras' TensorBoard and
    // LearningRateScheduler log it (learning_rate, read as float32), so History and the progress bar show it.
    private void LogScheduledLearningRate(IDictionary<string, double> logs)
    {
        if (CompiledOptimizer.Schedule is not null)
        {
            logs["learning_rate"] = Callbacks.OptimizerAccess.ReadLearningRate(CompiledOptimizer);
        }
    }

    // The one-tensor API on a model with several inputs or outputs names the typed member instead.
    private void RequireOneTensor(string operation)
    {
        var info = Info;
        if (info.Inputs.Length == 1 && info.Outputs.Length == 1)
        {
            return;
        }

        var inputs = string.Join(", ", info.Inputs.Select(i => i.Name));
        var outputs = string.Join(", ", info.Outputs.Select(o => o.Name));
        var shape = $"{info.Name} takes {info.Inputs.Length} input{(info.Inputs.Length == 1 ? "" : "s")} ({inputs}) and returns " +
            $"{info.Outputs.Length} output{(info.Outputs.Length == 1 ? "" : "s")} ({outputs})";
        throw new NotSupportedException(info.Compile is null
            ? $"{shape}: to train it, give [Compile(optimizer)] and one [Output(name, loss)] per output, then call {operation}({info.Name}.Inputs, {info.Name}.Targets)."
            : $"{shape}: call {operation}({info.Name}.Inputs, {info.Name}.Targets).");
    }

    private sealed record FitValidation(Tensor[] X, Tensor[] Y, DataNames Names, Tensor?[]? Weights = null);
}
