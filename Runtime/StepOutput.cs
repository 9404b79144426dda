using TorchSharp;

namespace StaticKeras;

/// <summary>What one training or test step produced.</summary>
/// <param name="Loss">The scalar loss of the batch.</param>
/// <param name="Predictions">The model's output for the batch (probabilities where the model ends in softmax).</param>
public readonly record struct StepOutput(torch.Tensor Loss, torch.Tensor Predictions);
