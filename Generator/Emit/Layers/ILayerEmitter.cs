using StaticKeras.Generator.Model;

namespace StaticKeras.Generator.Emit.Layers;

/// <summary>
/// How one layer family is written into the forward pass and training step. An explicit backward
/// pass will add a member here (the gradient lines for a layer, given the names of its saved
/// input and its output gradient), which the train-step emitter calls in reverse layer order.
/// </summary>
internal interface ILayerEmitter
{
    /// <summary>The layer's forward call: <c>hidden.Call(x1)</c>, <c>drop.Call(x2, training: true)</c>.</summary>
    /// <param name="layer">The layer.</param>
    /// <param name="reference">How the method refers to the layer member (<c>hidden</c>, or <c>this.x1</c>).</param>
    /// <param name="input">The name of the input tensor.</param>
    /// <param name="mode">The method being written.</param>
    string Forward(LayerDeclaration layer, string reference, string input, CallMode mode);

    /// <summary>
    /// The layer's output before its activation, so softmax/sigmoid can be fused into the loss:
    /// <c>output.CallLinear(x2)</c>; <see langword="null"/> when the layer has no separable activation.
    /// </summary>
    string? ForwardLogits(LayerDeclaration layer, string reference, string input);
}
