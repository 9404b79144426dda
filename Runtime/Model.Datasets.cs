using System;
using System.Collections.Generic;
using System.Linq;
using StaticKeras.Callbacks;
using StaticKeras.Data;
using StaticKeras.Training;
using static TorchSharp.torch;

namespace StaticKeras;

// Fit, Evaluate and Predict on streaming datasets: the one training loop and the one predict loop,
// fed batch by batch through DatasetBatches (an IBatchSource beside the in-memory Batches).
public abstract partial class Model
{
    /// <summary>
    /// Trains the model on a dataset of batches, as Keras' <c>model.fit(dataset)</c>: each epoch is
    /// one pass over <paramref name="data"/> (shuffle it with <see cref="Dataset{T}.Shuffle"/>; Fit
    /// does not), each batch checked as tensors given to <c>Fit(x, y)</c> are, and named by its
    /// number when it is wrong.
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
    /// <remarks>
    /// The batches run through the same loop as in-memory tensors: one training step per batch, in
    /// its own dispose scope, on the model's <see cref="Device"/> (each batch is copied there
    /// asynchronously when it is not the CPU). A dataset of <c>(X, Y, SampleWeight)</c> batches trains with
    /// sample weights: see the other overload.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The model has no <c>[Compile]</c> attribute, or a batch holds a disposed tensor.</exception>
    /// <exception cref="ArgumentException">A batch of the wrong shape, dtype, length or label range (named by its number), or an invalid argument.</exception>
    /// <exception cref="NotSupportedException">The model takes several inputs or returns several outputs: use its typed <c>Fit</c>.</exception>
    public History Fit(Dataset<(Tensor X, Tensor Y)> data, int epochs = 1, int? verbose = null, IEnumerable<Callback>? callbacks = null,
        Dataset<(Tensor X, Tensor Y)>? validationData = null, int initialEpoch = 0, ValidationFrequency validationFreq = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        RequireOneTensor(nameof(Fit));
        return Fit(OneTensor(data), DataNames.OneTensorDataset(nameof(data)), epochs, verbose, callbacks,
            validationData is null ? null : OneTensor(validationData), DataNames.OneTensorDataset(nameof(validationData)), initialEpoch, validationFreq);
    }

    /// <summary>
    /// Trains the model on a dataset of batches with sample weights, as Keras' <c>model.fit(dataset)</c> on a
    /// dataset of <c>(x, y, sample_weight)</c>: each batch's loss weighs its samples as <c>Fit(x, y, sampleWeight: w)</c>
    /// does (<c>sum(weight * loss) / batchSize</c>; metrics unweighted), so the same batches train exactly the same.
    /// </summary>
    /// <param name="data">Batches of inputs, labels and one finite weight &gt;= 0 per sample (shape <c>(batch,)</c>, any numeric dtype);
    /// each step disposes its batch, so every pass must make new tensors.</param>
    /// <param name="epochs">The epoch to stop before (Keras: the total, counting <paramref name="initialEpoch"/>).</param>
    /// <param name="verbose">0 silent, 1 progress bar, 2 one line per epoch; <see langword="null"/> for Keras' "auto".</param>
    /// <param name="callbacks">Callbacks; a <see cref="History"/> and a <see cref="ProgbarLogger"/> are added unless given.</param>
    /// <param name="validationData">A dataset of weighted batches to validate on after each epoch (its weights weigh <c>val_loss</c>, as in Keras);
    /// to validate without weights, give weights of one.</param>
    /// <param name="initialEpoch">The epoch to start at (to resume training).</param>
    /// <param name="validationFreq">Validate every N epochs or after the listed ones.</param>
    /// <returns>The <see cref="History"/> of the epoch logs.</returns>
    /// <exception cref="InvalidOperationException">The model has no <c>[Compile]</c> attribute, or a batch holds a disposed tensor.</exception>
    /// <exception cref="ArgumentException">A batch of the wrong shape, dtype, length or label range, or weights that are not one finite
    /// number &gt;= 0 per sample (named by its batch's number), or an invalid argument.</exception>
    /// <exception cref="NotSupportedException">The model takes several inputs or returns several outputs: use its typed <c>Fit</c>.</exception>
    public History Fit(Dataset<(Tensor X, Tensor Y, Tensor SampleWeight)> data, int epochs = 1, int? verbose = null,
        IEnumerable<Callback>? callbacks = null, Dataset<(Tensor X, Tensor Y, Tensor SampleWeight)>? validationData = null, int initialEpoch = 0,
        ValidationFrequency validationFreq = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        RequireOneTensor(nameof(Fit));
        return Fit(OneTensor(data), DataNames.OneTensorDataset(nameof(data)), epochs, verbose, callbacks,
            validationData is null ? null : OneTensor(validationData), DataNames.OneTensorDataset(nameof(validationData)), initialEpoch, validationFreq);
    }

    /// <summary>
    /// Keras' <c>model.fit(dataset)</c> over batches of one tensor per input and per output, as the
    /// generated typed <c>Fit(Dataset&lt;(Inputs X, Targets Y)&gt;, ...)</c> of a model with several
    /// inputs or outputs calls it.
    /// </summary>
    /// <param name="data">Batches: each input in the order of <see cref="ModelInfo.Inputs"/>, each output's targets in the order of <see cref="ModelInfo.Outputs"/>.</param>
    /// <param name="epochs">The epoch to stop before.</param>
    /// <param name="verbose">0 silent, 1 progress bar, 2 one line per epoch; <see langword="null"/> for Keras' "auto".</param>
    /// <param name="callbacks">Callbacks; a <see cref="History"/> and a <see cref="ProgbarLogger"/> are added unless given.</param>
    /// <param name="validationData">Batches to validate on after each epoch, in the same orders.</param>
    /// <param name="initialEpoch">The epoch to start at.</param>
    /// <param name="validationFreq">When to validate.</param>
    /// <returns>The <see cref="History"/> of the epoch logs.</returns>
    /// <exception cref="InvalidOperationException">The model has no training configuration, or a batch holds a disposed tensor.</exception>
    /// <exception cref="ArgumentException">A batch's tensor of the wrong shape, dtype or length (the message names its input or output and the batch), or an invalid argument.</exception>
    protected History Fit(Dataset<(Tensor[] X, Tensor[] Y)> data, int epochs, int? verbose, IEnumerable<Callback>? callbacks,
        Dataset<(Tensor[] X, Tensor[] Y)>? validationData, int initialEpoch, ValidationFrequency validationFreq)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Fit(data, DataNames.Typed(Info), epochs, verbose, callbacks, validationData, DataNames.Typed(Info, "validation "), initialEpoch,
            validationFreq);
    }

    private History Fit(Dataset<(Tensor[] X, Tensor[] Y)> data, DataNames names, int epochs, int? verbose, IEnumerable<Callback>? callbacks,
        Dataset<(Tensor[] X, Tensor[] Y)>? validationData, DataNames validationNames, int initialEpoch, ValidationFrequency validationFreq) =>
        Fit(Unweighted(data), names, epochs, verbose, callbacks, validationData is null ? null : Unweighted(validationData), validationNames,
            initialEpoch, validationFreq);

    private History Fit(Dataset<(Tensor[] X, Tensor[] Y, Tensor?[]? W)> data, DataNames names, int epochs, int? verbose, IEnumerable<Callback>? callbacks,
        Dataset<(Tensor[] X, Tensor[] Y, Tensor?[]? W)>? validationData, DataNames validationNames, int initialEpoch, ValidationFrequency validationFreq)
    {
        var compile = RequireCompile(nameof(Fit));
        var verbosity = Verbosity.Resolve(verbose);
        if (epochs < 0 || initialEpoch < 0 || initialEpoch > epochs)
        {
            throw new ArgumentOutOfRangeException(nameof(initialEpoch), initialEpoch,
                $"Fit needs 0 <= initialEpoch <= epochs; got initialEpoch {initialEpoch} and epochs {epochs}.");
        }

        var batches = DatasetBatches.Labeled(this, Info, compile, data, data.Count, names, nameof(Fit));
        var validation = validationData is null ? null : DatasetBatches.Labeled(this, Info, compile, validationData, validationData.Count, validationNames, nameof(Fit));
        return Train(batches, validation, compile, verbosity, epochs, initialEpoch, callbacks, validationFreq);
    }

    /// <summary>Computes the loss and metrics on a dataset of batches in inference mode, as Keras' <c>model.evaluate(dataset)</c>.</summary>
    /// <param name="data">Batches of inputs and labels; each step disposes its batch.</param>
    /// <param name="verbose">0 silent, 1 progress bar, 2 one line; <see langword="null"/> for Keras' "auto".</param>
    /// <param name="callbacks">Callbacks; their test hooks are called.</param>
    /// <returns>The logs, loss first.</returns>
    /// <exception cref="InvalidOperationException">The model has no <c>[Compile]</c> attribute.</exception>
    /// <exception cref="ArgumentException">A batch of the wrong shape, dtype, length or label range, named by its number.</exception>
    /// <exception cref="NotSupportedException">The model takes several inputs or returns several outputs: use its typed <c>Evaluate</c>.</exception>
    public EvaluationResult Evaluate(Dataset<(Tensor X, Tensor Y)> data, int? verbose = null, IEnumerable<Callback>? callbacks = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        RequireOneTensor(nameof(Evaluate));
        return Evaluate(OneTensor(data), DataNames.OneTensorDataset(nameof(data)), verbose, callbacks);
    }

    /// <summary>
    /// Computes the loss and metrics on a dataset of weighted batches in inference mode, as Keras' <c>model.evaluate(dataset)</c>
    /// on <c>(x, y, sample_weight)</c>: the loss weighs each sample as <c>Evaluate(x, y, sampleWeight: w)</c> does.
    /// </summary>
    /// <param name="data">Batches of inputs, labels and one finite weight &gt;= 0 per sample; each step disposes its batch.</param>
    /// <param name="verbose">0 silent, 1 progress bar, 2 one line; <see langword="null"/> for Keras' "auto".</param>
    /// <param name="callbacks">Callbacks; their test hooks are called.</param>
    /// <returns>The logs, loss first.</returns>
    /// <exception cref="InvalidOperationException">The model has no <c>[Compile]</c> attribute.</exception>
    /// <exception cref="ArgumentException">A batch of the wrong shape, dtype, length or label range, or bad weights, named by its number.</exception>
    /// <exception cref="NotSupportedException">The model takes several inputs or returns several outputs: use its typed <c>Evaluate</c>.</exception>
    public EvaluationResult Evaluate(Dataset<(Tensor X, Tensor Y, Tensor SampleWeight)> data, int? verbose = null, IEnumerable<Callback>? callbacks = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        RequireOneTensor(nameof(Evaluate));
        return Evaluate(OneTensor(data), DataNames.OneTensorDataset(nameof(data)), verbose, callbacks);
    }

    /// <summary>
    /// Keras' <c>model.evaluate(dataset)</c> over batches of one tensor per input and per output, as the
    /// generated typed <c>Evaluate(Dataset&lt;(Inputs X, Targets Y)&gt;, ...)</c> calls it.
    /// </summary>
    /// <param name="data">Batches, in the orders of <see cref="ModelInfo.Inputs"/> and <see cref="ModelInfo.Outputs"/>.</param>
    /// <param name="verbose">0 silent, 1 progress bar, 2 one line; <see langword="null"/> for Keras' "auto".</param>
    /// <param name="callbacks">Callbacks; their test hooks are called.</param>
    /// <returns>The logs in Keras' order: <c>loss</c>, each <c>{output}_loss</c>, then the metrics.</returns>
    /// <exception cref="InvalidOperationException">The model has no training configuration.</exception>
    /// <exception cref="ArgumentException">A batch's tensor of the wrong shape, dtype or length, named with its batch.</exception>
    protected EvaluationResult Evaluate(Dataset<(Tensor[] X, Tensor[] Y)> data, int? verbose, IEnumerable<Callback>? callbacks)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Evaluate(data, DataNames.Typed(Info), verbose, callbacks);
    }

    private EvaluationResult Evaluate(Dataset<(Tensor[] X, Tensor[] Y)> data, DataNames names, int? verbose, IEnumerable<Callback>? callbacks) =>
        Evaluate(Unweighted(data), names, verbose, callbacks);

    private EvaluationResult Evaluate(Dataset<(Tensor[] X, Tensor[] Y, Tensor?[]? W)> data, DataNames names, int? verbose, IEnumerable<Callback>? callbacks)
    {
        var compile = RequireCompile(nameof(Evaluate));
        var verbosity = Verbosity.Resolve(verbose);
        var batches = DatasetBatches.Labeled(this, Info, compile, data, data.Count, names, nameof(Evaluate));
        var callbackList = new CallbackList(callbacks, this, CallbackList.RunParams(verbosity, 1, batches.Steps),
            addHistory: false, addProgbar: verbosity != 0);
        eval();
        return new EvaluationResult(Test(batches.Epoch(), new CompiledMetrics(Info, compile), callbackList).ResultOrder());
    }

    /// <summary>Runs the forward pass on a dataset of input batches and joins the outputs, as Keras' <c>model.predict(dataset)</c>.</summary>
    /// <param name="data">Batches of inputs; each step disposes its batch.</param>
    /// <param name="verbose">0 silent (the default), 1 progress bar, 2 one line.</param>
    /// <param name="callbacks">Callbacks; their predict hooks are called.</param>
    /// <returns>The outputs for every sample, on the model's device: a new tensor owned by the caller's dispose scope, if any.</returns>
    /// <exception cref="ArgumentException">A batch of the wrong shape or dtype, named by its number.</exception>
    /// <exception cref="NotSupportedException">The model takes several inputs or returns several outputs: use its typed <c>Predict</c>.</exception>
    public Tensor Predict(Dataset<Tensor> data, int verbose = 0, IEnumerable<Callback>? callbacks = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        RequireOneTensor(nameof(Predict));
        return PredictMany(data.Map(x => new[] { x }), DataNames.OneTensorDataset(nameof(data)), CallInference, verbose, callbacks)[0];
    }

    /// <summary>
    /// Keras' <c>model.predict(dataset)</c> for a model with several inputs or outputs: runs
    /// <paramref name="call"/> in inference mode on each batch (checked against the declared inputs)
    /// and joins each output. The generated typed <c>Predict(Dataset&lt;Inputs&gt;)</c> calls it.
    /// </summary>
    /// <param name="data">Batches of every input, in the order of <see cref="ModelInfo.Inputs"/>.</param>
    /// <param name="call">The forward pass from one batch of each input to the outputs in declaration order.</param>
    /// <param name="verbose">0 silent (the default), 1 progress bar, 2 one line.</param>
    /// <param name="callbacks">Callbacks; their predict hooks are called.</param>
    /// <returns>Each output for every sample: new tensors owned by the caller's dispose scope, if any.</returns>
    /// <exception cref="ArgumentException">A batch's input of the wrong shape or dtype, named with its batch.</exception>
    protected Tensor[] PredictMany(Dataset<Tensor[]> data, Func<Tensor[], Tensor[]> call, int verbose = 0, IEnumerable<Callback>? callbacks = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(call);
        return PredictMany(data, DataNames.Typed(Info), call, verbose, callbacks);
    }

    private Tensor[] PredictMany(Dataset<Tensor[]> data, DataNames names, Func<Tensor[], Tensor[]> call, int verbose, IEnumerable<Callback>? callbacks)
    {
        var verbosity = Verbosity.Resolve(verbose);
        var batches = DatasetBatches.Inputs(this, Info, data, data.Count, names, nameof(Predict));
        var device = Device;
        return RunPredict(batches.Epoch().Select(b => BatchDevice.To(b, device).X), Info.Inputs.Length, samples: null, batches.Steps, call,
            verbosity, callbacks);
    }

    private static Dataset<(Tensor[] X, Tensor[] Y)> OneTensor(Dataset<(Tensor X, Tensor Y)> data) =>
        data.Map(b => (new[] { b.X }, new[] { b.Y }));

    private static Dataset<(Tensor[] X, Tensor[] Y, Tensor?[]? W)> OneTensor(Dataset<(Tensor X, Tensor Y, Tensor SampleWeight)> data) =>
        data.Map<(Tensor[] X, Tensor[] Y, Tensor?[]? W)>(b => ([b.X], [b.Y], [b.SampleWeight]));

    private static Dataset<(Tensor[] X, Tensor[] Y, Tensor?[]? W)> Unweighted(Dataset<(Tensor[] X, Tensor[] Y)> data) =>
        data.Map(b => (b.X, b.Y, (Tensor?[]?)null));
}
