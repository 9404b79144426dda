namespace StaticKeras;

// Integration seam: Fit (on another branch) owns the optimizer and exposes it under this exact
// name and type; callbacks such as ReduceLROnPlateau and LearningRateScheduler read and change
// its learning rate through it. Reconcile with that branch's declaration when merging.
public abstract partial class Model
{
    /// <summary>
    /// The optimizer <c>Fit</c> trains with (Keras' <c>model.optimizer</c>), or <see langword="null"/>
    /// before training is set up. Callbacks change its <see cref="Optimizers.KerasOptimizer.LearningRate"/>.
    /// </summary>
    public Optimizers.KerasOptimizer? Optimizer { get; protected internal set; }
}
