using System.Collections.Generic;
using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// The TorchSharp autograd function through which a custom layer with a hand-written
/// <c>Backward</c> runs: forward is the layer's <c>Call</c> outside the graph; backward asks the
/// layer for the input gradient and the weights' gradients. The weights are arguments so that
/// the output needs a gradient whenever a weight does.
/// </summary>
internal sealed class CustomBackwardFunction : autograd.SingleTensorFunction<CustomBackwardFunction>
{
    private const string LayerKey = "layer";

    /// <inheritdoc/>
    public override string Name => nameof(CustomBackwardFunction);

    /// <summary>Expects <c>(CustomLayer layer, Tensor inputs, Parameter weight...)</c>.</summary>
    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var layer = (CustomLayer)vars[0];
        var inputs = (Tensor)vars[1];
        ctx.save_data(LayerKey, layer);
        ctx.save_for_backward([inputs]);
        return layer.ForwardForBackward(inputs);
    }

    /// <summary>The gradients of the inputs and of each weight, in the order they were passed.</summary>
    public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor grad_output)
    {
        var layer = (CustomLayer)ctx.get_data(LayerKey);
        return layer.BackwardGradients(ctx.get_saved_variables()[0], grad_output);
    }
}
