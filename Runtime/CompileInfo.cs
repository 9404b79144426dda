namespace StaticKeras;

/// <summary>The training configuration a <c>[Compile]</c> attribute declared.</summary>
/// <param name="Optimizer">The optimizer.</param>
/// <param name="Loss">The loss.</param>
/// <param name="Metrics">Metrics besides the loss.</param>
/// <param name="FromLogits">Whether the loss receives logits.</param>
/// <param name="LearningRate">The learning rate; 0 means the optimizer's Keras default.</param>
public sealed record CompileInfo(Optimizer Optimizer, Loss Loss, Metric[] Metrics, bool FromLogits, double LearningRate);
