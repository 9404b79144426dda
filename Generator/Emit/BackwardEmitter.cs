using System.Collections.Generic;

namespace StaticKeras.Generator.Emit;

/// <summary>
/// The backward pass of the training step. In this version it hands the loss to TorchSharp's
/// autograd through the runtime's <c>ApplyGradients</c>. An explicit backward replaces these lines:
/// the loss gradient, then each layer's gradient lines in reverse order (asked of its
/// <see cref="Layers.ILayerEmitter"/>), then the optimizer step.
/// </summary>
internal static class BackwardEmitter
{
    // ApplyGradients(loss);  // backward: autograd
    /// <summary>The backward lines for the scalar <paramref name="loss"/>; <paramref name="reason"/> says why autograd when the model did not ask for it.</summary>
    public static IEnumerable<CodeLine> Lines(string loss, string? reason = null)
    {
        yield return new CodeLine($"ApplyGradients({loss});", reason is null ? "backward: autograd" : "backward: autograd (" + reason + ")");
    }
}
