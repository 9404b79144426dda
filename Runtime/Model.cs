using TorchSharp;
using static TorchSharp.torch;

namespace StaticKeras;

/// <summary>
/// The base of every StaticKeras model: a TorchSharp module whose forward pass, training step and
/// summary are generated from the attributed <c>partial</c> class that derives from it. It gives
/// the Keras workflow: <c>Fit</c>, <c>Evaluate</c>, <c>Predict</c>, <c>Summary</c>, saving and loading.
/// </summary>
/// <remarks>
/// Generated code implements <see cref="Info"/>, <see cref="Call"/>, <see cref="TrainStep"/> and
/// <see cref="TestStep"/>; docs/design/generated-code.md describes the contract.
/// </remarks>
public abstract partial class Model : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the model with its TorchSharp module name.</summary>
    protected Model(string name) : base(name)
    {
    }

    /// <summary>What the generator knew about this model at build time.</summary>
    /// <remarks>
    /// This and the step methods are <see langword="protected"/>, not <c>protected internal</c>: an
    /// override of a <c>protected internal</c> member must itself be <c>protected</c> in assemblies
    /// that cannot see the runtime's internals and <c>protected internal</c> in those that can
    /// (InternalsVisibleTo), so one generated <c>protected override</c> could not compile in both.
    /// </remarks>
    protected abstract ModelInfo Info { get; }

    /// <summary><see cref="Info"/> for the runtime's own services (callbacks, saving).</summary>
    internal ModelInfo BuildInfo => Info;

    /// <summary>The forward pass, as Keras' <c>model(inputs, training=...)</c>.</summary>
    /// <param name="inputs">A batch of inputs of the declared shape.</param>
    /// <param name="training">Whether layers such as Dropout act in training mode.</param>
    public abstract Tensor Call(Tensor inputs, bool training = false);

    /// <summary>One training step on a batch: forward, losses, gradients, one optimizer update.</summary>
    /// <param name="x">One batch of each input, in the order of <see cref="ModelInfo.Inputs"/>.</param>
    /// <param name="y">The same rows of each output's targets, in the order of <see cref="ModelInfo.Outputs"/>.</param>
    /// <param name="sampleWeight">Each output's per-sample loss weights, shape <c>(batch,)</c>, or <see langword="null"/> entries for none.</param>
    protected abstract StepOutput TrainStep(Tensor[] x, Tensor[] y, Tensor?[] sampleWeight);

    /// <summary>One evaluation step on a batch: forward in inference mode and the losses.</summary>
    /// <param name="x">One batch of each input, in the order of <see cref="ModelInfo.Inputs"/>.</param>
    /// <param name="y">The same rows of each output's targets, in the order of <see cref="ModelInfo.Outputs"/>.</param>
    /// <param name="sampleWeight">Each output's per-sample loss weights, shape <c>(batch,)</c>, or <see langword="null"/> entries for none.</param>
    protected abstract StepOutput TestStep(Tensor[] x, Tensor[] y, Tensor?[] sampleWeight);

    /// <inheritdoc/>
    public sealed override Tensor forward(Tensor input) => Call(input, training);

    /// <summary>Set by a callback to stop <c>Fit</c> at the end of the current epoch (Keras' <c>model.stop_training</c>).</summary>
    public bool StopTraining { get; set; }
}
