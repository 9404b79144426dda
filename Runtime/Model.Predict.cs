using System;
using System.Collections.Generic;
using System.Linq;
using StaticKeras.Callbacks;
using StaticKeras.Inference;
using StaticKeras.Training;
using static TorchSharp.torch;

namespace StaticKeras;

// Keras' model.predict. One loop serves every model: a single input and output is the special case
// of several (Predict(Tensor) hands its tensor to the same loop the generated Predict(Inputs) uses).
// Thread safety: docs/serving.md. A call reads the model's weights and writes only tensors it
// created, so one model serves Predict calls from many threads at once.
public abstract partial class Model
{
    // Per-model constants of a Predict call, made on the first: the one-tensor forward pass as a
    // delegate and the typed API's names for messages. Racing threads may each make one; all are equal.
    private Func<Tensor[], Tensor[]>? callInference;
    private DataNames? predictNames;

    /// <summary>
    /// Runs the forward pass in inference mode batch by batch and writes the outputs into one
    /// tensor, as Keras' <c>model.predict</c>.
    /// </summary>
    /// <param name="x">Inputs of the declared input shape, float32.</param>
    /// <param name="batchSize">Samples per batch.</param>
    /// <param name="verbose">0 silent (the default), 1 progress bar, 2 one line.</param>
    /// <param name="callbacks">Callbacks; their predict hooks are called.</param>
    /// <returns>
    /// The outputs for every sample, <c>(samples, ...output shape)</c>: a new tensor owned by the
    /// caller's dispose scope, if any.
    /// </returns>
    /// <remarks>
    /// Safe to call from many threads at once on one model, as long as nothing trains or changes
    /// its weights meanwhile (docs/serving.md).
    /// </remarks>
    /// <exception cref="ArgumentException">Inputs of the wrong shape or dtype, empty, or an invalid argument.</exception>
    public Tensor Predict(Tensor x, int batchSize = 32, int verbose = 0, IEnumerable<Callback>? callbacks = null)
    {
        var verbosity = Verbosity.Resolve(verbose);
        DataChecks.BatchSize(batchSize);
        Tensor[] inputs = [x];
        var samples = DataChecks.Inputs(GetName(), Info.Inputs, inputs, DataNames.OneTensor, nameof(Predict));
        CheckFinite(nameof(Predict), (x, "x"));
        return RunPredict(inputs, samples, callInference ??= CallInference, batchSize, verbosity, callbacks)[0];
    }

    /// <summary>
    /// Keras' <c>model.predict</c> for a model with several inputs or outputs: runs
    /// <paramref name="call"/> in inference mode on batches of <paramref name="inputs"/> (the same
    /// rows of each) and writes each output into one tensor. The generated typed
    /// <c>Predict(Inputs)</c> calls it.
    /// </summary>
    /// <param name="inputs">The inputs in declaration order, each batch first, all with the same number of samples.</param>
    /// <param name="specs">Their declared shapes, checked once before any batch runs.</param>
    /// <param name="call">
    /// The forward pass from one batch of each input to the outputs in declaration order. The input
    /// guards it runs (<see cref="GuardInput(Tensor)"/>) pass over the batches at once: the inputs
    /// were checked as a whole.
    /// </param>
    /// <param name="batchSize">Samples per batch.</param>
    /// <param name="verbose">0 silent (the default), 1 progress bar, 2 one line.</param>
    /// <param name="callbacks">Callbacks; their predict hooks are called.</param>
    /// <returns>Each output for every sample: new tensors owned by the caller's dispose scope, if any.</returns>
    /// <exception cref="ArgumentException">An input of the wrong shape or dtype, inputs of different lengths, or an invalid batch size.</exception>
    protected Tensor[] PredictMany(
        Tensor[] inputs, TensorSpec[] specs, Func<Tensor[], Tensor[]> call, int batchSize, int verbose = 0, IEnumerable<Callback>? callbacks = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(specs);
        ArgumentNullException.ThrowIfNull(call);
        var verbosity = Verbosity.Resolve(verbose);
        DataChecks.BatchSize(batchSize);
        var samples = DataChecks.Inputs(GetName(), specs, inputs, predictNames ??= DataNames.Typed(Info), nameof(Predict));
        CheckFinite(nameof(Predict), [.. inputs.Select((input, i) => ((Tensor?)input, $"input '{specs[i].Name}'"))]);
        return RunPredict(inputs, samples, call, batchSize, verbosity, callbacks);
    }

    // The inputs are checked: the callbacks, the model's mode, and the outputs in the caller's scope.
    private Tensor[] RunPredict(Tensor[] inputs, long samples, Func<Tensor[], Tensor[]> call, int batchSize, int verbosity, IEnumerable<Callback>? callbacks)
    {
        var steps = checked((int)((samples + batchSize - 1) / batchSize));
        return RunPredict(Slices(inputs, samples, batchSize, Device), inputs.Length, samples, steps, call, verbosity, callbacks);
    }

    // Any source of checked input batches (the rows of in-memory inputs, or a dataset's batches):
    // the callbacks, the model's mode, and the outputs in the caller's scope. samples and steps are
    // null when unknown until read.
    private Tensor[] RunPredict(IEnumerable<Tensor[]> batches, int inputCount, long? samples, int? steps, Func<Tensor[], Tensor[]> call,
        int verbosity, IEnumerable<Callback>? callbacks)
    {
        var hooks = callbacks is null && verbosity == 0
            ? null
            : new CallbackList(callbacks, this, CallbackList.RunParams(verbosity, 1, steps), addHistory: false, addProgbar: verbosity != 0);

        // The layers get training: false explicitly; eval() is for TorchSharp modules a custom layer
        // may hold, and is written only when needed, so concurrent calls leave the model untouched.
        if (training)
        {
            eval();
        }

        using var scope = NewDisposeScope();
        // Weights copied into a faster layout (a few-unit Dense kernel transposed) once for the call;
        // not when user callbacks run between batches, as they might change the weights.
        using var weights = hooks is null || hooks.OnlyBuiltIn ? InferenceWeights.Enter() : null;
        var outputs = RunBatches(batches, inputCount, samples, steps, call, hooks);
        foreach (var output in outputs)
        {
            output.MoveToOuterDisposeScope();
        }

        return outputs;
    }

    // The loop itself: one inference-mode guard for the call, one dispose scope per batch (which
    // fetches the batch too), each batch's outputs written into the result tensors allocated after
    // the first batch. With the number of samples unknown (a dataset), each batch's outputs are
    // copied out and joined at the end.
    private Tensor[] RunBatches(IEnumerable<Tensor[]> batches, int inputCount, long? samples, int? steps, Func<Tensor[], Tensor[]> call,
        CallbackList? hooks)
    {
        Tensor[]? outputs = null;
        List<Tensor[]>? parts = samples is null ? [] : null;
        var batch = new Tensor[inputCount];
        var start = 0L;
        using var trusted = CheckedBatch.Trust(this, batch);
        using var inference = inference_mode();
        using var source = batches.GetEnumerator();
        hooks?.OnPredictBegin();
        for (var step = 0; ; step++)
        {
            using (NewDisposeScope())
            {
                if (!source.MoveNext())
                {
                    break;
                }

                hooks?.OnPredictBatchBegin(step);
                Array.Copy(source.Current, batch, inputCount);
                var length = batch[0].size(0);
                var results = call(batch);
                if (parts is not null)
                {
                    parts.Add(PredictionBuffers.Copy(results));
                }
                else
                {
                    outputs ??= PredictionBuffers.Allocate(results, samples!.Value);
                    for (var i = 0; i < results.Length; i++)
                    {
                        PredictionBuffers.Write(outputs[i], start, length, results[i]);
                    }
                }

                start += length;
            }

            hooks?.OnPredictBatchEnd(step);
        }

        hooks?.OnPredictEnd();
        return parts is null ? outputs! : PredictionBuffers.Join(parts);
    }

    // The rows of each input, batchSize at a time, cut when the loop reaches them (in its step's scope)
    // and moved to the model's device (nothing to do on the CPU, or for inputs already there).
    // A call with a single batch (a single request) runs on the inputs as given: no batch views.
    private static IEnumerable<Tensor[]> Slices(Tensor[] inputs, long samples, int batchSize, Device device)
    {
        if (samples <= batchSize)
        {
            yield return BatchDevice.To(new Batch(inputs, [], []), device).X;
            yield break;
        }

        for (var start = 0L; start < samples; start += batchSize)
        {
            var length = Math.Min(batchSize, samples - start);
            var rows = new Tensor[inputs.Length];
            for (var i = 0; i < inputs.Length; i++)
            {
                rows[i] = inputs[i].narrow(0, start, length);
            }

            yield return BatchDevice.To(new Batch(rows, [], []), device).X;
        }
    }

    private Tensor[] CallInference(Tensor[] batch) => [Call(batch[0], training: false)];
}
