using System;
using StaticKeras.Inference;
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

        if (!CheckedBatch.Contains(this, input) && InputCheck.Mismatch(GetName(), spec, input, $"input '{spec.Name}'") is { } problem)
        {
            throw new ArgumentException(problem, spec.Name);
        }
    }
}
