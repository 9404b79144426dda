namespace StaticKeras;

/// <summary>How one output of a model is trained.</summary>
/// <param name="Loss">The output's loss, which decides the form of its targets.</param>
/// <param name="Metrics">The output's metrics besides its loss.</param>
/// <param name="FromLogits">Whether the loss receives logits.</param>
/// <param name="LossWeight">The output's weight in the total loss (Keras' <c>loss_weights</c>).</param>
public sealed record OutputTraining(Loss Loss, Metric[] Metrics, bool FromLogits, double LossWeight);
