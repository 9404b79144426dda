using System;
using System.Collections.Generic;
using StaticKeras.Callbacks;
using StaticKeras.Data;
using StaticKeras.Training;
using static TorchSharp.torch;

namespace StaticKeras;

// Fit, Evaluate and Predict on streaming datasets: the same loops as for tensors, fed batch by batch.
public abstract partial class Model
{
    /// <summary>
    /// Trains the model on a dataset of batches, as Keras' <c>model.fit(dataset)</c>: each epoch is
    /// one pass over <paramref name="data"/> (shuffle it with <see cref="Dataset{T}.Shuffle"/>; Fit
    /// does not), each batch checked like tensors given to <see cref="Fit(Tensor, Tensor, int, int, int?, IEnumerable{Callback}?, double, ValueTuple{Tensor, Tensor}?, bool, int, IReadOnlyDictionary{int, double}?, Tensor?, ValidationFrequency)"/>.
    /// </summary>
    /// <param name="data">Batches of inputs and labels, such as an <see cref="IdxDataset"/> batched into tensors
    /// with <see cref="ImageBatch.ToTensors"/>; each step disposes its batch, so every pass must make new tensors.</param>
    /// <param name="epochs">The epoch to stop before (Keras: the total, counting <paramref name="initialEpoch"/>).</param>
    /// <param name="verbose">0 silent, 1 progress bar, 2 one line per epoch; <see langword="null"/> for Keras' "auto".
    /// The bar's length is <see cref="Dataset{T}.Count"/>, or found in the first epoch when unknown.</param>
    /// <param name="callbacks">Callbacks; a <see cref="History"/> and a <see cref="ProgbarLogger"/> are added unless given.</param>
    /// <param name="validationData">A dataset of batches to validate on after each epoch.</param>
    /// <param name="initialEpoch">The epoch to start at (to resume training).</param>
    /// <param name="validationFreq">Validate every N epochs or after the listed ones.</param>
    /// <returns>The <see cref="History"/> of the epoch logs.</returns>
    /// <exception cref="InvalidOperationException">The model has no <c>[Compile]</c> attribute, or a batch holds a disposed tensor.</exception>
    /// <exception cref="ArgumentException">A batch of the wrong shape, dtype, length or label range (named by its number), or an invalid argument.</exception>
    public History Fit(Dataset<(Tensor X, Tensor Y)> data, int epochs = 1, int? verbose = null, IEnumerable<Callback>? callbacks = null,
        Dataset<(Tensor X, Tensor Y)>? validationData = null, int initialEpoch = 0, ValidationFrequency validationFreq = default)
    {
        var compile = RequireCompile(nameof(Fit));
        var verbosity = Verbosity.Resolve(verbose);
        if (epochs < 0 || initialEpoch < 0 || initialEpoch > epochs)
        {
            throw new ArgumentOutOfRangeException(nameof(initialEpoch), initialEpoch,
                $"Fit needs 0 <= initialEpoch <= epochs; got initialEpoch {initialEpoch} and epochs {epochs}.");
        }

        var batches = DatasetBatches.Labeled(Info, compile, data, nameof(data), nameof(Fit));
        var validation = validationData is null ? null : DatasetBatches.Labeled(Info, compile, validationData, nameof(validationData), nameof(Fit));
        using var fitScope = NewDisposeScope();
        return Train(batches, validation, null, epochs, initialEpoch, verbosity, callbacks, validationFreq);
    }

    /// <summary>Computes the loss and metrics on a dataset of batches in inference mode, as Keras' <c>model.evaluate(dataset)</c>.</summary>
    /// <param name="data">Batches of inputs and labels; each step disposes its batch.</param>
    /// <param name="verbose">0 silent, 1 progress bar, 2 one line; <see langword="null"/> for Keras' "auto".</param>
    /// <param name="callbacks">Callbacks; their test hooks are called.</param>
    /// <returns>The logs, loss first.</returns>
    /// <exception cref="InvalidOperationException">The model has no <c>[Compile]</c> attribute.</exception>
    /// <exception cref="ArgumentException">A batch of the wrong shape, dtype, length or label range, named by its number.</exception>
    public EvaluationResult Evaluate(Dataset<(Tensor X, Tensor Y)> data, int? verbose = null, IEnumerable<Callback>? callbacks = null)
    {
        var compile = RequireCompile(nameof(Evaluate));
        var verbosity = Verbosity.Resolve(verbose);
        var batches = DatasetBatches.Labeled(Info, compile, data, nameof(data), nameof(Evaluate));
        using var scope = NewDisposeScope();
        return Test(batches, compile, verbosity, callbacks);
    }

    /// <summary>Runs the forward pass on a dataset of input batches and concatenates the outputs, as Keras' <c>model.predict(dataset)</c>.</summary>
    /// <param name="data">Batches of inputs; each step disposes its batch.</param>
    /// <param name="verbose">0 silent (the default), 1 progress bar, 2 one line.</param>
    /// <param name="callbacks">Callbacks; their predict hooks are called.</param>
    /// <returns>The outputs for every sample, owned by the caller's dispose scope, if any.</returns>
    /// <exception cref="ArgumentException">A batch of the wrong shape or dtype, named by its number.</exception>
    public Tensor Predict(Dataset<Tensor> data, int verbose = 0, IEnumerable<Callback>? callbacks = null)
    {
        var verbosity = Verbosity.Resolve(verbose);
        var batches = DatasetBatches.Inputs(Info, data, nameof(data), nameof(Predict));
        var hooks = new CallbackList(callbacks, this, CallbackList.RunParams(verbosity, 1, batches.Steps), addHistory: false, addProgbar: verbosity != 0);
        eval();
        using var scope = NewDisposeScope();
        // The length is unknown until read: each batch's outputs are kept (out of inference mode,
        // as Predict(Tensor) copies a single batch's) and joined at the end.
        var outputs = new List<Tensor>();
        hooks.OnPredictBegin();
        BatchLoop.Run(batches, Device, hooks.OnPredictBatchBegin,
            (x, _, _) =>
            {
                using var inference = inference_mode();
                outputs.Add(Inference.PredictionBuffers.Copy(CallInference([x]))[0]);   // into this call's scope
            },
            hooks.OnPredictBatchEnd);
        hooks.OnPredictEnd();
        var result = outputs.Count == 1 ? outputs[0] : cat(outputs, 0);
        return result.MoveToOuterDisposeScope();
    }
}
