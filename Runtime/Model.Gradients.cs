using System;
using System.Linq;
using StaticKeras.Optimizers;

namespace StaticKeras;

public abstract partial class Model
{
    /// <summary>
    /// Prepares every trainable weight's gradient buffer for a generated backward pass: each
    /// <c>.grad</c> is a zero tensor shaped like its weight after this call. Layer <c>Backward</c>
    /// methods then accumulate into those buffers in place (a shared layer's contributions add up;
    /// never replace the tensor object), and <see cref="ApplyGradients()"/> steps the optimizer from them.
    /// </summary>
    /// <remarks>
    /// The gradients are views of one flat buffer per dtype and device (see
    /// <see cref="KerasOptimizer.Build"/>), so this is one <c>zero_</c> whatever the number of weights.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The model has no optimizer: no <c>[Compile]</c> and no <see cref="Compile"/> call.</exception>
    protected void ZeroGradients() => CompiledOptimizer.ZeroGrad();

    /// <summary>
    /// One optimizer update from the gradients already written into each trainable weight's
    /// <c>.grad</c> (by a generated backward pass after <see cref="ZeroGradients"/>): steps
    /// <see cref="CompiledOptimizer"/> with no autograd involved.
    /// </summary>
    /// <exception cref="InvalidOperationException">The model has no optimizer: no <c>[Compile]</c> and no <see cref="Compile"/> call.</exception>
    protected void ApplyGradients()
    {
        CompiledOptimizer.Step();
        ApplyConstraints();
    }

    /// <summary>
    /// Keras' weight constraints (<c>kernelConstraint</c>, <c>biasConstraint</c>...): projects every constrained
    /// weight of every layer, nested models' included, in place after an optimizer step, as Keras' optimizer does.
    /// The training steps call it after each update; the weights stay views of the optimizer's flat buffer.
    /// </summary>
    protected void ApplyConstraints()
    {
        _constrainedLayers ??= [.. modules().OfType<StaticKeras.Layers.Layer>().Where(l => l.IsConstrained)];
        foreach (var layer in _constrainedLayers)
        {
            layer.ApplyConstraints();
        }
    }

    // The layers with constraints, found once: a model's layers are fixed when it is constructed.
    private StaticKeras.Layers.Layer[]? _constrainedLayers;
}

