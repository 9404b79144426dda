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
    /// <returns>The logs, loss first: <c>var (loss, accuracy) = model.Evaluate(x, y);</c>.</returns>
    /// <exception cref="System.InvalidOperationException">The model has no <c>[Compile]</c> attribute.</exception>
    /// <exception cref="System.ArgumentException">Data of the wrong shape, dtype, length or label range, or an invalid argument.</exception>
    public EvaluationResult Evaluate(Tensor x, Tensor y, int batchSize = 32, int? verbose = null, IEnumerable<Callback>? callbacks = null)
    {
        var compile = RequireCompile(nameof(Evaluate));
        var verbosity = Verbosity.Resolve(verbose);
        DataChecks.BatchSize(batchSize);
        DataChecks.Pairs(Info, compile, x, y, "x", "y", nameof(Evaluate));

        using var scope = NewDisposeScope();
        using var batches = new Batches(x, y, batchSize, shuffle: false);
        return Test(batches, compile, verbosity, callbacks);
    }

    // Evaluate on any source of batches: tensors in memory or a streaming dataset.
    private EvaluationResult Test(IBatchSource batches, CompileInfo compile, int verbosity, IEnumerable<Callback>? callbacks)
    {
        var callbackList = new CallbackList(callbacks, this, CallbackList.RunParams(verbosity, 1, batches.Steps),
            addHistory: false, addProgbar: verbosity != 0);
        var metrics = new CompiledMetrics(compile);
        eval();
        RunTest(batches, metrics, callbackList);
        return new EvaluationResult(metrics.ResultOrder());
    }

    // Keras' evaluation loop, shared by Evaluate and Fit's validation: test hooks, no gradients,
    // one dispose scope per step.
    private OrderedDictionary<string, double> RunTest(IBatchSource batches, CompiledMetrics metrics, CallbackList callbacks)
    {
        callbacks.OnTestBegin();
        metrics.Reset();
        BatchLoop.Run(batches, Device, callbacks.OnTestBatchBegin,
            (x, y, _) =>
            {
                using (no_grad())
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
