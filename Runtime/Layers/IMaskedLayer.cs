using static TorchSharp.torch;

namespace StaticKeras.Layers;

/// <summary>
/// A layer that takes Keras' mask (<c>(batch, steps)</c>, true for the steps to use): the recurrent
/// layers skip masked steps, <see cref="GlobalAveragePooling1D"/> leaves them out of its mean.
/// Generated models call it with the mask that reaches the layer (see <see cref="Masks"/>).
/// </summary>
public interface IMaskedLayer
{
    /// <summary>Applies the layer honouring <paramref name="mask"/>; <see langword="null"/> is the same as no mask.</summary>
    /// <param name="inputs">The input, batch first.</param>
    /// <param name="training">Whether the call is part of training.</param>
    /// <param name="mask">True for the steps to use, <c>(batch, steps)</c>.</param>
    /// <remarks>
    /// The mask comes last, after <paramref name="training"/>: a layer's own overload with a
    /// <c>Tensor?</c> second parameter would catch <c>layer.Call(x, training)</c> (TorchSharp converts
    /// a bool to a tensor implicitly). Generated code names it: <c>lstm.Call(x1, mask: mask1)</c>.
    /// </remarks>
    Tensor Call(Tensor inputs, bool training = false, Tensor? mask = null);
}
