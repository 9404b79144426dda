using System.Linq;
using StaticKeras.Generator.Inference;

namespace StaticKeras.Generator.Emit;

/// <summary>
/// Which backward a model's training step uses: the generated one (Emit/Backward), or TorchSharp's
/// autograd through <c>ApplyGradients</c>. Autograd when the author asks for it
/// (<c>[Compile(Backward = BackwardMode.Autograd)]</c>), and for what the generated backward does not
/// cover yet: Keras' masks (the recurrent layers' skipped steps and the masked mean have no gradient
/// kernels) and regularization penalties added to the loss.
/// </summary>
internal static class TrainingPath
{
    /// <summary>Whether <paramref name="model"/> trains through autograd.</summary>
    public static bool UsesAutograd(InferredModel model) => model.Declaration.AutogradBackward || Reason(model) is not null;

    /// <summary>
    /// Why the generated backward is not used although the author did not ask for autograd, for the
    /// comment on the <c>ApplyGradients</c> line; <see langword="null"/> when nothing forces it.
    /// </summary>
    public static string? Reason(InferredModel model) =>
        MaskFlow.Of(model.Graph, model.Declaration.Layer).Any(m => m) ? "masks have no generated gradient yet"
        : RegularizationLines.Any(model) ? "regularization penalties have no generated gradient yet"
        : null;
}
