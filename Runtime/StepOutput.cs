using TorchSharp;

namespace StaticKeras;

/// <summary>What one training or test step produced.</summary>
/// <param name="Loss">The scalar total loss of the batch: each output's loss times its loss weight, summed.</param>
/// <param name="OutputLosses">Each output's scalar loss, unweighted, in output order (for one output: the loss itself).</param>
/// <param name="Predictions">Each output for the batch (probabilities where it ends in softmax), in output order.</param>
/// <param name="Masks">Each output's Keras mask <c>(batch, steps)</c> (null for an output without one), or null when no output
/// has one: the metrics then average over the unmasked steps only, as Keras weighs them by the mask.</param>
/// <param name="SoftmaxLogits">Per output, whether its <paramref name="Predictions"/> entry holds the logits of a softmax
/// the loss fused (the probabilities are their softmax over the last axis), or null when none does: the metrics then
/// apply the softmax only where a metric needs the probabilities (Keras' categorical accuracies need only the arg-max,
/// which the softmax keeps). Generated test steps pass the logits so, sparing a softmax per batch.</param>
public readonly record struct StepOutput(
    torch.Tensor Loss, torch.Tensor[] OutputLosses, torch.Tensor[] Predictions, torch.Tensor?[]? Masks = null, bool[]? SoftmaxLogits = null);
