using System.Collections.Generic;
using StaticKeras.Callbacks;
using StaticKeras.Training;
using static TorchSharp.torch;

namespace StaticKeras;

public abstract partial class Model
{
    /// <summary>
    /// Runs the forward pass in inference mode batch by batch and concatenates the outputs, as
    /// Keras' <c>model.predict</c>.
    /// </summary>
    /// <param name="x">Inputs of the declared input shape, float32.</param>
    /// <param name="batchSize">Samples per batch.</param>
    /// <param name="verbose">0 silent (the default), 1 progress bar, 2 one line.</param>
    /// <param name="callbacks">Callbacks; their predict hooks are called.</param>
    /// <returns>
    /// The outputs for every sample, <c>(samples, ...output shape)</c>: a new tensor owned by the
    /// caller's dispose scope, if any.
    /// </returns>
    /// <exception cref="System.ArgumentException">Inputs of the wrong shape or dtype, empty, or an invalid argument.</exception>
    public Tensor Predict(Tensor x, int batchSize = 32, int verbose = 0, IEnumerable<Callback>? callbacks = null)
    {
        var verbosity = Verbosity.Resolve(verbose);
        DataChecks.BatchSize(batchSize);
        DataChecks.Inputs(Info, x, "x", nameof(Predict));

        using var scope = NewDisposeScope();
        using var batches = new Batches(x, null, batchSize, shuffle: false);
        return Infer(batches, verbosity, callbacks);
    }

    // Predict on any source of batches: tensors in memory or a streaming dataset.
    private Tensor Infer(IBatchSource batches, int verbosity, IEnumerable<Callback>? callbacks)
    {
        var callbackList = new CallbackList(callbacks, this, CallbackList.RunParams(verbosity, 1, batches.Steps),
            addHistory: false, addProgbar: verbosity != 0);
        eval();
        var outputs = new List<Tensor>(batches.Steps ?? 16);
        callbackList.OnPredictBegin();
        BatchLoop.Run(batches, Device, callbackList.OnPredictBatchBegin,
            (x, _, _) =>
            {
                using (no_grad())
                {
                    outputs.Add(Call(x, training: false).MoveToOuterDisposeScope());
                }
            },
            callbackList.OnPredictBatchEnd);

        callbackList.OnPredictEnd();
        // Always a new tensor, so the result never aliases the caller's inputs (TorchSharp's cat
        // returns a single tensor as it is).
        var result = outputs.Count == 1 ? outputs[0].clone() : cat(outputs, 0);
        return result.MoveToOuterDisposeScope();
    }
}
