namespace StaticKeras;

/// <summary>How a model's generated training step computes its gradients (<see cref="CompileAttribute.Backward"/>).</summary>
public enum BackwardMode
{
    /// <summary>
    /// The default: the generator writes the backward pass out, layer by layer in reverse graph order,
    /// with no autograd tape; a layer without an explicit gradient (a custom layer, a recurrent layer)
    /// gets its gradient through autograd on that layer alone.
    /// </summary>
    Generated,

    /// <summary>TorchSharp autograd over the whole model, as a reference and a fallback.</summary>
    Autograd,
}
