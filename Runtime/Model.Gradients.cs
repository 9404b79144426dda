using System;
using static TorchSharp.torch;

namespace StaticKeras;

public abstract partial class Model
{
    /// <summary>
    /// Prepares every trainable weight's gradient buffer for a generated backward pass: each
    /// <c>.grad</c> is a zero tensor shaped like its weight after this call. Layer <c>Backward</c>
    /// methods then accumulate into those buffers (a shared layer's contributions add up), and
    /// <see cref="ApplyGradients()"/> steps the optimizer from them.
    /// </summary>
    /// <exception cref="InvalidOperationException">The model has no optimizer: no <c>[Compile]</c> and no <see cref="Compile"/> call.</exception>
    protected void ZeroGradients()
    {
        using var noGrad = no_grad();
        foreach (var weight in CompiledOptimizer.Parameters)
        {
            if (weight.grad is { } gradient)
            {
                gradient.zero_();
            }
            else
            {
                weight.grad = zeros_like(weight).DetachFromDisposeScope();
            }
        }
    }

    /// <summary>
    /// One optimizer update from the gradients already written into each trainable weight's
    /// <c>.grad</c> (by a generated backward pass after <see cref="ZeroGradients"/>): steps
    /// <see cref="CompiledOptimizer"/> with no autograd involved.
    /// </summary>
    /// <exception cref="InvalidOperationException">The model has no optimizer: no <c>[Compile]</c> and no <see cref="Compile"/> call.</exception>
    protected void ApplyGradients() => CompiledOptimizer.Step();
}
