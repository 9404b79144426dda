using System;
using System.Collections.Generic;
using StaticKeras.Callbacks;
using StaticKeras.Training;
using static TorchSharp.torch;

namespace StaticKeras;

public abstract partial class Model
{
    /// <summary>
    /// Computes the loss and metrics on data in inference mode, batch by batch, as Keras'
    /// <c>model.evaluate</c>.
    /// </summary>
    /// <param name="x">Inputs of the declared input shape, float32.</param>
    /// <param name="y">Labels with as many samples as <paramref name="x"/>.</param>
    /// <param name="batchSize">Samples per batch.</param>
    /// <param name="verbose">0 silent, 1 progress bar, 2 one line; <see langword="null"/>: 1 on a terminal, 2 when redirected.</param>
    /// <param name="callbacks">Callbacks; their test hooks are called.</param>
    /// <param name="sampleWeight">Keras' <c>sample_weight</c>: one finite weight &gt;= 0 per sample, shape
    /// <c>(samples,)</c>, applied to the loss as in <c>Fit</c> (the metrics count every sample once).</param>
    /// <returns>The logs, loss first: <c>var (loss, accuracy) = model.Evaluate(x, y);</c>.</returns>
    /// <exception cref="InvalidOperationException">The model has no <c>[Compile]</c> attribute.</exception>
    /// <exception cref="ArgumentException">Data of the wrong shape, dtype, length or label range, or an invalid argument.</exception>
    /// <exception cref="NotSupportedException">The model takes several inputs or returns several outputs: use its typed <c>Evaluate</c>.</exception>
    public EvaluationResult Evaluate(Tensor x, Tensor y, int batchSize = 32, int? verbose = null, IEnumerable<Callback>? callbacks = null,
        Tensor? sampleWeight = null)
    {
        RequireOneTensor(nameof(Evaluate));
        return Evaluate([x], [y], DataNames.OneTensor, batchSize, verbose, callbacks, sampleWeight is null ? null : [sampleWeight]);
    }

    /// <summary>
    /// Keras' <c>model.evaluate</c> over one tensor per input and per output, as the generated typed
    /// <c>Evaluate(Inputs, Targets, ...)</c> of a model with several inputs or outputs calls it.
    /// </summary>
    /// <param name="x">Each input, in the order of <see cref="ModelInfo.Inputs"/>.</param>
    /// <param name="y">Each output's targets, in the order of <see cref="ModelInfo.Outputs"/>.</param>
    /// <param name="batchSize">Samples per batch.</param>
    /// <param name="verbose">0 silent, 1 progress bar, 2 one line; <see langword="null"/> for Keras' "auto".</param>
    /// <param name="callbacks">Callbacks; their test hooks are called.</param>
    /// <param name="sampleWeight">Per output, one weight per sample (or <see langword="null"/>); <see langword="null"/> for none.</param>
    /// <returns>The logs in Keras' order: <c>loss</c>, each <c>{output}_loss</c> (losses per output), then the metrics.</returns>
    /// <exception cref="InvalidOperationException">The model has no training configuration.</exception>
    /// <exception cref="ArgumentException">A tensor of the wrong shape, dtype or length (the message names its input or output), or an invalid argument.</exception>
    protected EvaluationResult Evaluate(Tensor[] x, Tensor[] y, int batchSize, int? verbose, IEnumerable<Callback>? callbacks, Tensor?[]? sampleWeight) =>
        Evaluate(x, y, DataNames.Typed(Info), batchSize, verbose, callbacks, sampleWeight);

    private EvaluationResult Evaluate(Tensor[] x, Tensor[] y, DataNames names, int batchSize, int? verbose, IEnumerable<Callback>? callbacks,
        Tensor?[]? sampleWeight)
    {
        var compile = RequireCompile(nameof(Evaluate));
        var verbosity = Verbosity.Resolve(verbose);
        DataChecks.BatchSize(batchSize);
        var samples = DataChecks.Arrays(Info, compile, x, y, names, nameof(Evaluate));
        CheckFinite(nameof(Evaluate), x, y, names);

        using var scope = NewDisposeScope();
        var weights = SampleWeights.Resolve(Info, compile, y, samples, sampleWeight, classWeight: null, names);
        using var batches = new Batches(x, y, weights, batchSize, shuffle: false);
        var callbackList = new CallbackList(callbacks, this, CallbackList.RunParams(verbosity, 1, batches.Steps),
            addHistory: false, addProgbar: verbosity != 0);
        eval();
        return new EvaluationResult(Test(batches.Epoch(), new CompiledMetrics(Info, compile), callbackList).ResultOrder());
    }

    // Keras' evaluation loop, shared by Evaluate and Fit's validation: test hooks, no gradients,
    // one dispose scope per step.
    private CompiledMetrics Test(IEnumerable<Batch> epoch, CompiledMetrics metrics, CallbackList callbacks)
    {
        callbacks.OnTestBegin();
        metrics.Reset();
        RunSteps(epoch, training: false, metrics, callbacks);
        callbacks.OnTestEnd(metrics.Logs());
        return metrics;
    }
}
