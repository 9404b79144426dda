using System;
using System.Collections.Generic;
using System.Linq;
using StaticKeras.Training;
using static TorchSharp.torch;

namespace StaticKeras;

public abstract partial class Model
{
    /// <summary>
    /// Checks one of several inputs against its declared shape: rank, every size known at build
    /// time, consistent symbolic sizes, and dtype float32. The generated typed <c>Call(Inputs)</c>
    /// of a model with several inputs starts with one call per input.
    /// </summary>
    /// <param name="input">The tensor given for the input.</param>
    /// <param name="spec">The input's name and declared shape.</param>
    /// <exception cref="ArgumentException">The shape or dtype differs; the message names the input and both shapes.</exception>
    protected void GuardInput(Tensor input, TensorSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (input is null)
        {
            throw new ArgumentNullException(spec.Name, $"{GetName()} needs input '{spec.Name}' of shape {spec.Display}; got null.");
        }

        if (InputCheck.Mismatch(GetName(), spec, input, $"input '{spec.Name}'") is { } problem)
        {
            throw new ArgumentException(problem, spec.Name);
        }
    }

    /// <summary>
    /// Keras' <c>model.predict</c> for a model with several inputs or outputs: runs
    /// <paramref name="call"/> in inference mode on batches of <paramref name="inputs"/> (the same
    /// rows of each) and concatenates each output over the batches. The generated typed
    /// <c>Predict(Inputs)</c> calls it.
    /// </summary>
    /// <param name="inputs">The inputs in declaration order, each batch first, all with the same number of samples.</param>
    /// <param name="specs">Their declared shapes, to check them before any batch runs.</param>
    /// <param name="call">The forward pass from one batch of each input to the outputs in declaration order.</param>
    /// <param name="batchSize">Samples per batch.</param>
    /// <returns>Each output for every sample: new tensors owned by the caller's dispose scope, if any.</returns>
    /// <exception cref="ArgumentException">An input of the wrong shape or dtype, inputs of different lengths, or an invalid batch size.</exception>
    protected Tensor[] PredictMany(Tensor[] inputs, TensorSpec[] specs, Func<Tensor[], Tensor[]> call, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(specs);
        ArgumentNullException.ThrowIfNull(call);
        DataChecks.BatchSize(batchSize);
        var samples = MultiData.Samples(GetName(), inputs, specs, nameof(Predict));
        CheckFinite(nameof(Predict), [.. inputs.Select((input, i) => ((Tensor?)input, $"input '{specs[i].Name}'"))]);

        using var scope = NewDisposeScope();
        eval();
        List<Tensor>[]? outputs = null;
        for (var start = 0L; start < samples; start += batchSize)
        {
            using (NewDisposeScope())
            using (no_grad())
            {
                var length = Math.Min(batchSize, samples - start);
                var batch = Array.ConvertAll(inputs, t => t.narrow(0, start, length));
                var results = call(batch);
                outputs ??= Array.ConvertAll(results, _ => new List<Tensor>());
                for (var i = 0; i < results.Length; i++)
                {
                    outputs[i].Add(results[i].MoveToOuterDisposeScope());
                }
            }
        }

        // Always new tensors, so a result never aliases the caller's inputs.
        return Array.ConvertAll(outputs!, list => (list.Count == 1 ? list[0].clone() : cat(list, 0)).MoveToOuterDisposeScope());
    }
}
