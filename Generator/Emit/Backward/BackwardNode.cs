using System.Collections.Generic;
using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Emit.Backward;

/// <summary>One layer call of an explicit training step, as its backward emitter sees it.</summary>
/// <param name="Layer">The layer called.</param>
/// <param name="Reference">How the step refers to the layer member (<c>hidden</c>, <c>this.x1</c>).</param>
/// <param name="Inputs">The locals the call reads, in argument order.</param>
/// <param name="Output">The local the call's result is named (<c>x3</c>, <c>logits</c>); saved state is named after it (<c>x3_mask</c>).</param>
/// <param name="NeedsInputGradient">Per input, whether the backward pass needs dL/dinput (false for a model input or a value no weight depends on).</param>
/// <param name="Logits">Whether the call stops before its activation because the loss fuses it (<c>CallLinear</c>).</param>
/// <param name="HasWeights">Whether the layer has trainable weights.</param>
/// <param name="OutputDims">The output's sizes after the batch axis when all are known at build time (a planned buffer needs them), else null.</param>
internal sealed record BackwardNode(
    LayerDeclaration Layer,
    string Reference,
    IReadOnlyList<string> Inputs,
    string Output,
    IReadOnlyList<bool> NeedsInputGradient,
    bool Logits,
    bool HasWeights,
    IReadOnlyList<long>? OutputDims = null)
{
    /// <summary>The call's inputs as one argument list: <c>x1</c>, or <c>x2, x3</c>.</summary>
    public string Arguments => string.Join(", ", Inputs);

    /// <summary>The inputs as an array expression: <c>new[] { x2, x3 }</c>.</summary>
    public string InputArray => "new[] { " + Arguments + " }";

    /// <summary>Whether any input needs a gradient.</summary>
    public bool AnyInputGradient
    {
        get
        {
            foreach (var needed in NeedsInputGradient)
            {
                if (needed)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
