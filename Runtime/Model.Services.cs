using System;
using StaticKeras.Inference;
using StaticKeras.Training;
using static TorchSharp.torch;

namespace StaticKeras;

public abstract partial class Model
{
    /// <summary>
    /// Checks a batch against the declared input (<see cref="ModelInfo.Input"/>): rank, every size
    /// known at build time, consistent symbolic sizes, and dtype float32. Generated <c>Call</c>
    /// methods start with it. Within <c>Predict</c> it passes over the batches at once: the inputs
    /// were checked as a whole before the first batch.
    /// </summary>
    /// <param name="inputs">The batch the forward pass received.</param>
    /// <exception cref="ArgumentException">The shape or dtype differs; the message names both.</exception>
    protected void GuardInput(Tensor inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (!CheckedBatch.Contains(this, inputs) && InputCheck.Mismatch(Info, inputs, Info.Input.Name) is { } problem)
        {
            throw new ArgumentException(problem, nameof(inputs));
        }
    }

    /// <summary>
    /// One optimizer update from a scalar loss: zeroes the gradients (the flat gradient buffer, which
    /// autograd then accumulates into in place), runs autograd's backward and steps <see cref="CompiledOptimizer"/> (created from <c>[Compile]</c> on first use).
    /// Generated training steps call it after computing the loss.
    /// </summary>
    /// <param name="loss">The batch's scalar loss, attached to the graph of the model's weights.</param>
    /// <exception cref="ArgumentException">The loss is not a scalar.</exception>
    /// <exception cref="InvalidOperationException">The model has no optimizer: no <c>[Compile]</c> and no <see cref="Compile"/> call.</exception>
    protected void ApplyGradients(Tensor loss)
    {
        ArgumentNullException.ThrowIfNull(loss);
        if (loss.numel() != 1)
        {
            throw new ArgumentException($"ApplyGradients needs a scalar loss; got shape {ShapeText.Of(loss.shape)}.", nameof(loss));
        }

        var optimizer = CompiledOptimizer;
        optimizer.ZeroGrad();
        loss.backward();
        optimizer.Step();
        ApplyConstraints();
    }
}
